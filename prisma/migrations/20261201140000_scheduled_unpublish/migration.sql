-- 定时撤稿: a story's scheduled unpublish time, decided when read like publishedAt
-- (lib/data/visibility.ts). ADD COLUMN keeps "Article" (and its triggers) as it is.
ALTER TABLE "Article" ADD COLUMN "unpublishAt" DATETIME;

CREATE INDEX "Article_status_unpublishAt_idx" ON "Article"("status", "unpublishAt");
