// Every SQLite-only statement of the app lives here (pragmas, the FTS5 search index, the view-count
// writer), so that the rest of the code stays portable to PostgreSQL. See README § Operations.
import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import {
  SEARCH_MAX_MATCHES,
  ftsMatchExpression,
  isFtsTerm,
  likeContains,
  rankMatches,
  type ArticleSearchPage,
  type ArticleSearchQuery,
  type SearchMatch,
} from "@/lib/search-text";
import Database from "better-sqlite3";
import type { ViewBatchRow } from "@/lib/views/buffer";
import type { InvalidationRow } from "@/lib/cache/registry";
import { HOT_LISTS, REBASE_AFTER_HALF_LIVES, epochWeight, type HotList } from "@/lib/ranking";
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
// title, summary and bodyText, kept in step by triggers (prisma/migrations/*_search_fts).

/**
 * Visible stories containing every term, as one page of ids plus the total, among the newest
 * SEARCH_MAX_MATCHES matches (`capped` when there are more: a common word in a million stories
 * would otherwise be counted and sorted in full, over a second). Terms of three or more characters
 * go through the trigram index as quoted FTS5 strings (never as FTS syntax), newest first by rowid;
 * shorter ones, which a trigram index cannot answer, are LIKE conditions with %, _ and \ escaped,
 * over the visible stories newest first (stopping at the cap). Order within the matches: stories
 * with more of the terms in their title first, then newest first.
 *
 * `publishedAt` is compared as stored: the better-sqlite3 adapter writes DateTime columns and
 * binds Date parameters in the same ISO-8601 text form (`2026-11-25T02:05:50.943+00:00`), which
 * sorts chronologically.
 */
export async function searchArticleIds(db: PrismaClient, q: ArticleSearchQuery): Promise<ArticleSearchPage> {
  if (q.terms.length === 0) return { ids: [], total: 0, capped: false };
  const match = ftsMatchExpression(q.terms);
  const contains = (column: Prisma.Sql, term: string) =>
    Prisma.sql`${column} LIKE ${likeContains(term)} ESCAPE '\\'`;
  const title = Prisma.sql`a."title"`;
  const conditions: Prisma.Sql[] = [
    Prisma.sql`a."status" = 'published'`,
    Prisma.sql`a."publishedAt" <= ${q.now}`,
  ];
  if (q.channelId !== null) conditions.push(Prisma.sql`a."channelId" = ${q.channelId}`);
  for (const term of q.terms.filter((t) => !isFtsTerm(t))) {
    conditions.push(
      Prisma.sql`(${contains(title, term)} OR ${contains(Prisma.sql`a."summary"`, term)} OR ${contains(Prisma.sql`a."bodyText"`, term)})`,
    );
  }
  const where = Prisma.join(conditions, " AND ");
  // One more than the cap, to know whether there are more.
  const cap = SEARCH_MAX_MATCHES + 1;
  const matches =
    match !== null
      ? await db.$queryRaw<SearchMatch[]>`
          SELECT a."id" AS "id", a."title" AS "title", a."publishedAt" AS "publishedAt"
          FROM (SELECT "rowid" AS "id" FROM "ArticleSearch" WHERE "ArticleSearch" MATCH ${match}
                ORDER BY "rowid" DESC) AS m
          CROSS JOIN "Article" a ON a."id" = m."id"
          WHERE ${where} LIMIT ${cap}`
      : await db.$queryRaw<SearchMatch[]>`
          SELECT a."id" AS "id", a."title" AS "title", a."publishedAt" AS "publishedAt"
          FROM "Article" a WHERE ${where}
          ORDER BY a."publishedAt" DESC, a."id" DESC LIMIT ${cap}`;
  return rankMatches(matches, q);
}

/** Rebuild the search index from the Article table (after a bulk import or a trigger mishap). */
export async function rebuildArticleSearch(db: PrismaClient): Promise<void> {
  await db.$executeRaw`INSERT INTO "ArticleSearch" ("ArticleSearch") VALUES ('rebuild')`;
}

