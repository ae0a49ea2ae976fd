// Every SQLite-only statement of the app lives here (pragmas, the FTS5 search index, the view-count
// writer), so that the rest of the code stays portable to PostgreSQL. See README § Operations.
import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import {
  SEARCH_MAX_MATCHES,
  SEARCH_RECENT_WINDOW,
  ftsMatchExpression,
  gramMatchExpression,
  isFtsTerm,
  likeContains,
  rankMatches,
  type ArticleSearchPage,
  type ArticleSearchQuery,
  type SearchMatch,
} from "@/lib/search-text";
import { titleGramMatchExpression, titleGramsExact, type TitleNarrowing } from "@/lib/admin-list";
import Database from "better-sqlite3";
import type { ViewEntry } from "@/lib/views/buffer";
import type { InvalidationRow } from "@/lib/cache/registry";
import { HOT_LISTS } from "@/lib/ranking";
import {
  PRUNE_BATCH,
  hotListAdds,
  planHotLists,
  sumHourCounts,
  type HotListStateRow,
  type HourCount,
} from "@/lib/views/hot-totals";
import { VIEW_DEDUPE_WINDOW_MS } from "@/lib/views/policy";
import {
  VIEW_SEEN_GRACE_MS,
  seenPruneLimit,
  type ViewWriter,
  type ViewWriterOptions,
} from "@/lib/views/writing";
import { HOUR_MS } from "@/lib/time";

/**
 * Per-connection settings. WAL lets readers run while a writer commits; NORMAL synchronous is
 * safe with WAL (a power cut may lose the last commits, never corrupt the file). better-sqlite3
 * enables foreign keys by default and its `timeout` option is the busy timeout; both are set again
 * here so the intent is visible and checked by a test.
 */
export const SQLITE_PRAGMAS = [
  "PRAGMA journal_mode = WAL",
  "PRAGMA synchronous = NORMAL",
  "PRAGMA foreign_keys = ON",
  "PRAGMA busy_timeout = 5000",
] as const;

export async function applySqlitePragmas(db: PrismaClient): Promise<void> {
  for (const pragma of SQLITE_PRAGMAS) {
    // PRAGMA statements return rows; $queryRawUnsafe accepts that, $executeRawUnsafe does not.
    await db.$queryRawUnsafe(pragma);
  }
}

export async function readSqlitePragma(
  db: PrismaClient,
  name: "journal_mode" | "synchronous" | "foreign_keys" | "busy_timeout",
): Promise<string> {
  const rows = await db.$queryRawUnsafe<Record<string, unknown>[]>(`PRAGMA ${name}`);
  const first = rows[0];
  if (!first) return "";
  const value = Object.values(first)[0];
  return String(value);
}

// ---------------------------------------------------------------------------------------------
// Full-text search. "ArticleSearch" is an FTS5 table with the trigram tokenizer over Article's
// title, summary and bodyText, kept in step by triggers (prisma/migrations/*_search_fts), for words
// of three or more characters; "ArticleSearchGrams" indexes every single character and adjacent
// pair of the same text, for shorter words (prisma/migrations/*_search_bigrams).

/**
 * Visible stories containing every term, as one page of ids plus the total, among the newest
 * SEARCH_MAX_MATCHES matches (`capped` when there are more: a common word in a million stories
 * would otherwise be counted and sorted in full, over a second). First the newest
 * SEARCH_RECENT_WINDOW visible stories are checked one by one with LIKE (%, _ and \ escaped),
 * which answers a common word alone (an index would hand over a long list of its matches), and
 * every word when fewer stories are visible (a small channel); when they hold no more than
 * SEARCH_MAX_MATCHES matches of more stories, an index, newest first by rowid: the trigram
 * index for the terms of three or more characters (quoted FTS5 strings, never FTS syntax; shorter
 * terms are LIKE conditions on its candidates), or, when every term is shorter, the gram index,
 * whose token for a word of one or two characters is exact (no recheck). Either way the work is
 * bounded by the matches of the rarest indexed term, never by the archive. Order within the
 * matches: stories with more of the terms in their title first, then newest first. When more than
 * SEARCH_MAX_MATCHES stories match and the newest window does not hold them, the ones looked at
 * are those of the highest ids (the newest by creation).
 *
 * `publishedAt` is compared as stored: the better-sqlite3 adapter writes DateTime columns and
 * binds Date parameters in the same ISO-8601 text form (`2026-11-25T02:05:50.943+00:00`), which
 * sorts chronologically.
 */
