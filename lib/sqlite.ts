// Every SQLite-only statement of the app lives here (pragmas, the FTS5 search index, the view-count
// writer), so that the rest of the code stays portable to PostgreSQL. See README § Operations.
import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import { ftsMatchExpression, isFtsTerm, likeContains } from "@/lib/search-text";
import Database from "better-sqlite3";
import type { ViewBatchRow } from "@/lib/views/buffer";
import type { InvalidationRow } from "@/lib/cache/registry";

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

export interface ArticleSearchQuery {
  /** Words that must all occur (see lib/search-text.ts parseSearchQuery). */
  terms: readonly string[];
  channelId: number | null;
  /** Stories published after this instant are not found. */
  now: Date;
  limit: number;
  offset: number;
}

/**
 * Visible stories containing every term, as one page of ids plus the total. Terms of three or
 * more characters go through the trigram index as quoted FTS5 strings (never as FTS syntax);
 * shorter ones, which a trigram index cannot answer, are LIKE conditions with %, _ and \
 * escaped. Order: stories with more of the terms in their title first, then newest first.
 *
 * `publishedAt` is compared as stored: the better-sqlite3 adapter writes DateTime columns and
 * binds Date parameters in the same ISO-8601 text form (`2026-11-25T02:05:50.943+00:00`), which
 * sorts chronologically.
 */
export async function searchArticleIds(
  db: PrismaClient,
  q: ArticleSearchQuery,
): Promise<{ ids: number[]; total: number }> {
  if (q.terms.length === 0) return { ids: [], total: 0 };
  const match = ftsMatchExpression(q.terms);
  const contains = (column: Prisma.Sql, term: string) =>
    Prisma.sql`${column} LIKE ${likeContains(term)} ESCAPE '\\'`;
  const title = Prisma.sql`a."title"`;
  const conditions: Prisma.Sql[] = [
    Prisma.sql`a."status" = 'published'`,
    Prisma.sql`a."publishedAt" <= ${q.now}`,
  ];
  if (match !== null) conditions.push(Prisma.sql`"ArticleSearch" MATCH ${match}`);
  if (q.channelId !== null) conditions.push(Prisma.sql`a."channelId" = ${q.channelId}`);
  for (const term of q.terms.filter((t) => !isFtsTerm(t))) {
    conditions.push(
      Prisma.sql`(${contains(title, term)} OR ${contains(Prisma.sql`a."summary"`, term)} OR ${contains(Prisma.sql`a."bodyText"`, term)})`,
    );
  }
  const from =
    match !== null
      ? Prisma.sql`"ArticleSearch" JOIN "Article" a ON a."id" = "ArticleSearch"."rowid"`
      : Prisma.sql`"Article" a`;
  const where = Prisma.join(conditions, " AND ");
  const titleHits = Prisma.join(
    q.terms.map((t) => Prisma.sql`(${contains(title, t)})`),
    " + ",
  );
  const [countRows, idRows] = await Promise.all([
    db.$queryRaw<{ total: number | bigint }[]>`SELECT count(*) AS "total" FROM ${from} WHERE ${where}`,
    db.$queryRaw<{ id: number | bigint }[]>`
      SELECT a."id" AS "id" FROM ${from} WHERE ${where}
      ORDER BY (${titleHits}) DESC, a."publishedAt" DESC, a."id" DESC
      LIMIT ${q.limit} OFFSET ${q.offset}`,
  ]);
  return { ids: idRows.map((r) => Number(r.id)), total: Number(countRows[0]?.total ?? 0) };
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
  write(rows: readonly ViewBatchRow[]): void;
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
  const writeBatch = db.transaction((rows: readonly ViewBatchRow[]) => {
    for (const r of rows) {
      // A story deleted since it was read: its views go with it.
      if (!exists.get(r.articleId)) continue;
      upsert.run(r.articleId, sqliteDateTime(r.bucketMs), r.count);
      total.run(r.count, r.articleId);
    }
  });
  return {
    write: (rows) => {
      if (rows.length > 0) writeBatch.immediate(rows);
    },
    close: () => db.close(),
  };
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