/** True when the search index agrees with the Article table (FTS5 'integrity-check' with rank 1). */
export async function checkArticleSearch(db: PrismaClient): Promise<boolean> {
  try {
    await db.$executeRaw`INSERT INTO "ArticleSearch" ("ArticleSearch", "rank") VALUES ('integrity-check', 1)`;
    return true;
  } catch {
    return false;
  }
}

// ---------------------------------------------------------------------------------------------
// The view-count writer. A dedicated better-sqlite3 connection writes each batch in ONE
// synchronous transaction, so a flush never interleaves with other JavaScript (no half-written
// batch) and the final flush can run inside process.on("exit") when the server stops. On
// PostgreSQL this becomes an async batch upsert plus a SIGTERM hook (README § Operations).

/** DateTime columns as Prisma's better-sqlite3 adapter stores them: `2026-11-25T02:00:00.000+00:00`. */
export function sqliteDateTime(ms: number): string {
  return new Date(ms).toISOString().replace("Z", "+00:00");
}

export interface ViewWriter {
  /** Adds the rows to the view buckets, the lifetime counts and the hot lists, in one transaction. */
  write(rows: readonly ViewBatchRow[], nowMs?: number): void;
  /** Brings the hot lists up to `nowMs` (hours leaving their windows); cheap when nothing is due. */
  maintainHotLists(nowMs: number): void;
  close(): void;
}

/**
 * Opens the writer. `busyTimeoutMs` is short on purpose: the call blocks the event loop while it
 * waits, and a batch that cannot get the lock is simply retried at the next flush.
 */
export function openViewWriter(databaseUrl: string, busyTimeoutMs = 100): ViewWriter {
  const db = new Database(databaseUrl.replace(/^file:/, ""), { timeout: busyTimeoutMs });
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = NORMAL");
  db.pragma("foreign_keys = ON");
  const upsert = db.prepare(
    `INSERT INTO "ArticleViewBucket" ("articleId", "bucket", "count") VALUES (?, ?, ?)
     ON CONFLICT ("articleId", "bucket") DO UPDATE SET "count" = "count" + excluded."count"`,
  );
  const total = db.prepare(`UPDATE "Article" SET "viewCount" = "viewCount" + ? WHERE "id" = ?`);
  const exists = db.prepare(`SELECT 1 FROM "Article" WHERE "id" = ?`);
  const hot = hotLists(db);
  const writeBatch = db.transaction((rows: readonly ViewBatchRow[], nowMs: number) => {
    const states = hot.maintain(nowMs);
    for (const r of rows) {
      // A story deleted since it was read: its views go with it.
      if (!exists.get(r.articleId)) continue;
      upsert.run(r.articleId, sqliteDateTime(r.bucketMs), r.count);
      total.run(r.count, r.articleId);
      hot.add(states, r);
    }
  });
  const maintain = db.transaction((nowMs: number) => void hot.maintain(nowMs));
  return {
    write: (rows, nowMs = Date.now()) => {
      if (rows.length > 0) writeBatch.immediate(rows, nowMs);
    },
    maintainHotLists: (nowMs) => maintain.immediate(nowMs),
    close: () => db.close(),
  };
}

// ---------------------------------------------------------------------------------------------
// Hot lists as running totals (tables HotScore and HotListState; the lists and the weight are
// defined in lib/ranking.ts). For each list, HotScore holds per story the views of the hours
// inside its window and their weight relative to the list's epoch hour, which orders stories
// exactly as the decayed score would now. Views are added as they are written; when an hour
// leaves a window its bucket rows are taken out again (one hour of buckets: bounded by traffic,
// not by history); the epoch moves forward before the weights grow large. Reading a list is its
// top rows. Everything runs inside the writer's IMMEDIATE transactions, so two processes never
// take the same hour out twice. A list without a state row is built from the buckets of its window.
// Buckets of hours every list has taken out are then deleted (PRUNE_BATCH at a time): the view
// history keeps the last 30 days, whatever the site's age.

interface HotListStateRow {
  list: string;
  epochHour: number;
  expiredThroughHour: number;
}