export async function searchArticleIds(db: PrismaClient, q: ArticleSearchQuery): Promise<ArticleSearchPage> {
  if (q.terms.length === 0) return { ids: [], total: 0, capped: false };
  const contains = (row: string, term: string) => {
    const like = likeContains(term);
    const column = (name: string) => Prisma.raw(`${row}."${name}"`);
    return Prisma.sql`(${column("title")} LIKE ${like} ESCAPE '\\' OR ${column("summary")} LIKE ${like} ESCAPE '\\' OR ${column("bodyText")} LIKE ${like} ESCAPE '\\')`;
  };
  const visible: Prisma.Sql[] = [
    Prisma.sql`a."status" = 'published'`,
    Prisma.sql`a."publishedAt" <= ${q.now}`,
  ];
  if (q.channelId !== null) visible.push(Prisma.sql`a."channelId" = ${q.channelId}`);
  if (q.withdrawn?.length) visible.push(Prisma.sql`a."id" NOT IN (${Prisma.join([...q.withdrawn])})`);
  // One more than the cap, to know whether there are more.
  const cap = SEARCH_MAX_MATCHES + 1;
  // A common word first: its newest matches are among the newest stories (bounded work; the
  // subquery's LIMIT keeps it a walk of the visibility index).
  const recent = await db.$queryRaw<SearchMatch[]>`
    SELECT r."id" AS "id", r."title" AS "title", r."publishedAt" AS "publishedAt"
    FROM (SELECT a."id", a."title", a."summary", a."bodyText", a."publishedAt" FROM "Article" a
          WHERE ${Prisma.join(visible, " AND ")}
          ORDER BY a."publishedAt" DESC, a."id" DESC LIMIT ${SEARCH_RECENT_WINDOW}) AS r
    WHERE ${Prisma.join(
      q.terms.map((t) => contains("r", t)),
      " AND ",
    )}
    LIMIT ${cap}`;
  if (recent.length >= cap) return rankMatches(recent, q);
  // Fewer visible stories than the window (a small channel): the window held them all, and the
  // index would hand over every match of a common word across the archive.
  const beyond = await db.$queryRaw<{ id: number }[]>`
    SELECT a."id" AS "id" FROM "Article" a WHERE ${Prisma.join(visible, " AND ")}
    ORDER BY a."publishedAt" DESC, a."id" DESC LIMIT ${1} OFFSET ${SEARCH_RECENT_WINDOW - 1}`;
  if (beyond.length === 0) return rankMatches(recent, q);
  const match = ftsMatchExpression(q.terms);
  if (match === null) {
    const grams = await db.$queryRaw<SearchMatch[]>`
      SELECT a."id" AS "id", a."title" AS "title", a."publishedAt" AS "publishedAt"
      FROM (SELECT "rowid" AS "id" FROM "ArticleSearchGrams" WHERE "ArticleSearchGrams" MATCH ${gramMatchExpression(q.terms)}
            ORDER BY "rowid" DESC) AS m
      CROSS JOIN "Article" a ON a."id" = m."id"
      WHERE ${Prisma.join(visible, " AND ")} LIMIT ${cap}`;
    return rankMatches(grams, q);
  }
  const where = Prisma.join(
    [...visible, ...q.terms.filter((t) => !isFtsTerm(t)).map((t) => contains("a", t))],
    " AND ",
  );
  const matches = await db.$queryRaw<SearchMatch[]>`
    SELECT a."id" AS "id", a."title" AS "title", a."publishedAt" AS "publishedAt"
    FROM (SELECT "rowid" AS "id" FROM "ArticleSearch" WHERE "ArticleSearch" MATCH ${match}
          ORDER BY "rowid" DESC) AS m
    CROSS JOIN "Article" a ON a."id" = m."id"
    WHERE ${where} LIMIT ${cap}`;
  return rankMatches(matches, q);
}

