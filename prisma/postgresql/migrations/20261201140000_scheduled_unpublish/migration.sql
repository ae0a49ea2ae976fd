-- 定时撤稿: a story's scheduled unpublish time, decided when read like publishedAt
-- (lib/data/visibility.ts).
ALTER TABLE "Article" ADD COLUMN "unpublishAt" TIMESTAMP(3);

CREATE INDEX "Article_status_unpublishAt_idx" ON "Article"("status", "unpublishAt");
