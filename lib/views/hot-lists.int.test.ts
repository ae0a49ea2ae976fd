// The hot lists' running totals (lib/sqlite.ts, table HotScore) against their definition
// (lib/ranking.ts rankHot over every bucket of the window), on a database of their own: views
// written hour after hour for six weeks, late rows, hours leaving each window, epochs moving on,
// and a gap longer than every window.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { env } from "@/lib/env";
import { HOT_LISTS, firstBucket, rankHot, type HotList } from "@/lib/ranking";
import { openViewWriter, sqliteDateTime, type ViewWriter } from "@/lib/sqlite";
import { HOUR_MS } from "@/lib/time";
import { mulberry32 as prng } from "@/prisma/demo/kit";

const dir = mkdtempSync(path.join(tmpdir(), "difang-hot-"));
const file = path.join(dir, "hot.db");
let db: Database.Database;
let writer: ViewWriter;
const ids: number[] = [];

beforeAll(async () => {
  // A copy of the migrated test database, emptied of views and hot lists.
  const source = new Database(env.DATABASE_URL.replace(/^file:/, ""), { readonly: true });
  await source.backup(file);
  source.close();
  db = new Database(file);
  db.exec(`DELETE FROM "ArticleViewBucket"; DELETE FROM "HotScore"; DELETE FROM "HotListState";`);
  const regionId = Number(
    db.prepare(`INSERT INTO "Region" ("name", "level") VALUES ('热区', 'county')`).run().lastInsertRowid,
  );
  const channelId = Number(
    db
      .prepare(
        `INSERT INTO "Channel" ("slug", "name", "regionId", "updatedAt") VALUES ('hot-lists', '热榜', ?, ?)`,
      )
      .run(regionId, sqliteDateTime(0)).lastInsertRowid,
  );
  const insert = db.prepare(
    `INSERT INTO "Article" ("channelId", "title", "body", "bodyHtml", "status", "publishedAt", "updatedAt")
     VALUES (?, ?, '', '', 'published', ?, ?)`,
  );
  for (let i = 0; i < 8; i++)
    ids.push(Number(insert.run(channelId, `热${i}`, sqliteDateTime(0), sqliteDateTime(0)).lastInsertRowid));
  writer = openViewWriter(`file:${file}`, 1000);
});

afterAll(() => {
  writer?.close();
  db?.close();
  rmSync(dir, { recursive: true, force: true });
});

interface Row {
  articleId: number;
  views: number;
}

/** The list as stored: its order and view counts (only our stories). */
function stored(list: HotList): Row[] {
  return (
    db
      .prepare(
        `SELECT "articleId", "views" FROM "HotScore" WHERE "list" = ? ORDER BY "weight" DESC, "views" DESC, "articleId"`,
      )
      .all(list) as Row[]
  ).filter((r) => ids.includes(r.articleId));
}

/** The list by its definition, from every bucket. */
function defined(list: HotList, nowMs: number): Row[] {
  const rows = (
    db.prepare(`SELECT "articleId", "bucket", "count" FROM "ArticleViewBucket"`).all() as {
      articleId: number;
      bucket: string;
      count: number;
    }[]
  )
    .filter((r) => ids.includes(r.articleId))
    .map((r) => ({ articleId: r.articleId, bucket: new Date(r.bucket), count: r.count }));
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

describe("hot lists as running totals", () => {
  it("stay equal to their definition through six weeks of views, late rows and epoch moves", () => {
    const rand = prng(42);
    let now = Date.UTC(2030, 0, 1, 0, 30);
    let checks = 0;
    for (let step = 0; step < 400; step++) {
      now += Math.floor(rand() * 5) * HOUR_MS;
      const rows = [];
      for (const id of ids) {
        if (rand() < 0.4) continue;
        // Some stories are read far more than others; a few rows arrive an hour or two late.
        const late = rand() < 0.1 ? Math.floor(rand() * 3) : 0;
        rows.push({
          articleId: id,
          bucketMs: Math.floor(now / HOUR_MS - late) * HOUR_MS,
          count: 1 + Math.floor(((rand() * id) % 7) * 3),
        });
      }
      writer.write(rows, now);
      if (step % 10 === 0) {
        writer.maintainHotLists(now);
        for (const list of Object.keys(HOT_LISTS) as HotList[])
          expect(stored(list), `${list} at step ${step}`).toEqual(defined(list, now));
        checks++;
      }
    }
    expect(checks).toBe(40);
    // Hours every list has taken out are gone from the view history; the 30-day window is whole.
    const oldest = db.prepare(`SELECT min("bucket") AS b FROM "ArticleViewBucket"`).get() as { b: string };
    const state30 = db
      .prepare(`SELECT "expiredThroughHour" AS h FROM "HotListState" WHERE "list" = '30d'`)
      .get() as {
      h: number;
    };
    const oldestHour = Math.floor(Date.parse(oldest.b) / HOUR_MS);
    expect(oldestHour).toBeGreaterThanOrEqual(state30.h + 1);
    expect(oldestHour).toBeLessThan(state30.h + 1 + 24); // views come every few hours
    // The 24-hour list's epoch moved on more than once (64 half-lives of 6 hours = 16 days).
    const state = db.prepare(`SELECT "epochHour" FROM "HotListState" WHERE "list" = '24h'`).get() as {
      epochHour: number;
    };
    expect(state.epochHour).toBeGreaterThan(Date.UTC(2030, 0, 17) / HOUR_MS);
  });

  it("start over when the site was down for longer than every window", () => {
    const later = Date.UTC(2030, 5, 1, 12);
    writer.maintainHotLists(later);
    for (const list of Object.keys(HOT_LISTS) as HotList[]) expect(stored(list)).toEqual([]);
    writer.write([{ articleId: ids[0]!, bucketMs: Math.floor(later / HOUR_MS) * HOUR_MS, count: 3 }], later);
    for (const list of Object.keys(HOT_LISTS) as HotList[])
      expect(stored(list)).toEqual(defined(list, later));
  });
});
