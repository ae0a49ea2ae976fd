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

export function decayWeight(bucket: Date, now: Date, halfLifeHours: number): number {
  const ageHours = Math.max(0, (now.getTime() - (bucket.getTime() + HOUR_MS / 2)) / HOUR_MS);
  return Math.pow(2, -ageHours / halfLifeHours);
}

/** Rank articles by decayed views. Ties: more raw views first, then the lower id (stable). */
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