/**
 * Rebuild the search indexes from the Article table (after a bulk import or a trigger mishap), in
 * one transaction. The gram index's grams are computed in SQL, 1.4–2.7 ms a story: half an hour
 * or more for a million stories, during which writers wait.
 */
export async function rebuildArticleSearch(db: PrismaClient): Promise<void> {
  await db.$transaction([
    db.$executeRaw`INSERT INTO "ArticleSearch" ("ArticleSearch") VALUES ('rebuild')`,
    ...rebuildGramStatements.map((sql) => db.$executeRawUnsafe(sql)),
  ]);
}

/** The gram indexes from scratch (a contentless FTS5 table has no 'rebuild'). */
const rebuildGramStatements = [
  `INSERT INTO "ArticleSearchGrams" ("ArticleSearchGrams") VALUES ('delete-all')`,
  `INSERT INTO "ArticleSearchGrams" ("rowid", "grams") SELECT "id", "grams" FROM "ArticleSearchGramText"`,
  `INSERT INTO "ArticleTitleGrams" ("ArticleTitleGrams") VALUES ('delete-all')`,
  `INSERT INTO "ArticleTitleGrams" ("rowid", "grams") SELECT "id", "grams" FROM "ArticleTitleGramText"`,
] as const;

/**
 * True when the search indexes agree with the Article table: FTS5 'integrity-check' with rank 1
 * for the trigram index; for the contentless gram index, which cannot be compared with its
 * content that way, its own consistency and as many rows as there are stories (a story indexed
 * under wrong grams is not detected).
 */
export async function checkArticleSearch(db: PrismaClient): Promise<boolean> {
  try {
    await db.$executeRaw`INSERT INTO "ArticleSearch" ("ArticleSearch", "rank") VALUES ('integrity-check', 1)`;
    await db.$executeRaw`INSERT INTO "ArticleSearchGrams" ("ArticleSearchGrams", "rank") VALUES ('integrity-check', 0)`;
    await db.$executeRaw`INSERT INTO "ArticleTitleGrams" ("ArticleTitleGrams", "rank") VALUES ('integrity-check', 0)`;
  } catch {
    return false;
  }
  const [counts] = await db.$queryRaw<
    { stories: number | bigint; indexed: number | bigint; titles: number | bigint }[]
  >`
    SELECT (SELECT count(*) FROM "Article") AS "stories",
           (SELECT count(*) FROM "ArticleSearchGrams_docsize") AS "indexed",
           (SELECT count(*) FROM "ArticleTitleGrams_docsize") AS "titles"`;
  return (
    counts !== undefined &&
    Number(counts.stories) === Number(counts.indexed) &&
    Number(counts.stories) === Number(counts.titles)
  );
}

// ---------------------------------------------------------------------------------------------
// The view-count writer (lib/views/writer.ts; the PostgreSQL twin is lib/postgres/views.ts). A
// dedicated better-sqlite3 connection writes each batch in ONE synchronous IMMEDIATE transaction,
// so a flush never interleaves with other JavaScript (no half-written batch), the writers of
// several processes take turns, and the final flush can run inside process.on("exit") when the
// server stops. The transaction decides which views count (table ViewSeen: the first view of a
// (client, story) pair within the window, whichever process received it), adds them to the
// hourly buckets, the lifetime counts and the hot lists' running totals (lib/views/hot-totals.ts),
// and drops the views of stories deleted since they were read.

/** DateTime columns as Prisma's better-sqlite3 adapter stores them: `2026-11-25T02:00:00.000+00:00`. */
export function sqliteDateTime(ms: number): string {
  return new Date(ms).toISOString().replace("Z", "+00:00");
}

const hourOf = (stored: string) => Math.floor(Date.parse(stored) / HOUR_MS);
const hourStamp = (hour: number) => sqliteDateTime(hour * HOUR_MS);

