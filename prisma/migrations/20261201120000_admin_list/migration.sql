-- The editor's story list at archive scale (newest change first, keyset pages): one index per
-- filter combination, each ending in "updatedAt" so that a page is a walk of one index from the
-- cursor (SQLite appends the rowid, the id, to every index: ties are ordered too).
-- CreateIndex
CREATE INDEX "Article_channelId_updatedAt_idx" ON "Article"("channelId", "updatedAt");

-- CreateIndex
CREATE INDEX "Article_status_updatedAt_idx" ON "Article"("status", "updatedAt");

-- CreateIndex
CREATE INDEX "Article_channelId_status_updatedAt_idx" ON "Article"("channelId", "status", "updatedAt");

-- Title search for editors (hand-written: schema.prisma cannot express FTS5 tables or views).
-- "ArticleTitleGrams" is "ArticleSearchGrams" (20261130200500_search_bigrams) for titles alone:
-- every character and every pair of adjacent characters of the title, each one token (the hex of
-- its UTF-8 bytes after ASCII lower()), detail=none, contentless. A word of one or two characters
-- is one posting list, a longer word the intersection of its pairs' lists, rechecked with LIKE
-- (lib/sqlite.ts titleMatchIds). Two more tokens, `ch<channelId>` and `st<hex of status>` (never
-- a gram: those are hex of even length), let the list's filters narrow the lists inside the index:
-- a word common in one channel's titles and absent from another's is then as cheap there as a
-- rare word. Titles are short: the view takes a fraction of a millisecond a story, so the backfill
-- of a million stories takes minutes, and a save nothing.
--
-- WARNING for later migrations: when Prisma redefines "Article", SQLite drops these triggers with
-- the old table. Such a migration must re-create them from this file and rebuild the index
-- (lib/sqlite.ts rebuildArticleSearch).
CREATE VIEW "ArticleTitleGramText" AS
SELECT a."id" AS "id",
    (WITH x("b") AS MATERIALIZED (SELECT CAST(lower(a."title") AS BLOB))
     SELECT group_concat(DISTINCT c."one") || ',' || group_concat(DISTINCT c."two")
            || ',ch' || a."channelId" || ',st' || hex(a."status") FROM (
        SELECT hex(substr(x."b", p."key" + 1, lead(p."key", 1, length(x."b")) OVER w - p."key")) AS "one",
               hex(substr(x."b", p."key" + 1, lead(p."key", 2, length(x."b")) OVER w - p."key")) AS "two"
        FROM x, json_each('[' || replace(hex(zeroblob(length(x."b"))), '00', '0,') || '0]') p
        WHERE p."key" < length(x."b") AND substr(x."b", p."key" + 1, 1) NOT BETWEEN x'80' AND x'BF'
        WINDOW w AS (ORDER BY p."key")) c) AS "grams"
FROM "Article" a;

CREATE VIRTUAL TABLE "ArticleTitleGrams" USING fts5(
    "grams",
    content = '',
    contentless_delete = 1,
    detail = none,
    tokenize = 'ascii'
);

CREATE TRIGGER "Article_title_grams_ai" AFTER INSERT ON "Article" BEGIN
    INSERT INTO "ArticleTitleGrams" ("rowid", "grams")
    SELECT "id", "grams" FROM "ArticleTitleGramText" WHERE "id" = new."id";
END;

CREATE TRIGGER "Article_title_grams_ad" AFTER DELETE ON "Article" BEGIN
    DELETE FROM "ArticleTitleGrams" WHERE "rowid" = old."id";
END;

-- Only a new title, channel or status fires it.
CREATE TRIGGER "Article_title_grams_au" AFTER UPDATE OF "title", "channelId", "status" ON "Article" BEGIN
    DELETE FROM "ArticleTitleGrams" WHERE "rowid" = old."id";
    INSERT INTO "ArticleTitleGrams" ("rowid", "grams")
    SELECT "id", "grams" FROM "ArticleTitleGramText" WHERE "id" = new."id";
END;

-- Backfill the stories that exist already.
INSERT INTO "ArticleTitleGrams" ("rowid", "grams") SELECT "id", "grams" FROM "ArticleTitleGramText";
