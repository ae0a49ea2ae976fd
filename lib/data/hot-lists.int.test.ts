// The ranking page's reads (lib/data/hot-lists.ts through lib/data/sidebars.ts) against the real
// database, views written by the view writer (lib/views) as readers' beacons are. Other test
// files share the database, so assertions are scoped to rows made here, except the order rule,
// which must hold for the whole list.
import { beforeEach, describe, expect, it } from "vitest";
import { flushViews, recordView } from "@/lib/views/record-view";
import { clearCache } from "@/lib/cache/memo";
import { getDb } from "@/lib/db";
import { HOT_CHANNEL_SCAN } from "@/lib/data/hot-lists";
import { getChannelHotRanking, getHotRanking } from "@/lib/data/sidebars";
import { formatHeat } from "@/lib/ranking";
import { HOUR_MS } from "@/lib/time";
import { makeArticle, makeChannel } from "@/lib/testing/fixtures";
import type { RankedCard } from "@/lib/data/types";

const BROWSER_UA =
  "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Safari/537.36";
let clientNo = 0;
/** `n` readers' views of a story at `at` (new clients, so none is a repeat), written at once. */
async function views(articleId: number, n: number, at: number = Date.now()): Promise<void> {
  for (let i = 0; i < n; i++) {
    clientNo++;
    recordView(articleId, { address: `203.0.113.${clientNo % 250}:${clientNo}`, userAgent: BROWSER_UA }, at);
  }
  await flushViews();
}

beforeEach(() => {
  clearCache();
});

const ids = (rows: readonly RankedCard[]) => rows.map((r) => r.id);

/** The number a reader sees (formatHeat: "1,234" or "1.2万"). */
function shown(heat: number): number {
  const text = formatHeat(heat).replace(/,/g, "");
  return text.endsWith("万") ? Number(text.slice(0, -1)) * 10_000 : Number(text);
}

/** Neither the figure nor what is shown of it ever increases down a list. */
function expectHeatOrder(rows: readonly RankedCard[]): void {
  for (let i = 1; i < rows.length; i++) {
    const [above, below] = [rows[i - 1], rows[i]];
    if (!above || !below) continue;
    expect(below.heat, `${i}`).toBeLessThanOrEqual(above.heat);
    expect(shown(below.heat), `${i}`).toBeLessThanOrEqual(shown(above.heat));
  }
}

describe("hot lists with 热度", () => {
  it("show decayed views: more recent views weigh more, and the numbers follow the order", async () => {
    // The middle of the last full hour, so that the views and the read fall in one hour bucket
    // whatever the clock says when the test runs (at 01:59:59.5 "now + 1 s" is another hour).
    const at = Math.floor(Date.now() / HOUR_MS) * HOUR_MS - HOUR_MS / 2;
    const ch = await makeChannel();
    const old = await makeArticle({ channelId: ch.id, publishedAt: new Date(at - 3 * 24 * HOUR_MS) });
    const fresh = await makeArticle({ channelId: ch.id, publishedAt: new Date(at - 60_000) });
    // More views, but 20 hours ago: in 24 hours (half-life 6 h) they count for about a tenth.
    await views(old.id, 8, at - 20 * HOUR_MS);
    await views(fresh.id, 3, at);
    const list = await getHotRanking("24h", 500, at + 1000);
    const a = list.find((r) => r.id === fresh.id);
    const b = list.find((r) => r.id === old.id);
    expect(a?.views).toBe(3);
    expect(b?.views).toBe(8);
    // This hour's views count fully (up to the half hour the factor is taken at).
    expect(a?.heat).toBeGreaterThan(3 * Math.pow(2, -1 / 12) - 1e-9);
    expect(a?.heat).toBeLessThanOrEqual(3 + 1e-9);
    expect(b?.heat).toBeLessThan(1.5);
    expect(ids(list).indexOf(fresh.id)).toBeLessThan(ids(list).indexOf(old.id));
    expectHeatOrder(list);
    expectHeatOrder(await getHotRanking("7d", 500, at + 1000));
    expectHeatOrder(await getHotRanking("30d", 500, at + 1000));
  });
});

describe("getChannelHotRanking", () => {
  it("lists one channel's stories in the site list's order, with the same figures", async () => {
    const ch = await makeChannel();
    const other = await makeChannel();
    const [a, b, c] = [
      await makeArticle({ channelId: ch.id }),
      await makeArticle({ channelId: ch.id }),
      await makeArticle({ channelId: ch.id }),
    ];
    const elsewhere = await makeArticle({ channelId: other.id });
    await views(a.id, 2);
    await views(b.id, 6);
    await views(c.id, 4);
    await views(elsewhere.id, 9);
    const nowMs = Date.now() + 1000;
    const inChannel = await getChannelHotRanking("24h", ch.id, 50, nowMs);
    expect(ids(inChannel)).toEqual([b.id, c.id, a.id]);
    expect(inChannel.map((r) => r.views)).toEqual([6, 4, 2]);
    expectHeatOrder(inChannel);
    const site = await getHotRanking("24h", 500, nowMs);
    for (const r of inChannel) expect(site.find((s) => s.id === r.id)?.heat).toBe(r.heat);
    expect(ids(site).indexOf(elsewhere.id)).toBeLessThan(ids(site).indexOf(b.id));
    // The limit applies to the channel's list.
    expect(ids(await getChannelHotRanking("24h", ch.id, 2, nowMs))).toEqual([b.id, c.id]);
  });

  it("is empty for a channel nobody read, and leaves out stories readers can no longer see", async () => {
    const quiet = await makeChannel();
    await makeArticle({ channelId: quiet.id });
    const nowMs = Date.now() + 1000;
    expect(await getChannelHotRanking("24h", quiet.id, 50, nowMs)).toEqual([]);

    const ch = await makeChannel();
    const gone = await makeArticle({ channelId: ch.id });
    const kept = await makeArticle({ channelId: ch.id });
    await views(gone.id, 5);
    await views(kept.id, 1);
    const db = await getDb();
    await db.article.update({ where: { id: gone.id }, data: { status: "unpublished" } });
    expect(ids(await getChannelHotRanking("7d", ch.id, 50, Date.now() + 1000))).toEqual([kept.id]);
  });

  it("finds a story ranked below the first chunk of the list", async () => {
    const busy = await makeChannel();
    const quiet = await makeChannel();
    // 210 stories above it in the month's list: the channel's story is only in the second chunk.
    // Their views are four weeks old, so they rank below every other test's stories and push none
    // of them out of a list another test reads.
    const longAgo = Date.now() - 28 * 24 * HOUR_MS;
    const many = await Promise.all(Array.from({ length: 210 }, () => makeArticle({ channelId: busy.id })));
    for (const s of many) {
      for (let i = 0; i < 2; i++) {
        clientNo++;
        recordView(
          s.id,
          { address: `192.0.2.${clientNo % 250}:${clientNo}`, userAgent: BROWSER_UA },
          longAgo,
        );
      }
    }
    await flushViews();
    const low = await makeArticle({ channelId: quiet.id });
    await views(low.id, 1, longAgo);
    const nowMs = Date.now() + 1000;
    const site = await getHotRanking("30d", HOT_CHANNEL_SCAN, nowMs);
    expect(ids(site).indexOf(low.id)).toBeGreaterThan(200);
    expect(ids(await getChannelHotRanking("30d", quiet.id, 50, nowMs))).toEqual([low.id]);
    expect(await getChannelHotRanking("24h", quiet.id, 50, nowMs)).toEqual([]);
  });
});
