-- Site search on PostgreSQL: the twin of prisma/migrations/20261125030000_search_fts (SQLite FTS5
-- with the trigram tokenizer). pg_trgm indexes the 3-character substrings of a text, which finds
-- 融水苗族 inside 融水苗族自治县 without a word dictionary; a GIN index with gin_trgm_ops answers
-- LIKE and ILIKE '%…%' from it, rechecking each candidate row (so results are exact).
--
-- One expression index over title, summary and bodyText joined by newlines: a search term never
-- contains whitespace (lib/search-text.ts parseSearchQuery splits on it), so a match in the joined
-- text is always a match inside one of the three columns. lib/postgres/search.ts must write the
-- expression exactly as here, or the planner does not recognize it. PostgreSQL maintains the index
-- itself: no triggers.
--
-- pg_trgm extracts trigrams only from characters the database's LC_CTYPE calls letters or digits:
-- with a UTF-8 locale (C.UTF-8, zh_CN.UTF-8, en_US.UTF-8) that includes Chinese; under LC_CTYPE=C
-- Chinese text would give no trigrams and every search would read the whole index
-- (lib/postgres/search.ts checkArticleSearch tests this). pg_trgm is a trusted extension: the
-- database owner may create it without superuser rights.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE INDEX "Article_search_trgm_idx" ON "Article"
USING gin (("title" || E'\n' || "summary" || E'\n' || "bodyText") gin_trgm_ops);
