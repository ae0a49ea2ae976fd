// Does page 200 of a channel cost what page 1 costs? Builds a temporary database with 5,000
// published stories in one channel (plus 1,000 elsewhere), then times the channel-page query
// (pageOfCards with channelPageIds, the functions the channel page uses) for pages 1, 50, 100 and 200 with the read
// cache cleared each time, and prints SQLite's plan for the id lookup.
//
//   npm run bench:pagination
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";

const dir = mkdtempSync(path.join(tmpdir(), "difang-pagination-"));
process.env.DATABASE_URL = `file:${path.join(dir, "bench.db")}`;

async function main(): Promise<void> {
  execFileSync("npx", ["prisma", "migrate", "deploy"], { env: process.env, stdio: "ignore" });
  const { getDb } = await import("@/lib/db");
  const { pageOfCards } = await import("@/lib/data/cards");
  const { countVisibleInChannel } = await import("@/lib/data/articles");
  const { channelPageIds } = await import("@/lib/data/channel-pages");
  const db = await getDb();
  const region = await db.region.create({ data: { name: "测试市", level: "city" } });
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

  for (const page of [1, 50, 100, 200, 1, 200]) {
    const runs: number[] = [];
    for (let r = 0; r < 20; r++) {
      const t0 = performance.now();
      const { items } = await pageOfCards(
        () => channelPageIds(big.id, page, now),
        () => countVisibleInChannel(big.id, now),
      );
      runs.push(performance.now() - t0);
      if (items.length === 0) throw new Error(`page ${page} is empty`);
    }
    runs.sort((a, b) => a - b);
    console.log(
      `page ${String(page).padStart(3)}: median ${runs[10]?.toFixed(2)} ms, max ${runs[19]?.toFixed(2)} ms (20 runs)`,
    );
  }
  const plan = await db.$queryRawUnsafe<{ detail: string }[]>(
    `EXPLAIN QUERY PLAN SELECT "id" FROM "Article" WHERE "channelId" = ? AND "status" = 'published' AND "publishedAt" <= ? ORDER BY "publishedAt" DESC, "id" DESC LIMIT 20 OFFSET 3980`,
    big.id,
    new Date(now).toISOString().replace("Z", "+00:00"),
  );
  console.log("plan:", plan.map((p) => p.detail).join(" | "));
  await db.$disconnect();
}

main()
  .catch((e: unknown) => {
    console.error(e);
    process.exitCode = 1;
  })
  .finally(() => rmSync(dir, { recursive: true, force: true }));
