// Reads for the desk dashboard (/admin). Never cached: editors expect their own publishes at once.
// Each read is one bounded index range, whatever the archive's size (1,000,000 stories):
// - stories of today / the next 24 hours: Article(status, publishedAt) between two times;
// - pending comments: Comment(status, createdAt), newest first;
// - rankings and the chart: ArticleViewBucket(bucket, articleId, count), the hours of the window
//   only (a covering index range: the rows read grow with the window's traffic, never with the
//   history; buckets older than 30 days are pruned by the view writer anyway).
import "server-only";
import { getDb } from "@/lib/db";
import { articleHref } from "@/lib/data/cards";
import { HOUR_MS, formatDate, hourBucket, parseBeijingLocal } from "@/lib/time";

/** Stories listed under 今日发布 and 定时发布 (the counts are exact). */
export const DASHBOARD_STORY_LIMIT = 20;
/** Stories in each reading ranking. */
export const DASHBOARD_RANK_LIMIT = 10;
/** Newest pending comments shown. */
export const DASHBOARD_COMMENT_LIMIT = 5;
const DAY_MS = 24 * HOUR_MS;

export interface DashboardStory {
  id: number;
  title: string;
  channelName: string;
  /** The reader page. */
  href: string;
  publishedAt: Date;
  /** Lifetime views. */
  viewCount: number;
}

export interface RankedStory {
  id: number;
  title: string;
  channelName: string;
  href: string;
  /** Views inside the window. */
  views: number;
  /** Whether readers see it now (a ranked story may have been unpublished since). */
  live: boolean;
}

export interface PendingComment {
  id: number;
  nickname: string;
  /** Plain text, shown as text. */
  body: string;
  createdAt: Date;
  article: { id: number; title: string };
}

export interface ViewPoint {
  /** Start of the hour (or of the Beijing day). */
  start: Date;
  views: number;
}

export interface DeskDashboard {
  /** Start of today in Beijing time. */
  dayStart: Date;
  today: { count: number; items: DashboardStory[] };
  scheduled: { count: number; items: DashboardStory[] };
  pendingComments: { count: number; items: PendingComment[] };
  /** Views per story over the last 24 / 168 hourly buckets (the current hour included). */
  ranking: { day: RankedStory[]; week: RankedStory[] };
  /** Views per hour, the last 24 hours, oldest first (hours without views are 0). */
  hourly: ViewPoint[];
  /** Views per Beijing day, the last 7 days (today so far included), oldest first. */
  daily: ViewPoint[];
}

/** Start of the Beijing day containing `nowMs` (China has one fixed offset, no summer time). */
export function beijingDayStart(nowMs: number): Date {
  const start = parseBeijingLocal(`${formatDate(new Date(nowMs))}T00:00`);
  if (!start) throw new Error("unreachable: formatDate always gives a valid day");
  return start;
}

const STORY_SELECT = {
  id: true,
  title: true,
  publishedAt: true,
  viewCount: true,
  channel: { select: { name: true, slug: true } },
} as const;

interface StoryRow {
  id: number;
  title: string;
  publishedAt: Date | null;
  viewCount: number;
  channel: { name: string; slug: string };
}

function toStory(r: StoryRow): DashboardStory {
  return {
    id: r.id,
    title: r.title,
    channelName: r.channel.name,
    href: articleHref(r.channel.slug, r.id),
    // Both lists select on publishedAt, so it is set.
    publishedAt: r.publishedAt ?? new Date(0),
    viewCount: r.viewCount,
  };
}

/** Published stories with publishedAt in [from, to]: exact count and the first rows in `order`. */
async function storiesBetween(from: Date, to: Date, order: "asc" | "desc") {
  const db = await getDb();
  const where = { status: "published", publishedAt: { gte: from, lte: to } };
  const [count, rows] = await Promise.all([
    db.article.count({ where }),
    db.article.findMany({
      where,
      orderBy: [{ publishedAt: order }, { id: order }],
      take: DASHBOARD_STORY_LIMIT,
      select: STORY_SELECT,
    }),
  ]);
  return { count, items: rows.map(toStory) };
}

