-- View counting shared by every app node (lib/postgres/views.ts).
--
-- "ViewSeen": the (client, story) pairs counted recently; a view counts only when its pair has no
-- row or the row's window has ended, whichever node received it.
--
-- "difang_record_views": the whole write of a batch of views, in ONE statement, so that the app's
-- view writer and the synchronous last flush at process exit (scripts/db/record-views-at-exit.mjs,
-- a child process: no event loop is left in process.on("exit")) run exactly the same thing.
-- Hot-list maintenance (hours leaving the windows, builds, rebases) stays in TypeScript
-- (lib/views/hot-totals.ts) and runs before it on the regular path; adding views only needs the
-- lists' current states, read here under the lock, so views written without maintenance are
-- still added consistently and taken out correctly later.

-- CreateTable
CREATE TABLE "ViewSeen" (
    "key" TEXT NOT NULL,
    "until" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ViewSeen_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE INDEX "ViewSeen_until_idx" ON "ViewSeen"("until");

-- Epoch milliseconds as the UTC timestamps Prisma stores (TIMESTAMP(3) without time zone), exactly
-- and whatever the session's time zone.
CREATE FUNCTION "difang_ms_timestamp"(ms bigint) RETURNS timestamp(3)
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT (timestamp '1970-01-01 00:00:00' + ms * interval '1 millisecond')::timestamp(3)
$$;

-- The view writers of every node take turns, like SQLite's IMMEDIATE transactions: hot-list
-- maintenance reads then rewrites the totals, and two nodes must not take the same hour out twice.
-- Held to the end of the transaction; taking it again in the same transaction is free.
CREATE FUNCTION "difang_views_lock"() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_advisory_xact_lock(72011131);
END $$;

-- One batch of views: keys[i] (client key ":" story id), article_ids[i], at_ms[i] (when it
-- happened). A view is admitted when its pair's row is missing or ended at or before the view;
-- the pair is then taken until at_ms + window_ms. Admitted views go to the hourly buckets,
-- Article."viewCount" and every built hot list whose window still holds their hour, with the
-- weight of lib/ranking.ts epochWeight: 2^((hour + 0.5 - epochHour) / halfLife), 1 for lists
-- without decay (half_lives[i] NULL). The lists' definitions come from the caller
-- (lib/ranking.ts HOT_LISTS). Views of stories deleted since are dropped. A pair seen twice in one
-- batch (only when writes failed for longer than a window) is taken oldest first, one statement
-- per occurrence, since ON CONFLICT cannot touch a row twice in one statement. Then at most
-- prune_limit rows whose window ended before prune_before_ms are deleted. Returns the number of
-- views admitted.
CREATE FUNCTION "difang_record_views"(
    keys text[],
    article_ids integer[],
    at_ms bigint[],
    window_ms bigint,
    lists text[],
    half_lives double precision[],
    prune_before_ms bigint,
    prune_limit integer
) RETURNS integer LANGUAGE plpgsql
-- plpgsql keeps a statement's plan; after five calls it would switch to a generic one, planned
-- without the arrays' sizes or the times, and five times slower (about 70 ms instead of 14 for
-- 1,000 views). Each call is planned for its own arguments.
SET plan_cache_mode = force_custom_plan
AS $$
DECLARE
    rounds integer;
    added integer;
    admitted_total integer := 0;
BEGIN
    PERFORM "difang_views_lock"();
    SELECT coalesce(max(c), 0) INTO rounds
    FROM (SELECT count(*) AS c FROM unnest(keys) AS k GROUP BY k) AS per_key;
    FOR occurrence IN 1..rounds LOOP
        WITH v AS (
            SELECT u.k, u.a, u.t
            FROM (
                SELECT x.k, x.a, x.t, row_number() OVER (PARTITION BY x.k ORDER BY x.t) AS rn
                FROM unnest(keys, article_ids, at_ms) AS x(k, a, t)
            ) AS u
            WHERE u.rn = occurrence AND EXISTS (SELECT 1 FROM "Article" AS art WHERE art."id" = u.a)
        ), admitted AS (
            INSERT INTO "ViewSeen" AS s ("key", "until")
            SELECT v.k, "difang_ms_timestamp"(v.t + window_ms) FROM v
            ON CONFLICT ("key") DO UPDATE SET "until" = excluded."until"
            WHERE s."until" <= excluded."until" - window_ms * interval '1 millisecond'
            RETURNING s."key"
        ), counted AS (
            SELECT v.a AS article_id, v.t / 3600000 AS hour, count(*)::integer AS n
            FROM v JOIN admitted ON admitted."key" = v.k
            GROUP BY 1, 2
        ), buckets AS (
            INSERT INTO "ArticleViewBucket" AS b ("articleId", "bucket", "count")
            SELECT c.article_id, "difang_ms_timestamp"(c.hour * 3600000), c.n FROM counted AS c
            ON CONFLICT ("articleId", "bucket") DO UPDATE SET "count" = b."count" + excluded."count"
        ), totals AS (
            UPDATE "Article" AS art SET "viewCount" = art."viewCount" + s.n
            FROM (SELECT c.article_id, sum(c.n)::integer AS n FROM counted AS c GROUP BY 1) AS s
            WHERE art."id" = s.article_id
        ), hot AS (
            INSERT INTO "HotScore" AS h ("list", "articleId", "weight", "views")
            SELECT st."list", c.article_id,
                   sum(c.n * CASE WHEN l.half_life IS NULL THEN 1::double precision
                                  ELSE power(2::double precision,
                                             (c.hour + 0.5 - st."epochHour")::double precision / l.half_life)
                             END),
                   sum(c.n)
            FROM counted AS c
            JOIN "HotListState" AS st ON c.hour > st."expiredThroughHour"
            JOIN unnest(lists, half_lives) AS l(list, half_life) ON l.list = st."list"
            GROUP BY st."list", c.article_id
            ON CONFLICT ("list", "articleId") DO UPDATE
            SET "weight" = h."weight" + excluded."weight", "views" = h."views" + excluded."views"
        )
        SELECT coalesce(sum(c.n), 0) INTO added FROM counted AS c;
        admitted_total := admitted_total + added;
    END LOOP;
    DELETE FROM "ViewSeen" WHERE "key" IN (
        SELECT "key" FROM "ViewSeen" WHERE "until" < "difang_ms_timestamp"(prune_before_ms) LIMIT prune_limit
    );
    RETURN admitted_total;
END $$;
