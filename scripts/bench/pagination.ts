// Does page 5,000 of a channel cost what page 1 costs? Times the channel page's reads
// (listChannelArticles, its cache cleared: the page's ids by channelPageIds, its cards, the
// channel's count) for pages 1 to 5,000 of the largest channel, 50 runs each, beside the page's ids
// found by OFFSET alone (the way before the day counts), and prints SQLite's plan of each id read.
//
//   npm run bench:pagination                               a temporary database: 5,000 stories
//                                                          in one channel (plus 1,000 elsewhere)
//   npm run bench:pagination -- --db file:<path>           an existing database (only read), e.g.
//                                                          one of `npm run seed:large`
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";

const { values: opts } = parseArgs({ options: { db: { type: "string" } } });
if (opts.db !== undefined && !opts.db.startsWith("file:")) throw new Error("--db must be a file: URL");
const dir = opts.db ? null : mkdtempSync(path.join(tmpdir(), "difang-pagination-"));
process.env.DATABASE_URL = opts.db ?? `file:${path.join(dir!, "bench.db")}`;

async function fill(): Promise<void> {
  execFileSync("npx", ["prisma", "migrate", "deploy"], { env: process.env, stdio: "ignore" });
  const { getDb } = await import("@/lib/db");
  const db = await getDb();
  const region = await db.region.create({ data: { name: "测试市", slug: "ceshi", level: "city" } });
  const [big, other] = await Promise.all([
    db.channel.create({ data: { slug: "big", name: "大频道", regionId: region.id } }),
    db.channel.create({ data: { slug: "other", name: "其他频道", regionId: region.id } }),
  ]);
  const now = Date.now();
  const rows = (channelId: number, n: number, offset: number) =>
    Array.from({ length: n }, (_, i) => ({
      channelId,
      title: `第 ${offset + i} 条新闻`,
      summary: "摘要",
      body: "正文",
      bodyHtml: "<p>正文</p>",
      status: i % 20 === 0 ? "draft" : "published",
      publishedAt: new Date(now - (offset + i) * 60_000),
    }));
  for (let i = 0; i < 5000; i += 500) await db.article.createMany({ data: rows(big.id, 500, i) });
  await db.article.createMany({ data: rows(other.id, 1000, 0) });
}

async function main(): Promise<void> {
  if (dir) await fill();
  const { getDb } = await import("@/lib/db");
  const { clearCache } = await import("@/lib/cache/memo");
  const { countVisibleInChannel, listChannelArticles } = await import("@/lib/data/articles");
  const { channelPageIds } = await import("@/lib/data/channel-pages");
  const { PAGE_SIZE } = await import("@/lib/pagination");
  const db = await getDb();
  const largest = await db.channelStoryCount.findFirst({ orderBy: { published: "desc" } });
  if (!largest) throw new Error("no channel has stories");
  const channelId = largest.channelId;
  const now = Date.now();
  const last = Math.ceil((await countVisibleInChannel(channelId, now)) / PAGE_SIZE);
  console.log(
    `channel ${channelId}: ${largest.published.toLocaleString("en")} published stories, ${last} pages`,
  );

  const RUNS = 50;
  /** Median and fastest of RUNS runs (the fastest shows the cost when nothing else runs). */
  const time = async (run: () => Promise<unknown>) => {
    const runs: number[] = [];
    for (let r = 0; r < RUNS; r++) {
      const t0 = performance.now();
      await run();
      runs.push(performance.now() - t0);
    }
    runs.sort((a, b) => a - b);
    return `${runs[RUNS >> 1]!.toFixed(2)} / ${runs[0]!.toFixed(2)}`;
  };
  console.log(
    `ms, median / fastest of ${RUNS}: the page's ids by counts, by OFFSET; the whole page (ids, cards, count)`,
  );
  for (const page of [1, 50, 251, 252, 500, 5_000, last, 1, 5_000].filter((p) => p <= last)) {
    const ids = await channelPageIds(channelId, page, now);
    if (ids.length === 0) throw new Error(`page ${page} is empty`);
    const byCounts = await time(() => channelPageIds(channelId, page, now));
    const byOffset = await time(() => channelPageIds(channelId, page, now, undefined, Infinity));
    const whole = await time(() => {
      clearCache();
      return listChannelArticles(channelId, page, now);
    });
    console.log(
      `page ${String(page).padStart(5)}: ids ${byCounts} · OFFSET ${byOffset} · whole page ${whole}`,
    );
  }
  // The id read of a deep page as channelPageIds runs it (one day's range), and as OFFSET ran it.
  const at = (ms: number) => new Date(ms).toISOString().replace("Z", "+00:00");
  for (const [what, sql, args] of [
    [
      "a day's range",
      `SELECT "id" FROM "Article" WHERE "channelId" = ? AND "status" = 'published' AND "publishedAt" <= ? AND "publishedAt" < ? ORDER BY "publishedAt" DESC, "id" DESC LIMIT 20 OFFSET 40`,
      [channelId, at(now), at(now - 86_400_000)],
    ],
    [
      "OFFSET",
      `SELECT "id" FROM "Article" WHERE "channelId" = ? AND "status" = 'published' AND "publishedAt" <= ? ORDER BY "publishedAt" DESC, "id" DESC LIMIT 20 OFFSET 3980`,
      [channelId, at(now)],
    ],
  ] as const) {
    const plan = await db.$queryRawUnsafe<{ detail: string }[]>(`EXPLAIN QUERY PLAN ${sql}`, ...args);
    console.log(`plan (${what}):`, plan.map((p) => p.detail).join(" | "));
  }
  await db.$disconnect();
}

main()
  .catch((e: unknown) => {
    console.error(e);
    process.exitCode = 1;
  })
  .finally(() => dir && rmSync(dir, { recursive: true, force: true }));