/** The most-read stories since `since` (a bucket hour), most views first, then the lower id. */
async function mostRead(since: Date, nowMs: number): Promise<RankedStory[]> {
  const db = await getDb();
  const sums = await db.articleViewBucket.groupBy({
    by: ["articleId"],
    where: { bucket: { gte: since, lte: new Date(nowMs) } },
    _sum: { count: true },
    orderBy: [{ _sum: { count: "desc" } }, { articleId: "asc" }],
    take: DASHBOARD_RANK_LIMIT,
  });
  if (sums.length === 0) return [];
  const rows = await db.article.findMany({
    where: { id: { in: sums.map((s) => s.articleId) } },
    select: {
      id: true,
      title: true,
      status: true,
      publishedAt: true,
      channel: { select: { name: true, slug: true } },
    },
  });
  const byId = new Map(rows.map((r) => [r.id, r]));
  return sums.flatMap((s) => {
    const a = byId.get(s.articleId);
    if (!a) return []; // deleted meanwhile (its buckets go with it)
    return [
      {
        id: a.id,
        title: a.title,
        channelName: a.channel.name,
        href: articleHref(a.channel.slug, a.id),
        views: s._sum.count ?? 0,
        live: a.status === "published" && a.publishedAt !== null && a.publishedAt.getTime() <= nowMs,
      },
    ];
  });
}

/** Views per hour bucket since `since` (one row per hour with views). */
async function viewsPerHour(since: Date, nowMs: number): Promise<Map<number, number>> {
  const db = await getDb();
  const rows = await db.articleViewBucket.groupBy({
    by: ["bucket"],
    where: { bucket: { gte: since, lte: new Date(nowMs) } },
    _sum: { count: true },
  });
  return new Map(rows.map((r) => [r.bucket.getTime(), r._sum.count ?? 0]));
}

async function pendingComments(): Promise<DeskDashboard["pendingComments"]> {
  const db = await getDb();
  const where = { status: "pending" };
  const [count, rows] = await Promise.all([
    db.comment.count({ where }),
    db.comment.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: DASHBOARD_COMMENT_LIMIT,
      select: {
        id: true,
        nickname: true,
        body: true,
        createdAt: true,
        article: { select: { id: true, title: true } },
      },
    }),
  ]);
  return { count, items: rows };
}

/** Everything /admin shows, as of `nowMs`. */
export async function getDeskDashboard(nowMs: number): Promise<DeskDashboard> {
  const now = new Date(nowMs);
  const dayStart = beijingDayStart(nowMs);
  const thisHour = hourBucket(now).getTime();
  const firstDay = dayStart.getTime() - 6 * DAY_MS;
  const [today, scheduled, comments, day, week, perHour] = await Promise.all([
    storiesBetween(dayStart, now, "desc"),
    // Strictly after now: a story due this very millisecond is already out (visibleWhere uses lte).
    storiesBetween(new Date(nowMs + 1), new Date(nowMs + DAY_MS), "asc"),
    pendingComments(),
    mostRead(new Date(thisHour - 23 * HOUR_MS), nowMs),
    mostRead(new Date(thisHour - 167 * HOUR_MS), nowMs),
    // One read for both series: Beijing days are whole UTC hours (UTC+8), so days are sums of hours.
    viewsPerHour(new Date(Math.min(firstDay, thisHour - 23 * HOUR_MS)), nowMs),
  ]);
  const hourly = Array.from({ length: 24 }, (_, i) => {
    const start = thisHour - (23 - i) * HOUR_MS;
    return { start: new Date(start), views: perHour.get(start) ?? 0 };
  });
  const daily = Array.from({ length: 7 }, (_, i) => {
    const start = firstDay + i * DAY_MS;
    let views = 0;
    for (const [hour, count] of perHour) if (hour >= start && hour < start + DAY_MS) views += count;
    return { start: new Date(start), views };
  });
  return {
    dayStart,
    today,
    scheduled,
    pendingComments: comments,
    ranking: { day, week },
    hourly,
    daily,
  };
}