/**
 * Opens the writer. `busyTimeoutMs` is short on purpose: the call blocks the event loop while it
 * waits, and a batch that cannot get the lock is simply retried at the next flush.
 */
export function openSqliteViewWriter(databaseUrl: string, options: ViewWriterOptions = {}): ViewWriter {
  const { windowMs = VIEW_DEDUPE_WINDOW_MS, busyTimeoutMs = 100 } = options;
  const db = new Database(databaseUrl.replace(/^file:/, ""), { timeout: busyTimeoutMs });
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = NORMAL");
  db.pragma("foreign_keys = ON");
  // Admitted when the pair has no row or its window ended at or before this view: RETURNING
  // gives a row only then (an upsert whose WHERE is false changes and returns nothing).
  const admit = db.prepare<[string, string, string], { key: string }>(
    `INSERT INTO "ViewSeen" ("key", "until") VALUES (?, ?)
     ON CONFLICT ("key") DO UPDATE SET "until" = excluded."until" WHERE "ViewSeen"."until" <= ?
     RETURNING "key"`,
  );
  const pruneSeen = db.prepare(
    `DELETE FROM "ViewSeen" WHERE rowid IN (SELECT rowid FROM "ViewSeen" WHERE "until" < ? LIMIT ?)`,
  );
  const upsert = db.prepare(
    `INSERT INTO "ArticleViewBucket" ("articleId", "bucket", "count") VALUES (?, ?, ?)
     ON CONFLICT ("articleId", "bucket") DO UPDATE SET "count" = "count" + excluded."count"`,
  );
  const total = db.prepare(`UPDATE "Article" SET "viewCount" = "viewCount" + ? WHERE "id" = ?`);
  const exists = db.prepare(`SELECT 1 FROM "Article" WHERE "id" = ?`);
  const hot = hotLists(db);
  const writeBatch = db.transaction((views: readonly ViewEntry[], nowMs: number): number => {
    const states = hot.maintain(nowMs);
    const counts = new Map<string, HourCount>();
    const present = new Map<number, boolean>();
    let admitted = 0;
    // Oldest first, as PostgreSQL's difang_record_views takes a pair's views.
    for (const v of [...views].sort((a, b) => a.atMs - b.atMs)) {
      // A story deleted since it was read: its views go with it.
      let known = present.get(v.articleId);
      if (known === undefined) present.set(v.articleId, (known = exists.get(v.articleId) !== undefined));
      if (!known) continue;
      if (!admit.get(v.key, sqliteDateTime(v.atMs + windowMs), sqliteDateTime(v.atMs))) continue;
      admitted++;
      const hour = Math.floor(v.atMs / HOUR_MS);
      const row = counts.get(`${v.articleId}:${hour}`);
      if (row) row.count++;
      else counts.set(`${v.articleId}:${hour}`, { articleId: v.articleId, hour, count: 1 });
    }
    for (const r of counts.values()) {
      upsert.run(r.articleId, hourStamp(r.hour), r.count);
      total.run(r.count, r.articleId);
    }
    hot.add(states, [...counts.values()]);
    pruneSeen.run(sqliteDateTime(nowMs - VIEW_SEEN_GRACE_MS), seenPruneLimit(views.length));
    return admitted;
  });
  const maintain = db.transaction((nowMs: number) => void hot.maintain(nowMs));
  const writeNow = (views: readonly ViewEntry[], nowMs = Date.now()) =>
    views.length > 0 ? writeBatch.immediate(views, nowMs) : 0;
  return {
    write: async (views, nowMs) => writeNow(views, nowMs),
    writeAtExit: writeNow,
    maintainHotLists: async (nowMs) => maintain.immediate(nowMs),
    close: async () => void db.close(),
  };
}

