import "server-only";
import { getDb } from "@/lib/db";
import { visibleWhere } from "@/lib/data/visibility";
import { MAX_WITHDRAWN, withdrawnStories, type WithdrawnStory } from "@/lib/data/withdrawn";
import { PAGE_SIZE } from "@/lib/pagination";

/** Most scheduled stories of one channel a page or a count subtracts (more would be a newsroom's first). */
export const MAX_SCHEDULED_PER_CHANNEL = 1_000;

/**
 * Up to this many stories before a page (page 251), the page is found by OFFSET, walking that many
 * entries of the (channelId, status, publishedAt) index: cheaper than the two more reads of the
 * counts (about 0.3 ms against 1–1.5 ms on the million-story database, npm run bench:pagination);
 * deeper pages add up the channel's month and day counts instead.
 */
export const DIRECT_OFFSET_MAX = 5_000;

const ORDER = [{ publishedAt: "desc" }, { id: "desc" }] as const;

/** The UTC day ("2026-11-30") of a time, as the day-count triggers key it. */
function utcDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

function nextDayStart(day: string): Date {
  return new Date(Date.parse(`${day}T00:00:00.000Z`) + 86_400_000);
}

function nextMonthStart(month: string): Date {
  const start = new Date(`${month}-01T00:00:00.000Z`);
  return new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 1));
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
 * The publication times of a channel's published stories whose time is still ahead (scheduled),
 * soonest first, up to MAX_SCHEDULED_PER_CHANNEL: an index range, read in the index's own order.
 */
export async function scheduledStories(channelId: number, nowMs: number): Promise<Date[]> {
  const db = await getDb();
  const rows = await db.article.findMany({
    where: { channelId, status: "published", publishedAt: { gt: new Date(nowMs) } },
    orderBy: { publishedAt: "asc" }, // Prisma would otherwise sort by id
    select: { publishedAt: true },
    take: MAX_SCHEDULED_PER_CHANNEL,
  });
  return rows.map((r) => r.publishedAt!);
}

/**
 * The ids of page `page` of a channel's visible stories, newest first (publishedAt, then id,
 * descending): exactly what OFFSET (page − 1) · PAGE_SIZE over those stories returns, in three
 * small reads for any page besides the scheduled stories (read for the channel's count anyway). The published stories of every UTC day and month are counted by
 * database triggers (ChannelDayCount, ChannelMonthCount; scheduled stories included, as the
 * triggers cannot know when a time comes). Every month and day before the current one holds only
 * visible stories; the current month's and today's counts less their scheduled stories (read,
 * up to MAX_SCHEDULED_PER_CHANNEL) are their visible ones; later months and days hold none. So
 * the month holding the page's first story is found by adding up month counts (about 120 rows
 * for ten years), then the day by adding up that month's days, and the page is read from the index
 * range that ends with that day, skipping fewer stories than the day holds.
 * Stories withdrawn by their unpublish time (lib/data/withdrawn.ts) are still counted as
 * published: their months and days are counted less them, as for the scheduled ones.
 * `scheduled`, `withdrawn`: scheduledStories of the channel and withdrawnStories, when already
 * being read for its count.
 * `directUpTo`: offsets up to this are read by OFFSET alone (tests pass 0).
 */
export async function channelPageIds(
  channelId: number,
  page: number,
  nowMs: number,
  scheduled?: Promise<Date[]>,
  directUpTo = DIRECT_OFFSET_MAX,
  withdrawn?: Promise<WithdrawnStory[]>,
): Promise<number[]> {
  const db = await getDb();
  const offset = (page - 1) * PAGE_SIZE;
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
  const tomorrow = nextDayStart(today);
  const [ahead, gone, months] = await Promise.all([
    scheduled ?? scheduledStories(channelId, nowMs),
    withdrawn ?? withdrawnStories(nowMs),
    db.channelMonthCount.findMany({
      where: { channelId, month: { lte: month } },
      orderBy: { month: "desc" },
      select: { month: true, published: true },
    }),
  ]);
  // Beyond the cap this month's visible stories are not known from the counts: OFFSET stays exact.
  if (ahead.length === MAX_SCHEDULED_PER_CHANNEL || gone.length === MAX_WITHDRAWN) return read(null, offset);
  const monthEnd = nextMonthStart(month);
  const scheduledInMonth = ahead.filter((at) => at < monthEnd).length;
  const scheduledToday = ahead.filter((at) => at < tomorrow).length;
  const goneDays = gone.filter((s) => s.channelId === channelId).map((s) => utcDay(s.publishedAt.getTime()));
  const goneIn = (prefix: string) => goneDays.filter((d) => d.startsWith(prefix)).length;

  const inMonth = locate(
    months,
    (m) => (m.month === month ? m.published - scheduledInMonth : m.published) - goneIn(m.month),
    offset,
  );
  if (!inMonth.row) return []; // past the last page
  const days = await db.channelDayCount.findMany({
    where: { channelId, day: { gte: `${inMonth.row.month}-01`, lte: `${inMonth.row.month}-31` } },
    orderBy: { day: "desc" },
    select: { day: true, published: true },
  });
  // Days after today hold only scheduled stories.
  const found = locate(
    days.filter((d) => d.day <= today),
    (d) => (d.day === today ? d.published - scheduledToday : d.published) - goneIn(d.day),
    inMonth.skip,
  );
  // The month's days add up to less than the month: never (one trigger writes both), but OFFSET
  // would still be right.
  if (!found.row) return read(null, offset);
  return read(nextDayStart(found.row.day), found.skip);
}
