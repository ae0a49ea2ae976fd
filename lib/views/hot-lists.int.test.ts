// The hot lists' running totals (lib/views/hot-totals.ts, table HotScore, kept by the view writer
// of the store under test) against their definition (lib/ranking.ts rankHot over every bucket of
// the window), on a database of their own (SQLite: a copy of the test file; PostgreSQL: a new
// database on the test server): views written hour after hour for six weeks, late rows, hours
// leaving each window, epochs moving on, and a gap longer than every window.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { isPostgres } from "@/lib/database-url";
import { env } from "@/lib/env";
import { HOT_LISTS, epochWeight, firstBucket, rankHot, type HotList } from "@/lib/ranking";
import { sqliteDateTime } from "@/lib/sqlite";
import { HOUR_MS } from "@/lib/time";
import type { ViewEntry } from "@/lib/views/buffer";
import { openViewWriter } from "@/lib/views/writer";
import type { ViewWriter } from "@/lib/views/writing";
import { mulberry32 as prng } from "@/prisma/demo/kit";
// @ts-expect-error: plain ES module without types (scripts/db/migrate.mjs)
import { migratePostgres } from "@/scripts/db/migrate.mjs";

/** Raw SQL on either store (`?` placeholders), for the checks below. */
interface RawDb {
  all<T>(sql: string, params?: unknown[]): Promise<T[]>;
  /** SQL for a DateTime column as epoch milliseconds (a number). */
  ms(column: string): string;
  close(): Promise<void>;
}

const postgres = isPostgres(env.DATABASE_URL);
let db: RawDb;
let url: string;
let writer: ViewWriter;
const ids: number[] = [];

