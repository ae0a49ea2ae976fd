-- Search words of one or two characters (hand-written: schema.prisma cannot express FTS5 tables or
-- views). The trigram index of 20261125030000_search_fts cannot answer them; LIKE over the stories
-- newest first can, but reads every story for a rare word (鹿, 融安) on a large archive.
--
-- "ArticleSearchGrams" indexes every character and every pair of adjacent characters of a story's
-- title, summary and bodyText (joined by a newline), each as one token: so a word of one or two
-- characters is one token, and its stories are one posting list. A token is the hex of the
-- gram's UTF-8 bytes after lower() (ASCII only, as LIKE folds case), so that the `ascii` tokenizer
-- takes it whole, whatever the characters are (CJK, letters, digits, punctuation): a story has the
-- token of word w exactly when `title || summary || bodyText LIKE '%w%'` (lib/search-text.ts
-- gramToken builds the query's token the same way). Grams across the newline between two
-- columns are indexed too; no search word contains whitespace, so they never match.
--
-- detail=none: only which stories hold a token is kept (no positions), the smallest FTS5 index.
-- Contentless (content=''), with contentless_delete=1 so that a story's row can be deleted by its
-- rowid alone. The grams are computed in SQL by the view "ArticleSearchGramText", so every
-- connection keeps the index in step through the triggers below (a trigger may not use WITH; a
-- view it reads may). The view works on the UTF-8 bytes (a BLOB: substr is then O(1), where on
-- TEXT it walks from the start): json_each over a generated array gives the byte offsets, those
-- not continuing a character are where characters start, lead() gives the next one and the one
-- after. 1.4–2.7 ms a story of 400 characters (by the machine's load): nothing for a save, 25–45
-- minutes for the backfill below on a million stories (`npm run seed:large` fills the index in
-- JavaScript instead, 0.27 ms a story: scripts/seed-large/grams.mjs). It is rebuilt with
-- `INSERT INTO "ArticleSearchGrams"("ArticleSearchGrams") VALUES('delete-all')` followed by an
-- INSERT … SELECT from the view (lib/sqlite.ts rebuildArticleSearch).
--
-- WARNING for later migrations: when Prisma redefines "Article", SQLite drops these triggers with
-- the old table. Such a migration must re-create them from this file and rebuild the index.
CREATE VIEW "ArticleSearchGramText" AS
SELECT a."id" AS "id",
    (WITH x("b") AS MATERIALIZED (
        SELECT CAST(lower(a."title" || char(10) || a."summary" || char(10) || a."bodyText") AS BLOB))
     SELECT group_concat(DISTINCT c."one") || ',' || group_concat(DISTINCT c."two") FROM (
        SELECT hex(substr(x."b", p."key" + 1, lead(p."key", 1, length(x."b")) OVER w - p."key")) AS "one",
               hex(substr(x."b", p."key" + 1, lead(p."key", 2, length(x."b")) OVER w - p."key")) AS "two"
        FROM x, json_each('[' || replace(hex(zeroblob(length(x."b"))), '00', '0,') || '0]') p
        WHERE p."key" < length(x."b") AND substr(x."b", p."key" + 1, 1) NOT BETWEEN x'80' AND x'BF'
        WINDOW w AS (ORDER BY p."key")) c) AS "grams"
FROM "Article" a;

CREATE VIRTUAL TABLE "ArticleSearchGrams" USING fts5(
    "grams",
    content = '',
    contentless_delete = 1,
    detail = none,
    tokenize = 'ascii'
);

CREATE TRIGGER "Article_search_grams_ai" AFTER INSERT ON "Article" BEGIN
    INSERT INTO "ArticleSearchGrams" ("rowid", "grams")
    SELECT "id", "grams" FROM "ArticleSearchGramText" WHERE "id" = new."id";
END;

CREATE TRIGGER "Article_search_grams_ad" AFTER DELETE ON "Article" BEGIN
    DELETE FROM "ArticleSearchGrams" WHERE "rowid" = old."id";
END;

-- Only these columns fire it, so view counts and flags cost nothing.
CREATE TRIGGER "Article_search_grams_au" AFTER UPDATE OF "title", "summary", "bodyText" ON "Article" BEGIN
    DELETE FROM "ArticleSearchGrams" WHERE "rowid" = old."id";
    INSERT INTO "ArticleSearchGrams" ("rowid", "grams")
    SELECT "id", "grams" FROM "ArticleSearchGramText" WHERE "id" = new."id";
END;

-- Backfill the stories that exist already.
INSERT INTO "ArticleSearchGrams" ("rowid", "grams") SELECT "id", "grams" FROM "ArticleSearchGramText";
