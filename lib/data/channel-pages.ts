import "server-only";
import { getDb } from "@/lib/db";
import { visibleWhere } from "@/lib/data/visibility";
import { PAGE_SIZE } from "@/lib/pagination";

/** Most scheduled stories of one channel a page or a count subtracts (more would be a newsroom's first). */
export const MAX_SCHEDULED_PER_CHANNEL = 1_000;

/**
 * Up to this many stories before a page, the page is found by OFFSET, walking that many entries
 * of the (channelId, status, publishedAt) index (page 50 at most); deeper pages add up the
 * channel's month and day counts instead.
 */
export const DIRECT_OFFSET_MAX = 1_000;

const ORDER = [{ publishedAt: "desc" }, { id: "desc" }] as const;

/** The UTC day ("2026-11-30") of a time, as the day-count triggers key it. */
function utcDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

function nextDayStart(day: string): Date {
  return new Date(Date.parse(`${day}T00:00:00.000Z`) + 86_400_000);
}

/** The row among `rows` (newest first) that holds story `offset`, and the stories before it in that row. */
function locate<T>(rows: readonly T[], countOf: (row: T) => number, offset: number) {
  let before = offset;
  for (const row of rows) {
    const n = countOf(row);
    if (before < n) return { row, skip: before };
    before -= n;
  }
  return { row: null, skip: before };
}

/**
 * The ids of page `page` of a channel's visible stories, newest first (publishedAt, then id,
 * descending): exactly what OFFSET (page − 1) · PAGE_SIZE over those stories returns, at about the
 * cost of page 1 for any page. The published stories of every UTC day and month are counted by
 * database triggers (ChannelDayCount, ChannelMonthCount; scheduled stories included, as the
 * triggers cannot know when a time comes). Every day before today holds only visible stories;
 * today's count less today's scheduled stories is today's visible ones; later days hold none. So
 * the day holding the page's first story is found by adding up this month's days, then the
 * months before it (about 120 rows for ten years) and that month's days, and the page is read
 * from an index range that starts at the end of that day, skipping fewer stories than the day
 * holds. `directUpTo`: offsets up to this are read by OFFSET alone (tests pass 0).
 */
export async function channelPageIds(
  channelId: number,
  page: number,
  nowMs: number,
  directUpTo = DIRECT_OFFSET_MAX,
): Promise<number[]> {
  const db = await getDb();
  const offset = (page - 1) * PAGE_SIZE;
  const now = new Date(nowMs);
  const read = async (upTo: Date | null, skip: number) =>
    (
      await db.article.findMany({
        where: {
          channelId,
          ...visibleWhere(nowMs),
          ...(upTo && { publishedAt: { ...visibleWhere(nowMs).publishedAt, lt: upTo } }),
        },
        orderBy: [...ORDER],
        skip,
        take: PAGE_SIZE,
        select: { id: true },
      })
    ).map((r) => r.id);
  if (offset <= directUpTo) return read(null, offset);

  const today = utcDay(nowMs);
  const month = today.slice(0, 7);
  const [scheduledToday, days, months] = await Promise.all([
    db.article.findMany({
      where: { channelId, status: "published", publishedAt: { gt: now, lt: nextDayStart(today) } },
      orderBy: { publishedAt: "asc" }, // the index's own order (Prisma would otherwise sort by id)
      select: { id: true },
      take: MAX_SCHEDULED_PER_CHANNEL,
    }),
    db.channelDayCount.findMany({
      where: { channelId, day: { gte: `${month}-01`, lte: today } },
      orderBy: { day: "desc" },
      select: { day: true, published: true },
    }),
    db.channelMonthCount.findMany({
      where: { channelId, month: { lt: month } },
      orderBy: { month: "desc" },
      select: { month: true, published: true },
    }),
  ]);
  // Beyond the cap today's visible stories are not known from the counts: OFFSET stays exact.
  if (scheduledToday.length === MAX_SCHEDULED_PER_CHANNEL) return read(null, offset);
  const visibleIn = (d: { day: string; published: number }) =>
    d.day === today ? d.published - scheduledToday.length : d.published;

  let found = locate(days, visibleIn, offset);
  if (!found.row) {
    const inMonth = locate(months, (m) => m.published, found.skip);
    if (!inMonth.row) return []; // past the last page
    const monthDays = await db.channelDayCount.findMany({
      where: { channelId, day: { gte: `${inMonth.row.month}-01`, lte: `${inMonth.row.month}-31` } },
      orderBy: { day: "desc" },
      select: { day: true, published: true },
    });
    found = locate(monthDays, visibleIn, inMonth.skip);
    // The month's days add up to less than the month: never (one trigger writes both), but OFFSET
    // would still be right.
    if (!found.row) return read(null, offset);
  }
  return read(nextDayStart(found.row.day), found.skip);
}