/** A copy of the migrated test database, emptied of views and hot lists. */
async function openSqliteCopy(): Promise<RawDb> {
  const dir = mkdtempSync(path.join(tmpdir(), "difang-hot-"));
  const file = path.join(dir, "hot.db");
  const source = new Database(env.DATABASE_URL.replace(/^file:/, ""), { readonly: true });
  await source.backup(file);
  source.close();
  url = `file:${file}`;
  const d = new Database(file);
  d.exec(`DELETE FROM "ArticleViewBucket"; DELETE FROM "HotScore"; DELETE FROM "HotListState";`);
  return {
    all: async <T>(sql: string, params: unknown[] = []) => {
      const statement = d.prepare(sql);
      return (statement.reader ? statement.all(...params) : (statement.run(...params), [])) as T[];
    },
    ms: (column) => `(unixepoch(${column}) * 1000)`,
    close: async () => {
      d.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A new database on the test server, migrated. */
async function openPostgresDatabase(): Promise<RawDb> {
  const name = `difang_hot_${process.pid}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: env.DATABASE_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  const u = new URL(env.DATABASE_URL);
  u.pathname = `/${name}`;
  url = u.toString();
  await migratePostgres(url, () => {});
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return {
    all: async <T>(sql: string, params: unknown[] = []) => {
      let n = 0;
      const { rows } = await client.query<Record<string, unknown>>(
        sql.replace(/\?/g, () => `$${++n}`),
        params,
      );
      // bigint columns come back as strings.
      const numbers = (row: Record<string, unknown>) =>
        Object.fromEntries(
          Object.entries(row).map(([k, v]) => [
            k,
            typeof v === "string" && /^-?\d+$/.test(v) ? Number(v) : v,
          ]),
        );
      return rows.map(numbers) as T[];
    },
    ms: (column) => `floor(extract(epoch FROM ${column}) * 1000)::bigint`,
    close: async () => {
      await client.end();
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.end();
    },
  };
}

beforeAll(async () => {
  db = postgres ? await openPostgresDatabase() : await openSqliteCopy();
  const [region] = await db.all<{ id: number }>(
    `INSERT INTO "Region" ("name", "slug", "level") VALUES ('热区', 'requ', 'county') RETURNING "id"`,
  );
  const [channel] = await db.all<{ id: number }>(
    `INSERT INTO "Channel" ("slug", "name", "regionId", "updatedAt") VALUES ('hot-lists', '热榜', ?, ?) RETURNING "id"`,
    [region!.id, sqliteDateTime(0)],
  );
  for (let i = 0; i < 8; i++) {
    const [article] = await db.all<{ id: number }>(
      `INSERT INTO "Article" ("channelId", "title", "body", "bodyHtml", "status", "publishedAt", "updatedAt")
       VALUES (?, ?, '', '', 'published', ?, ?) RETURNING "id"`,
      [channel!.id, `热${i}`, sqliteDateTime(0), sqliteDateTime(0)],
    );
    ids.push(article!.id);
  }
  writer = openViewWriter(url, { busyTimeoutMs: 1000 });
});

afterAll(async () => {
  await writer?.close();
  await db?.close();
});

interface Row {
  articleId: number;
  views: number;
}

/** The list as stored: its order and view counts (only our stories). */
async function stored(list: HotList): Promise<Row[]> {
  return (
    await db.all<Row>(
      `SELECT "articleId", "views" FROM "HotScore" WHERE "list" = ? ORDER BY "weight" DESC, "views" DESC, "articleId"`,
      [list],
    )
  ).filter((r) => ids.includes(r.articleId));
}

async function buckets() {
  return (
    await db.all<{ articleId: number; ms: number; count: number }>(
      `SELECT "articleId", ${db.ms(`"bucket"`)} AS "ms", "count" FROM "ArticleViewBucket"`,
    )
  )
    .filter((r) => ids.includes(r.articleId))
    .map((r) => ({ articleId: r.articleId, bucket: new Date(r.ms), count: r.count }));
}

/** The list by its definition, from every bucket. */
async function defined(list: HotList, nowMs: number): Promise<Row[]> {
  const rows = await buckets();
  const now = new Date(nowMs);
  if (list === "48h") {
    const since = firstBucket(now, 48).getTime();
    const sums = new Map<number, number>();
    for (const r of rows)
      if (r.bucket.getTime() >= since) sums.set(r.articleId, (sums.get(r.articleId) ?? 0) + r.count);
    return [...sums]
      .map(([articleId, views]) => ({ articleId, views }))
      .sort((a, b) => b.views - a.views || a.articleId - b.articleId);
  }
  return rankHot(rows, now, list, 100).map((r) => ({ articleId: r.articleId, views: r.views }));
}

/**
 * The stored weights against lib/ranking.ts epochWeight over the window's buckets: on PostgreSQL
 * views are added by SQL (difang_record_views), taken out by TypeScript; both must agree.
 */
async function expectWeightsAsDefined(list: HotList, nowMs: number): Promise<void> {
  const [state] = await db.all<{ epochHour: number }>(
    `SELECT "epochHour" FROM "HotListState" WHERE "list" = ?`,
    [list],
  );
  const since = firstBucket(new Date(nowMs), HOT_LISTS[list].hours).getTime();
  const want = new Map<number, number>();
  for (const r of await buckets()) {
    if (r.bucket.getTime() < since) continue;
    const w =
      r.count * epochWeight(r.bucket.getTime() / HOUR_MS, state!.epochHour, HOT_LISTS[list].halfLifeHours);
    want.set(r.articleId, (want.get(r.articleId) ?? 0) + w);
  }
  const got = await db.all<{ articleId: number; weight: number }>(
    `SELECT "articleId", "weight" FROM "HotScore" WHERE "list" = ?`,
    [list],
  );
  for (const r of got.filter((g) => ids.includes(g.articleId)))
    expect(Math.abs(r.weight - want.get(r.articleId)!) / want.get(r.articleId)!).toBeLessThan(1e-9);
}

let client = 0;
/** `count` views of a story in the hour of `bucketMs`, each by a new reader. */
function views(articleId: number, bucketMs: number, count: number): ViewEntry[] {
  return Array.from({ length: count }, () => ({
    key: `r${client++}:${articleId}`,
    articleId,
    atMs: bucketMs,
  }));
}

describe("hot lists as running totals", () => {
  it("stay equal to their definition through six weeks of views, late rows and epoch moves", async () => {
    const rand = prng(42);
    let now = Date.UTC(2030, 0, 1, 0, 30);
    let checks = 0;
    for (let step = 0; step < 400; step++) {
      now += Math.floor(rand() * 5) * HOUR_MS;
      const batch: ViewEntry[] = [];
      for (const id of ids) {
        if (rand() < 0.4) continue;
        // Some stories are read far more than others; a few rows arrive an hour or two late.
        const late = rand() < 0.1 ? Math.floor(rand() * 3) : 0;
        const count = 1 + Math.floor(((rand() * id) % 7) * 3);
        batch.push(...views(id, Math.floor(now / HOUR_MS - late) * HOUR_MS, count));
      }
      expect(await writer.write(batch, now)).toBe(batch.length);
      if (step % 10 === 0) {
        await writer.maintainHotLists(now);
        for (const list of Object.keys(HOT_LISTS) as HotList[]) {
          expect(await stored(list), `${list} at step ${step}`).toEqual(await defined(list, now));
          await expectWeightsAsDefined(list, now);
        }
        checks++;
      }
    }
    expect(checks).toBe(40);
    // Hours every list has taken out are gone from the view history; the 30-day window is whole.
    const [oldest] = await db.all<{ ms: number }>(
      `SELECT min(${db.ms(`"bucket"`)}) AS "ms" FROM "ArticleViewBucket"`,
    );
    const [state30] = await db.all<{ h: number }>(
      `SELECT "expiredThroughHour" AS "h" FROM "HotListState" WHERE "list" = '30d'`,
    );
    const oldestHour = Math.floor(oldest!.ms / HOUR_MS);
    expect(oldestHour).toBeGreaterThanOrEqual(state30!.h + 1);
    expect(oldestHour).toBeLessThan(state30!.h + 1 + 24); // views come every few hours
    // The 24-hour list's epoch moved on more than once (64 half-lives of 6 hours = 16 days).
    const [state] = await db.all<{ epochHour: number }>(
      `SELECT "epochHour" FROM "HotListState" WHERE "list" = '24h'`,
    );
    expect(state!.epochHour).toBeGreaterThan(Date.UTC(2030, 0, 17) / HOUR_MS);
  });

  it("start over when the site was down for longer than every window", async () => {
    const later = Date.UTC(2030, 5, 1, 12);
    await writer.maintainHotLists(later);
    for (const list of Object.keys(HOT_LISTS) as HotList[]) expect(await stored(list)).toEqual([]);
    await writer.write(views(ids[0]!, Math.floor(later / HOUR_MS) * HOUR_MS, 3), later);
    for (const list of Object.keys(HOT_LISTS) as HotList[])
      expect(await stored(list)).toEqual(await defined(list, later));
  });
});
