-- The editor's story list at archive scale: the twin of prisma/migrations/20261201120000_admin_list
-- (SQLite). One index per filter combination, each ending in "updatedAt": a page is a walk of one
-- index from the cursor (ties on "updatedAt", rare, are ordered by id in an incremental sort).
-- CreateIndex
CREATE INDEX "Article_channelId_updatedAt_idx" ON "Article"("channelId", "updatedAt");

-- CreateIndex
CREATE INDEX "Article_status_updatedAt_idx" ON "Article"("status", "updatedAt");

-- CreateIndex
CREATE INDEX "Article_channelId_status_updatedAt_idx" ON "Article"("channelId", "status", "updatedAt");

-- Title search for editors: the grams (difang_search_grams, 20261130200500_search_bigrams) of the
-- title alone, plus `ch<channelId>` and `st<status>` (never a gram: grams have one or two
-- characters), so that the list's filters narrow the posting lists inside the index. A word of
-- one or two characters is one posting list, a longer one the intersection of its pairs' lists,
-- rechecked with LIKE (lib/postgres/admin-titles.ts). lib/postgres/admin-titles.ts relies on the
-- expression being written exactly as here.
CREATE INDEX "Article_title_grams_idx" ON "Article"
USING gin ((difang_search_grams("title") || ARRAY['ch' || "channelId"::text, 'st' || "status"]));

-- The stories whose title keys hold every one of `keys`, through the index only (seqscan off for
-- the same reason as difang_search_gram_matches: the planner would rather compute every title's
-- grams for a gram it knows to be common).
CREATE FUNCTION difang_title_gram_matches(keys text[])
RETURNS TABLE ("id" integer, "title" text)
LANGUAGE sql STABLE PARALLEL SAFE SET enable_seqscan = off AS $$
  SELECT a."id", a."title" FROM "Article" a
  WHERE (difang_search_grams(a."title") || ARRAY['ch' || a."channelId"::text, 'st' || a."status"]) @> keys
$$;
