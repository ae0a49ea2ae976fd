-- Full-text search over stories (hand-written: schema.prisma cannot express FTS5 virtual tables).
--
-- "ArticleSearch" is an FTS5 index with the `trigram` tokenizer, which matches any substring of
-- three or more characters: Chinese has no spaces between words, so a word tokenizer would need a
-- dictionary, while trigrams find 融水苗族 inside 融水苗族自治县 without one. Queries of one or
-- two characters cannot use a trigram index; lib/sqlite.ts answers them with LIKE.
--
-- It is an external-content table: the text lives only in "Article" (no second copy), the index
-- is kept in step by the triggers below, and `INSERT INTO "ArticleSearch"("ArticleSearch")
-- VALUES('rebuild')` rebuilds it from "Article" at any time (lib/sqlite.ts rebuildArticleSearch).
--
-- WARNING for later migrations: when Prisma redefines "Article" (CREATE "new_Article", copy,
-- DROP, RENAME), SQLite drops these triggers with the old table. Such a migration must end by
-- re-creating the three triggers from this file and rebuilding the index.
CREATE VIRTUAL TABLE "ArticleSearch" USING fts5(
    "title",
    "summary",
    "bodyText",
    content = 'Article',
    content_rowid = 'id',
    tokenize = 'trigram'
);

-- New story: index it.
CREATE TRIGGER "Article_search_ai" AFTER INSERT ON "Article" BEGIN
    INSERT INTO "ArticleSearch" ("rowid", "title", "summary", "bodyText")
    VALUES (new."id", new."title", new."summary", new."bodyText");
END;

-- Deleted story: remove its terms (an external-content delete must be given the old values).
CREATE TRIGGER "Article_search_ad" AFTER DELETE ON "Article" BEGIN
    INSERT INTO "ArticleSearch" ("ArticleSearch", "rowid", "title", "summary", "bodyText")
    VALUES ('delete', old."id", old."title", old."summary", old."bodyText");
END;

-- Edited text: re-index. Only these columns fire it, so view counts and flags cost nothing.
CREATE TRIGGER "Article_search_au" AFTER UPDATE OF "title", "summary", "bodyText" ON "Article" BEGIN
    INSERT INTO "ArticleSearch" ("ArticleSearch", "rowid", "title", "summary", "bodyText")
    VALUES ('delete', old."id", old."title", old."summary", old."bodyText");
    INSERT INTO "ArticleSearch" ("rowid", "title", "summary", "bodyText")
    VALUES (new."id", new."title", new."summary", new."bodyText");
END;

-- Backfill the stories that exist already.
INSERT INTO "ArticleSearch" ("ArticleSearch") VALUES ('rebuild');
