// Hot rankings from hourly view buckets.
//
// score(article) = Σ over buckets b in the window of  views(b) · 2^(−age(b) / halfLife)
//
// where age(b) is the time from the middle of the bucket's hour to `now`. A view loses half its
// weight every `halfLife` hours, so a story read a lot today beats one read a lot last week, and
// within a window the ranking moves as soon as readers move. The raw view total over the window is
// reported alongside the score (that is the number readers see next to each headline).

import { HOUR_MS, hourBucket } from "@/lib/time";

export type HotWindow = "24h" | "7d" | "30d";

export const HOT_WINDOWS: Record<HotWindow, { hours: number; halfLifeHours: number; label: string }> = {
  "24h": { hours: 24, halfLifeHours: 6, label: "24小时" },
  "7d": { hours: 24 * 7, halfLifeHours: 36, label: "一周" },
  "30d": { hours: 24 * 30, halfLifeHours: 24 * 7, label: "一月" },
};

export interface ViewBucketRow {
  articleId: number;
  bucket: Date;
  count: number;
}

export interface HotScore {
  articleId: number;
  score: number;
  views: number;
}

/**
 * First of the `hours` hourly buckets that end at the current one (buckets are whole UTC hours,
 * the current one included): 24 buckets for 24 hours, never 25.
 */
export function firstBucket(now: Date, hours: number): Date {
  return new Date(hourBucket(now).getTime() - (hours - 1) * HOUR_MS);
}

/** First bucket inside the window. */
export function windowStart(now: Date, window: HotWindow): Date {
  return firstBucket(now, HOT_WINDOWS[window].hours);
}

/**
 * Weight of a view in `bucket` at `now`: 2^(−(now − middle of the bucket) / halfLife). No clamp
 * for a bucket whose middle is still ahead (early in the current hour, slightly above 1), so the
 * ratio of any two buckets' weights never changes with time: the running totals of
 * lib/views/hot-totals.ts (HotScore) keep the same order as this function without being recomputed.
 */
export function decayWeight(bucket: Date, now: Date, halfLifeHours: number): number {
  if (!Number.isFinite(halfLifeHours)) return 1;
  const ageHours = (now.getTime() - (bucket.getTime() + HOUR_MS / 2)) / HOUR_MS;
  return Math.pow(2, -ageHours / halfLifeHours);
}

/**
 * The same weight relative to a fixed epoch hour instead of now: 2^((middle − epoch) / halfLife).
 * Stored sums of these order stories exactly as decayed scores at any later time do (they differ
 * by the common factor 2^(−(now − epoch) / halfLife)). PostgreSQL's "difang_record_views" adds
 * views with the same formula in SQL (checked against this one by lib/views/hot-lists.int.test.ts).
 */
export function epochWeight(bucketHour: number, epochHour: number, halfLifeHours: number): number {
  if (!Number.isFinite(halfLifeHours)) return 1;
  return Math.pow(2, (bucketHour + 0.5 - epochHour) / halfLifeHours);
}

/**
 * The lists kept as running totals (table HotScore): the three 热点排行 windows, and 热点阅读's
 * plain 48-hour count (no decay).
 */
export const HOT_LISTS = {
  "24h": HOT_WINDOWS["24h"],
  "7d": HOT_WINDOWS["7d"],
  "30d": HOT_WINDOWS["30d"],
  "48h": { hours: 48, halfLifeHours: Infinity, label: "48小时" },
} as const;
export type HotList = keyof typeof HOT_LISTS;

/** Rebase a list's epoch once its weights have grown by this many half-lives (2^64: far from overflow). */
export const REBASE_AFTER_HALF_LIVES = 64;

/**
 * Rank articles by decayed views. Ties: more raw views first, then the lower id (stable). The
 * definition the stored running totals (lib/views/hot-totals.ts, table HotScore) are tested against.
 */
export function rankHot(
  rows: readonly ViewBucketRow[],
  now: Date,
  window: HotWindow,
  limit: number,
): HotScore[] {
  const { halfLifeHours } = HOT_WINDOWS[window];
  const start = windowStart(now, window).getTime();
  const byArticle = new Map<number, HotScore>();
  for (const row of rows) {
    const t = row.bucket.getTime();
    if (t < start || t > now.getTime() || row.count <= 0) continue;
    const entry = byArticle.get(row.articleId) ?? { articleId: row.articleId, score: 0, views: 0 };
    entry.score += row.count * decayWeight(row.bucket, now, halfLifeHours);
    entry.views += row.count;
    byArticle.set(row.articleId, entry);
  }
  return [...byArticle.values()]
    .sort((a, b) => b.score - a.score || b.views - a.views || a.articleId - b.articleId)
    .slice(0, limit);
}

/**
 * 热度, the figure a hot list shows next to each story: its decayed views now (rankHot's score),
 * from a stored running total (HotScore.weight, relative to the list's epoch hour). Every story of
 * a list is multiplied by the same factor, so 热度 orders stories exactly as the weights do and
 * the numbers never increase down a list. The factor is taken at the middle of the current hour
 * when that is still ahead, so that no view counts more than once: 热度 ≤ the window's views.
 */
export function heatOf(weight: number, epochHour: number, nowMs: number, halfLifeHours: number): number {
  if (!Number.isFinite(halfLifeHours)) return weight;
  const nowHour = nowMs / HOUR_MS;
  const refHour = Math.max(nowHour, Math.floor(nowHour) + 0.5);
  return weight * Math.pow(2, -(refHour - epochHour) / halfLifeHours);
}

/**
 * 热度 for display: a whole number (thousands grouped), 万 with one decimal from 10,000 on. A
 * non-decreasing function of the figure, so a list in 热度 order shows non-increasing numbers.
 */
export function formatHeat(heat: number): string {
  const n = Math.max(0, Math.round(heat));
  if (n < 10_000) return n.toLocaleString("zh-CN");
  return `${(Math.floor(n / 1_000) / 10).toLocaleString("zh-CN", { minimumFractionDigits: 1, maximumFractionDigits: 1 })}万`;
}

/** What 热度 means, for the lists' legend and tooltips. */
export function heatLegend(window: HotWindow): string {
  const { label, halfLifeHours } = HOT_WINDOWS[window];
  const halfLife = halfLifeHours % 24 === 0 ? `${halfLifeHours / 24}天` : `${halfLifeHours}小时`;
  return `热度：${label}内的阅读数按时间折算，越新的阅读分量越重，每过${halfLife}减半`;
}
