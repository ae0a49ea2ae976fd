// Channel pages found by day and month counts (lib/data/channel-pages.ts) against OFFSET over the
// visible stories, page by page, for a channel with stories over four months: days without
// stories, several stories at one time, stories at midnight, drafts, unpublished stories and
// stories scheduled later today, tomorrow and next month; at several times of reading; then again
// after the edits the day-count triggers must follow.
import { describe, expect, it } from "vitest";
import { channelPageIds } from "@/lib/data/channel-pages";
import { visibleWhere } from "@/lib/data/visibility";
import { getDb } from "@/lib/db";
import { PAGE_SIZE } from "@/lib/pagination";
import { makeChannel } from "@/lib/testing/fixtures";

const MINUTE = 60_000;
const HOUR = 3_600_000;
const DAY = 86_400_000;

describe("channel pages by day counts", () => {
  it("equal OFFSET pagination on every page, before and after edits", async () => {
    const db = await getDb();
    const [ch, other] = [await makeChannel(), await makeChannel()];
    const today = Math.floor(Date.now() / DAY) * DAY; // UTC midnight
    const noon = today + 12 * HOUR;

    const stories: { channelId: number; status: string; publishedAt: Date | null }[] = [];
    for (let d = -120; d <= 1; d++) {
      const n = (((d * 7) % 9) + 9) % 9; // 0–8 a day, some days none
      for (let k = 0; k < n; k++) {
        // Every third story at the same time as the one before; the first of a day at midnight.
        const at = today + d * DAY + (k === 0 ? 0 : Math.floor(k / 3) * 3 * HOUR + 17 * MINUTE);
        const status = k === 5 ? "unpublished" : k === 7 ? "draft" : "published";
        stories.push({ channelId: ch.id, status, publishedAt: status === "draft" ? null : new Date(at) });
        if (k % 4 === 1)
          stories.push({ channelId: other.id, status: "published", publishedAt: new Date(at) });
      }
    }
    // Scheduled: later today, tomorrow, next month.
    for (const at of [noon + HOUR, noon + 11 * HOUR, today + DAY + HOUR, today + 35 * DAY])
      stories.push({ channelId: ch.id, status: "published", publishedAt: new Date(at) });
    await db.article.createMany({
      data: stories.map((s, i) => ({ ...s, title: `第${i}条`, body: "", bodyHtml: "", bodyText: "" })),
    });

    const offsetIds = async (page: number, nowMs: number) =>
      (
        await db.article.findMany({
          where: { channelId: ch.id, ...visibleWhere(nowMs) },
          orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
          skip: (page - 1) * PAGE_SIZE,
          take: PAGE_SIZE,
          select: { id: true },
        })
      ).map((r) => r.id);

    const compareAll = async () => {
      const times = [
        noon, // scheduled stories later today
        today, // at midnight: a story at exactly this time is visible
        today - 1, // the millisecond before
        today - 40 * DAY + 6 * HOUR + 17 * MINUTE, // in the past, at a story's time: later months unread
        today + 60 * DAY, // everything scheduled has come, then empty days
      ];
      for (const nowMs of times) {
        const visible = await db.article.count({ where: { channelId: ch.id, ...visibleWhere(nowMs) } });
        expect(visible).toBeGreaterThan(5 * PAGE_SIZE);
        for (let page = 1; page <= Math.ceil(visible / PAGE_SIZE) + 2; page++) {
          const want = await offsetIds(page, nowMs);
          expect(await channelPageIds(ch.id, page, nowMs, undefined, 0), `page ${page} at ${nowMs}`).toEqual(
            want,
          );
          expect(await channelPageIds(ch.id, page, nowMs)).toEqual(want);
        }
        expect(await channelPageIds(ch.id, 9_999_999, nowMs, undefined, 0)).toEqual([]);
      }
    };

    /** The trigger-kept counts against counts of the stories themselves, by UTC day and month. */
    const checkCounts = async () => {
      const rows = await db.article.findMany({
        where: { channelId: { in: [ch.id, other.id] }, status: "published", publishedAt: { not: null } },
        select: { channelId: true, publishedAt: true },
      });
      const want = { days: new Map<string, number>(), months: new Map<string, number>() };
      for (const r of rows) {
        const day = r.publishedAt!.toISOString().slice(0, 10);
        for (const [map, key] of [
          [want.days, `${r.channelId} ${day}`],
          [want.months, `${r.channelId} ${day.slice(0, 7)}`],
        ] as const)
          map.set(key, (map.get(key) ?? 0) + 1);
      }
      const where = { channelId: { in: [ch.id, other.id] }, published: { not: 0 } };
      const days = await db.channelDayCount.findMany({ where });
      const months = await db.channelMonthCount.findMany({ where });
      expect(new Map(days.map((d) => [`${d.channelId} ${d.day}`, d.published]))).toEqual(want.days);
      expect(new Map(months.map((m) => [`${m.channelId} ${m.month}`, m.published]))).toEqual(want.months);
    };

    await checkCounts();
    await compareAll();

    const ids = (await db.article.findMany({ where: { channelId: ch.id }, orderBy: { id: "asc" } })).map(
      (a) => a.id,
    );
    await db.article.updateMany({ where: { id: { in: ids.slice(0, 30) } }, data: { status: "unpublished" } });
    await db.article.updateMany({ where: { id: { in: ids.slice(30, 40) } }, data: { channelId: other.id } });
    await db.article.update({ where: { id: ids[50]! }, data: { publishedAt: new Date(today - 3 * DAY) } });
    await db.article.update({ where: { id: ids[51]! }, data: { publishedAt: new Date(noon + 2 * HOUR) } });
    await db.article.update({
      where: { id: ids[52]! },
      data: {
        title: "只改标题",
        status: "published",
        publishedAt: (await db.article.findUnique({ where: { id: ids[52]! } }))!.publishedAt,
      },
    });
    await db.article.updateMany({
      where: { channelId: ch.id, status: "draft" },
      data: { status: "published", publishedAt: new Date(today - 70 * DAY) },
    });
    await db.article.deleteMany({ where: { id: { in: ids.slice(60, 70) } } });
    await checkCounts();
    await compareAll();
  }, 120_000);
});