/** The hot lists' statements, run as lib/views/hot-totals.ts plans them. */
function hotLists(db: Database.Database) {
  const states = db.prepare<[], HotListStateRow>(
    `SELECT "list", "epochHour", "expiredThroughHour" FROM "HotListState"`,
  );
  const insertState = db.prepare(
    `INSERT INTO "HotListState" ("list", "epochHour", "expiredThroughHour") VALUES (?, ?, ?)`,
  );
  const deleteList = db.prepare(`DELETE FROM "HotListState" WHERE "list" = ?`);
  const deleteScores = db.prepare(`DELETE FROM "HotScore" WHERE "list" = ?`);
  const setExpired = db.prepare(`UPDATE "HotListState" SET "expiredThroughHour" = ? WHERE "list" = ?`);
  const setEpoch = db.prepare(`UPDATE "HotListState" SET "epochHour" = ? WHERE "list" = ?`);
  const add = db.prepare(
    `INSERT INTO "HotScore" ("list", "articleId", "weight", "views") VALUES (?, ?, ?, ?)
     ON CONFLICT ("list", "articleId") DO UPDATE
     SET "weight" = "weight" + excluded."weight", "views" = "views" + excluded."views"`,
  );
  const subtract = db.prepare(
    `UPDATE "HotScore" SET "weight" = "weight" - ?, "views" = "views" - ? WHERE "list" = ? AND "articleId" = ?`,
  );
  const dropEmpty = db.prepare(`DELETE FROM "HotScore" WHERE "list" = ? AND "views" <= 0`);
  const rescale = db.prepare(`UPDATE "HotScore" SET "weight" = "weight" * ? WHERE "list" = ?`);
  // Hours every list has already taken out are read by nothing any more (lifetime totals are in
  // Article.viewCount): removed a batch at a time, so no single write holds the lock for long.
  const prune = db.prepare(
    `DELETE FROM "ArticleViewBucket" WHERE rowid IN
       (SELECT rowid FROM "ArticleViewBucket" WHERE "bucket" < ? LIMIT ${PRUNE_BATCH})`,
  );
  const buckets = db.prepare<[string, string], { articleId: number; bucket: string; count: number }>(
    `SELECT "articleId", "bucket", "count" FROM "ArticleViewBucket" WHERE "bucket" >= ? AND "bucket" <= ?`,
  );
  const hourCounts = (fromHour: number, toHour: number): HourCount[] =>
    buckets
      .all(hourStamp(fromHour), hourStamp(toHour))
      .map((r) => ({ articleId: r.articleId, hour: hourOf(r.bucket), count: r.count }));

  /** Bring every list to `nowMs`; returns the lists' states for add(). */
  function maintain(nowMs: number): Map<string, HotListStateRow> {
    const plan = planHotLists(states.all(), nowMs);
    for (const step of plan.steps) {
      const { halfLifeHours: halfLife } = HOT_LISTS[step.list];
      switch (step.kind) {
        case "drop":
          deleteScores.run(step.list);
          deleteList.run(step.list);
          break;
        case "build":
          for (const d of sumHourCounts(hourCounts(step.firstHour, step.lastHour), step.firstHour, halfLife))
            add.run(step.list, d.articleId, d.weight, d.views);
          insertState.run(step.list, step.state.epochHour, step.state.expiredThroughHour);
          break;
        case "expire":
          for (const d of sumHourCounts(hourCounts(step.fromHour, step.toHour), step.epochHour, halfLife))
            subtract.run(d.weight, d.views, step.list, d.articleId);
          dropEmpty.run(step.list);
          setExpired.run(step.toHour, step.list);
          break;
        case "rebase":
          rescale.run(step.factor, step.list);
          setEpoch.run(step.epochHour, step.list);
          break;
      }
    }
    prune.run(hourStamp(plan.pruneBeforeHour));
    return plan.states;
  }

  function addRows(current: ReadonlyMap<string, HotListStateRow>, rows: readonly HourCount[]): void {
    for (const d of hotListAdds(current, rows)) add.run(d.list, d.articleId, d.weight, d.views);
  }

  return { maintain, add: addRows };
}