interface BucketRow {
  articleId: number;
  bucket: string;
  count: number;
}

/** View buckets removed per writer transaction once no hot list needs them. */
export const PRUNE_BATCH = 2_000;

const hourOf = (stored: string) => Math.floor(Date.parse(stored) / HOUR_MS);
const hourStamp = (hour: number) => sqliteDateTime(hour * HOUR_MS);

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
  const buckets = db.prepare<[string, string], BucketRow>(
    `SELECT "articleId", "bucket", "count" FROM "ArticleViewBucket" WHERE "bucket" >= ? AND "bucket" <= ?`,
  );

  /** Build a list from the buckets of its window (first use, or after the window passed by). */
  function build(list: HotList, firstHour: number, lastHour: number): HotListStateRow {
    const { halfLifeHours } = HOT_LISTS[list];
    const sums = new Map<number, { weight: number; views: number }>();
    for (const r of buckets.all(hourStamp(firstHour), hourStamp(lastHour))) {
      if (r.count <= 0) continue;
      const sum = sums.get(r.articleId) ?? { weight: 0, views: 0 };
      sum.weight += r.count * epochWeight(hourOf(r.bucket), firstHour, halfLifeHours);
      sum.views += r.count;
      sums.set(r.articleId, sum);
    }
    for (const [articleId, sum] of sums) add.run(list, articleId, sum.weight, sum.views);
    const state = { list, epochHour: firstHour, expiredThroughHour: firstHour - 1 };
    insertState.run(list, state.epochHour, state.expiredThroughHour);
    return state;
  }

  /** Bring every list to `nowMs`; returns the lists' states for add(). */
  function maintain(nowMs: number): Map<string, HotListStateRow> {
    const nowHour = Math.floor(nowMs / HOUR_MS);
    const current = new Map(states.all().map((r) => [r.list, r]));
    for (const list of Object.keys(HOT_LISTS) as HotList[]) {
      const { hours, halfLifeHours } = HOT_LISTS[list];
      const firstHour = nowHour - hours + 1;
      let state = current.get(list);
      if (state && firstHour - 1 - state.expiredThroughHour >= hours) {
        // Everything in it has left the window (the site was down for longer than the window).
        deleteScores.run(list);
        deleteList.run(list);
        state = undefined;
      }
      if (!state) {
        current.set(list, build(list, firstHour, nowHour));
        continue;
      }
      if (state.expiredThroughHour < firstHour - 1) {
        for (const r of buckets.all(hourStamp(state.expiredThroughHour + 1), hourStamp(firstHour - 1))) {
          if (r.count <= 0) continue;
          const weight = r.count * epochWeight(hourOf(r.bucket), state.epochHour, halfLifeHours);
          subtract.run(weight, r.count, list, r.articleId);
        }
        dropEmpty.run(list);
        setExpired.run(firstHour - 1, list);
        state.expiredThroughHour = firstHour - 1;
      }
      if (
        Number.isFinite(halfLifeHours) &&
        (nowHour - state.epochHour) / halfLifeHours > REBASE_AFTER_HALF_LIVES
      ) {
        rescale.run(Math.pow(2, -(firstHour - state.epochHour) / halfLifeHours), list);
        setEpoch.run(firstHour, list);
        state.epochHour = firstHour;
      }
    }
    const stillNeeded = Math.min(...[...current.values()].map((st) => st.expiredThroughHour)) + 1;
    prune.run(hourStamp(stillNeeded));
    return current;
  }

  /** Count a batch row in every list whose window still holds its hour. */
  function addRow(current: Map<string, HotListStateRow>, r: ViewBatchRow): void {
    const hour = Math.floor(r.bucketMs / HOUR_MS);
    for (const [list, state] of current) {
      const def = HOT_LISTS[list as HotList];
      if (!def || hour <= state.expiredThroughHour) continue;
      add.run(list, r.articleId, r.count * epochWeight(hour, state.epochHour, def.halfLifeHours), r.count);
    }
  }

  return { maintain, add: addRow };
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
