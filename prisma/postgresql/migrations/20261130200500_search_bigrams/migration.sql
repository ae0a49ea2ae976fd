-- Search words of one or two characters: the twin of prisma/migrations/20261130200500_search_bigrams
-- (SQLite). The trigram index of 20261130140300_search has no trigram for them, and ILIKE over the
-- stories newest first reads every story for a rare word (鹿, 融安) on a large archive.
--
-- difang_search_grams gives every character and every pair of adjacent characters of a text after
-- lower() (as ILIKE folds case); a GIN index over the grams of title, summary and
-- bodyText (joined by newlines, the expression of the trigram index) answers `@> ARRAY[word]` for
-- a word of one or two characters from one posting list, exactly: a story has the gram w exactly
-- when its lower-cased text contains w. Grams across a newline never match: no search word
-- contains whitespace. lib/postgres/search.ts must write the expression exactly as here, or the
-- planner does not recognize it. PostgreSQL maintains the index itself: no triggers.
--
-- IMMUTABLE as the index requires; lower() follows the database's collation, which an index of
-- pg_trgm (also lower-cased) depends on in the same way. The characters as an array, then each
-- with the next one (unnest of two shifted slices zips them): no sort, one pass. Repeated grams
-- are left in (GIN keeps each key of a row once). Building the index takes about 0.6 ms a story
-- (20,000 stories of the million-story file in 12 s: ~10 minutes for a million).
CREATE FUNCTION difang_search_grams(t text) RETURNS text[]
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT c || ARRAY(SELECT u.x || u.y FROM unnest(c[:cardinality(c) - 1], c[2:]) AS u(x, y))
  FROM string_to_array(lower(t), NULL) AS c
$$;

CREATE INDEX "Article_search_grams_idx" ON "Article"
USING gin (difang_search_grams("title" || E'\n' || "summary" || E'\n' || "bodyText"));

-- The stories holding every gram of `grams`, through the index only. The planner, which costs the
-- index's recheck as if it computed every row's grams, would take a sequential scan for a gram it
-- knows to be common, and that computes the grams of every story (minutes on a large archive);
-- with seqscan off for this function's query (a function with SET is planned on its own) it takes
-- the bitmap scan, whose rows need no recheck (`@>` on a GIN array index is exact).
CREATE FUNCTION difang_search_gram_matches(grams text[])
RETURNS TABLE ("id" integer, "title" text, "publishedAt" timestamp(3), "status" text, "channelId" integer)
LANGUAGE sql STABLE PARALLEL SAFE SET enable_seqscan = off AS $$
  SELECT a."id", a."title", a."publishedAt", a."status", a."channelId" FROM "Article" a
  WHERE difang_search_grams(a."title" || E'\n' || a."summary" || E'\n' || a."bodyText") @> grams
$$;