// ---------------------------------------------------------------------------------------------
// The cache invalidation feed (lib/cache/shared.ts). A dedicated read connection answers "did any
// other connection commit since I last asked?" with PRAGMA data_version, which SQLite answers from
// the WAL index in shared memory without reading a table (about 2 µs), so a warm page can check it
// on every request; only after a commit does it read the new CacheInvalidation rows (by primary
// key). On PostgreSQL the same role is played by LISTEN/NOTIFY on the same table.

export interface InvalidationFeed {
  /** Changes whenever another connection (this process's Prisma client included) commits. */
  version(): number;
  /** Log rows above `id`, ascending. */
  rowsAfter(id: number): InvalidationRow[];
  /** The log's current end and the scheduled rows not due at `nowMs`: where a process starts. */
  start(nowMs: number): { lastId: number; pending: InvalidationRow[] };
  close(): void;
}

interface RawInvalidationRow {
  id: number;
  tag: string;
  dueAt: string | null;
}

function toInvalidationRow(r: RawInvalidationRow): InvalidationRow {
  const due = r.dueAt === null ? null : Date.parse(r.dueAt);
  return { id: r.id, tag: r.tag, dueAt: due === null || Number.isNaN(due) ? null : due };
}

export function openInvalidationFeed(databaseUrl: string): InvalidationFeed {
  const db = new Database(databaseUrl.replace(/^file:/, ""), { timeout: 5000 });
  db.pragma("journal_mode = WAL");
  const dataVersion = db.prepare("PRAGMA data_version").pluck();
  const after = db.prepare<[number], RawInvalidationRow>(
    `SELECT "id", "tag", "dueAt" FROM "CacheInvalidation" WHERE "id" > ? ORDER BY "id"`,
  );
  const last = db.prepare(`SELECT coalesce(max("id"), 0) FROM "CacheInvalidation"`).pluck();
  const scheduled = db.prepare<[string], RawInvalidationRow>(
    `SELECT "id", "tag", "dueAt" FROM "CacheInvalidation" WHERE "dueAt" > ? ORDER BY "dueAt"`,
  );
  return {
    version: () => Number(dataVersion.get()),
    rowsAfter: (id) => after.all(id).map(toInvalidationRow),
    start: (nowMs) =>
      db.transaction(() => ({
        lastId: Number(last.get()),
        pending: scheduled.all(sqliteDateTime(nowMs)).map(toInvalidationRow),
      }))(),
    close: () => db.close(),
  };
}

// ---------------------------------------------------------------------------------------------
// Title search of the editor's story list (lib/data/admin-articles.ts): "ArticleTitleGrams", the
// grams of each title (prisma/migrations/20261201120000_admin_list).

/**
 * Ids of the stories whose title contains every term, LIKE's meaning (ASCII case folded; %, _
 * and \ literal), among those of the narrowing's channel and stored status (keys of the same
 * index), in no particular order; null when more than `cap` do (a common word: the list walks its
 * index instead). The grams' posting lists answer words of one or two
 * characters exactly; longer words are rechecked on the title.
 */
export async function titleMatchIds(
  db: PrismaClient,
  terms: readonly string[],
  narrow: TitleNarrowing,
  cap: number,
): Promise<number[] | null> {
  const match = titleGramMatchExpression(terms, narrow);
  const rows = titleGramsExact(terms)
    ? await db.$queryRaw<{ id: number | bigint }[]>`
        SELECT "rowid" AS "id" FROM "ArticleTitleGrams" WHERE "ArticleTitleGrams" MATCH ${match} LIMIT ${cap + 1}`
    : await db.$queryRaw<{ id: number | bigint }[]>`
        SELECT a."id" AS "id"
        FROM (SELECT "rowid" AS "id" FROM "ArticleTitleGrams" WHERE "ArticleTitleGrams" MATCH ${match}) AS m
        CROSS JOIN "Article" a ON a."id" = m."id"
        WHERE ${Prisma.join(
          terms.map((t) => Prisma.sql`a."title" LIKE ${likeContains(t)} ESCAPE '\\'`),
          " AND ",
        )}
        LIMIT ${cap + 1}`;
  return rows.length > cap ? null : rows.map((r) => Number(r.id));
}
