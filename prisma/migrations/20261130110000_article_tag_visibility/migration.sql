-- Tag pages list a tag's visible stories, newest first. Reading them through "Article" walks every
-- visible story of the site and checks its tags (1.15 s for a busy tag's page count at a million
-- stories, 0.3 s for page 1 of a rare tag): instead each tag link carries a copy of its story's
-- status and publication time, so one index range of "ArticleTag" answers both.
--
-- The copies are kept exact by the triggers below, in the same statement as the change: a new
-- link copies its story's values; a story's new status or publication time is copied to its links.
--
-- WARNING for later migrations (as for 20261125030000_search_fts): when Prisma redefines
-- "Article" or "ArticleTag" (CREATE "new_…", copy, DROP, RENAME), SQLite drops these triggers with
-- the old table. Such a migration must end by re-creating them from this file.
ALTER TABLE "ArticleTag" ADD COLUMN "status" TEXT NOT NULL DEFAULT 'draft';
ALTER TABLE "ArticleTag" ADD COLUMN "publishedAt" DATETIME;

UPDATE "ArticleTag"
SET "status" = (SELECT a."status" FROM "Article" a WHERE a."id" = "ArticleTag"."articleId"),
    "publishedAt" = (SELECT a."publishedAt" FROM "Article" a WHERE a."id" = "ArticleTag"."articleId");

CREATE INDEX "ArticleTag_tagId_status_publishedAt_articleId_idx" ON "ArticleTag"("tagId", "status", "publishedAt", "articleId");

-- (A link to a story that does not exist keeps 'draft': its foreign key refuses it at commit.)
CREATE TRIGGER "ArticleTag_story_copy_ai" AFTER INSERT ON "ArticleTag" BEGIN
    UPDATE "ArticleTag"
    SET "status" = coalesce((SELECT "status" FROM "Article" WHERE "id" = new."articleId"), 'draft'),
        "publishedAt" = (SELECT "publishedAt" FROM "Article" WHERE "id" = new."articleId")
    WHERE "articleId" = new."articleId" AND "tagId" = new."tagId";
END;

CREATE TRIGGER "Article_tag_copy_au" AFTER UPDATE OF "status", "publishedAt" ON "Article" BEGIN
    UPDATE "ArticleTag" SET "status" = new."status", "publishedAt" = new."publishedAt"
    WHERE "articleId" = new."id";
END;
