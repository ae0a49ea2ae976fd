import { describe, expect, it } from "vitest";
import {
  decayWeight,
  epochWeight,
  firstBucket,
  formatHeat,
  heatLegend,
  heatOf,
  HOT_WINDOWS,
  rankHot,
  windowStart,
  type ViewBucketRow,
} from "@/lib/ranking";
import { HOUR_MS } from "@/lib/time";

// "now" half past an hour: the current bucket's middle is exactly now, so its weight is 1.
const NOW = new Date("2026-03-10T12:30:00Z");
const CURRENT_BUCKET = Date.parse("2026-03-10T12:00:00Z");

/** The bucket starting `hoursAgo` whole hours before the current one. */
function bucketAgo(hoursAgo: number): Date {
  return new Date(CURRENT_BUCKET - hoursAgo * HOUR_MS);
}

function row(articleId: number, hoursAgo: number, count: number): ViewBucketRow {
  return { articleId, bucket: bucketAgo(hoursAgo), count };
}

const ids = (scores: { articleId: number }[]) => scores.map((s) => s.articleId);

describe("decayWeight", () => {
  it("is 1 at the middle of the bucket and halves after each half-life", () => {
    const bucket = bucketAgo(0);
    expect(decayWeight(bucket, NOW, 6)).toBe(1);
    expect(decayWeight(bucket, new Date(NOW.getTime() + 6 * HOUR_MS), 6)).toBeCloseTo(0.5, 12);
    expect(decayWeight(bucket, new Date(NOW.getTime() + 12 * HOUR_MS), 6)).toBeCloseTo(0.25, 12);
    expect(decayWeight(bucket, new Date(NOW.getTime() + 36 * HOUR_MS), 36)).toBeCloseTo(0.5, 12);
  });

  it("decreases strictly with age", () => {
    const w = [0, 1, 5, 24, 100].map((h) => decayWeight(bucketAgo(h), NOW, 6));
    for (let i = 1; i < w.length; i++) expect(w[i]).toBeLessThan(w[i - 1] ?? Infinity);
  });

  it("keeps the ratio of two buckets' weights whatever the time (so running totals keep their order)", () => {
    const ratio = (now: Date) => decayWeight(bucketAgo(0), now, 6) / decayWeight(bucketAgo(5), now, 6);
    const earlyInHour = new Date("2026-03-10T12:05:00Z");
    expect(ratio(earlyInHour)).toBeCloseTo(ratio(NOW), 12);
    expect(ratio(new Date(NOW.getTime() + 30 * HOUR_MS))).toBeCloseTo(ratio(NOW), 12);
  });

  it("matches the epoch form up to one common factor", () => {
    const hourOf = (d: Date) => d.getTime() / HOUR_MS;
    const epoch = hourOf(bucketAgo(100));
    for (const h of [0, 3, 20])
      expect(decayWeight(bucketAgo(h), NOW, 6) / epochWeight(hourOf(bucketAgo(h)), epoch, 6)).toBeCloseTo(
        Math.pow(2, -(hourOf(NOW) - epoch) / 6),
        12,
      );
    expect(epochWeight(5, 0, Infinity)).toBe(1);
  });
});

describe("windowStart", () => {
  it("starts the window `hours` buckets back, the current one included", () => {
    expect(windowStart(NOW, "24h").toISOString()).toBe("2026-03-09T13:00:00.000Z");
    expect(windowStart(NOW, "7d").toISOString()).toBe("2026-03-03T13:00:00.000Z");
    expect(windowStart(NOW, "30d").toISOString()).toBe("2026-02-08T13:00:00.000Z");
  });

  it("sums exactly 24 hourly buckets for 24小时 (168 for a week, 720 for a month), at every point of an hour", () => {
    for (const now of ["2026-03-10T12:00:00.000Z", "2026-03-10T12:30:00.000Z", "2026-03-10T12:59:59.999Z"]) {
      const at = new Date(now);
      // One view in each of the last 800 hourly buckets, the current one included.
      const rows = Array.from({ length: 800 }, (_, h) => ({
        articleId: 1,
        bucket: new Date(Date.parse("2026-03-10T12:00:00.000Z") - h * HOUR_MS),
        count: 1,
      }));
      expect(rankHot(rows, at, "24h", 1)[0]?.views, now).toBe(24);
      expect(rankHot(rows, at, "7d", 1)[0]?.views, now).toBe(168);
      expect(rankHot(rows, at, "30d", 1)[0]?.views, now).toBe(720);
    }
  });
});

describe("firstBucket", () => {
  it("counts the current bucket as the first of `hours`", () => {
    expect(firstBucket(new Date("2026-03-10T12:00:00.000Z"), 1).toISOString()).toBe(
      "2026-03-10T12:00:00.000Z",
    );
    expect(firstBucket(new Date("2026-03-10T12:59:59.999Z"), 48).toISOString()).toBe(
      "2026-03-08T13:00:00.000Z",
    );
  });
});

describe("rankHot", () => {
  it("ranks recent views above the same number of older views", () => {
    // Article 2 has the higher id, so only decay can put it first.
    const rows = [row(1, 10, 50), row(2, 1, 50)];
    const out = rankHot(rows, NOW, "24h", 10);
    expect(ids(out)).toEqual([2, 1]);
    expect(out[0]?.views).toBe(50);
    expect(out[1]?.views).toBe(50);
    expect(out[0]?.score).toBeGreaterThan(out[1]?.score ?? Infinity);
  });

  it("lets a much larger older count beat a small recent one", () => {
    const out = rankHot([row(1, 1, 10), row(2, 12, 100)], NOW, "24h", 10);
    expect(ids(out)).toEqual([2, 1]);
  });

  it("computes the decayed score and sums raw views over buckets", () => {
    // Bucket 6 hours back: its middle is 6h before now → weight 0.5 with the 24h half-life of 6h.
    const out = rankHot([row(7, 0, 4), row(7, 6, 10), row(7, 3, 1)], NOW, "24h", 10);
    expect(out).toHaveLength(1);
    expect(out[0]?.views).toBe(15);
    expect(out[0]?.score).toBeCloseTo(4 + 10 * 0.5 + Math.pow(2, -0.5), 10);
  });

  it("ignores buckets before the window start and includes the start bucket itself", () => {
    const start = windowStart(NOW, "24h");
    const rows: ViewBucketRow[] = [
      { articleId: 1, bucket: start, count: 3 },
      { articleId: 1, bucket: new Date(start.getTime() - HOUR_MS), count: 1000 },
      { articleId: 2, bucket: new Date(start.getTime() - HOUR_MS), count: 1000 },
    ];
    const out = rankHot(rows, NOW, "24h", 10);
    expect(ids(out)).toEqual([1]);
    expect(out[0]?.views).toBe(3);
  });

  it("ignores future buckets", () => {
    const nextHour = new Date(CURRENT_BUCKET + HOUR_MS);
    const rows: ViewBucketRow[] = [
      { articleId: 1, bucket: nextHour, count: 1000 },
      { articleId: 1, bucket: bucketAgo(2), count: 2 },
      { articleId: 2, bucket: nextHour, count: 1000 },
      { articleId: 3, bucket: bucketAgo(3), count: 1 },
    ];
    const out = rankHot(rows, NOW, "24h", 10);
    expect(ids(out)).toEqual([1, 3]);
    expect(out[0]?.views).toBe(2);
  });

  it("ignores zero and negative counts", () => {
    const out = rankHot([row(1, 0, 0), row(2, 0, -5), row(3, 0, 1)], NOW, "24h", 10);
    expect(ids(out)).toEqual([3]);
  });

  it("breaks score ties by more raw views, then by the lower id", () => {
    // 1 view now (weight 1) and 2 views whose bucket middle is one half-life back (weight 0.5): equal scores.
    const rows = [row(5, 0, 1), row(9, 6, 2), row(4, 0, 1), row(3, 6, 2)];
    const out = rankHot(rows, NOW, "24h", 10);
    expect(new Set(out.map((o) => o.score)).size).toBe(1);
    expect(ids(out)).toEqual([3, 9, 4, 5]);
  });

  it("applies the limit after sorting", () => {
    const rows = [row(1, 0, 1), row(2, 0, 5), row(3, 0, 3), row(4, 0, 4)];
    expect(ids(rankHot(rows, NOW, "24h", 2))).toEqual([2, 4]);
    expect(rankHot(rows, NOW, "24h", 0)).toEqual([]);
    expect(rankHot([], NOW, "24h", 10)).toEqual([]);
  });

  it("orders the same data differently for 24h, 7d and 30d", () => {
    const rows = [
      row(1, 1, 10), // a little, just now
      row(2, 72, 100), // a lot, three days ago
      row(3, 480, 1000), // very much, twenty days ago
    ];
    const h24 = rankHot(rows, NOW, "24h", 10);
    const d7 = rankHot(rows, NOW, "7d", 10);
    const d30 = rankHot(rows, NOW, "30d", 10);
    expect(ids(h24)).toEqual([1]);
    expect(ids(d7)).toEqual([2, 1]);
    expect(ids(d30)).toEqual([3, 2, 1]);
    // Views shown are raw totals within each window.
    expect(d30.map((s) => s.views)).toEqual([1000, 100, 10]);
  });

  it("uses each window's own half-life", () => {
    expect(HOT_WINDOWS["24h"].halfLifeHours).toBeLessThan(HOT_WINDOWS["7d"].halfLifeHours);
    const rows = [row(1, 12, 1)];
    const s24 = rankHot(rows, NOW, "24h", 1)[0]?.score ?? 0;
    const s7 = rankHot(rows, NOW, "7d", 1)[0]?.score ?? 0;
    expect(s24).toBeCloseTo(Math.pow(2, -12 / HOT_WINDOWS["24h"].halfLifeHours), 10);
    expect(s7).toBeCloseTo(Math.pow(2, -12 / HOT_WINDOWS["7d"].halfLifeHours), 10);
  });
});

describe("热度 (heatOf, formatHeat)", () => {
  const hourOf = (ms: number) => Math.floor(ms / HOUR_MS);
  /** A story's stored weight for these buckets, as the view writer keeps it (epochWeight). */
  const weightOf = (rows: readonly ViewBucketRow[], epochHour: number, halfLife: number) =>
    rows.reduce((w, r) => w + r.count * epochWeight(hourOf(r.bucket.getTime()), epochHour, halfLife), 0);

  it("is rankHot's decayed score from the stored weight, whatever the epoch", () => {
    const rows: ViewBucketRow[] = [
      { articleId: 1, bucket: bucketAgo(0), count: 5 },
      { articleId: 1, bucket: bucketAgo(7), count: 40 },
      { articleId: 1, bucket: bucketAgo(23), count: 100 },
    ];
    const halfLife = HOT_WINDOWS["24h"].halfLifeHours;
    const score = rankHot(rows, NOW, "24h", 1)[0]?.score ?? 0;
    for (const epochHour of [
      hourOf(CURRENT_BUCKET) - 30,
      hourOf(CURRENT_BUCKET) - 2,
      hourOf(CURRENT_BUCKET),
    ]) {
      expect(heatOf(weightOf(rows, epochHour, halfLife), epochHour, NOW.getTime(), halfLife)).toBeCloseTo(
        score,
        9,
      );
    }
  });

  it("never counts a view more than once, early in the hour too", () => {
    const early = CURRENT_BUCKET + 60_000; // 12:01, before the current bucket's middle
    const epoch = hourOf(CURRENT_BUCKET) - 5;
    const halfLife = HOT_WINDOWS["24h"].halfLifeHours;
    const w = weightOf([{ articleId: 1, bucket: new Date(CURRENT_BUCKET), count: 10 }], epoch, halfLife);
    expect(heatOf(w, epoch, early, halfLife)).toBeCloseTo(10, 9);
    expect(heatOf(w, epoch, early + 45 * 60_000, halfLife)).toBeLessThan(10);
  });

  it("orders like the weights: a list in weight order shows non-increasing numbers", () => {
    const epoch = hourOf(CURRENT_BUCKET) - 100;
    const halfLife = HOT_WINDOWS["7d"].halfLifeHours;
    // Weights of the order seen in the old sidebar's bug: more raw views can rank lower.
    const weights = [9.9e4, 5.2e4, 5.2e4 - 1e-9, 3141.5, 1024, 1023.6, 12, 11.5, 0.4, 0];
    const shown = weights.map((w) => heatOf(w * Math.pow(2, 100 / halfLife), epoch, NOW.getTime(), halfLife));
    const numbers = shown.map((h) => {
      const t = formatHeat(h).replace(/,/g, "");
      return t.endsWith("万") ? Number(t.slice(0, -1)) * 10_000 : Number(t);
    });
    for (let i = 1; i < weights.length; i++) {
      expect(shown[i]).toBeLessThanOrEqual(shown[i - 1] ?? Infinity);
      expect(numbers[i]).toBeLessThanOrEqual(numbers[i - 1] ?? Infinity);
    }
  });

  it("is the plain count for a list without decay (热点阅读)", () => {
    expect(heatOf(17, 123, NOW.getTime(), Infinity)).toBe(17);
  });

  it("formats whole numbers, then 万 with one decimal, rounding down past 10,000", () => {
    expect(formatHeat(0)).toBe("0");
    expect(formatHeat(0.49)).toBe("0");
    expect(formatHeat(215.5)).toBe("216");
    expect(formatHeat(9_999.4)).toBe("9,999");
    expect(formatHeat(9_999.6)).toBe("1.0万");
    expect(formatHeat(12_345)).toBe("1.2万");
    expect(formatHeat(19_999)).toBe("1.9万");
    expect(formatHeat(1_234_567)).toBe("123.4万");
    expect(formatHeat(-3)).toBe("0");
  });

  it("explains itself per window", () => {
    expect(heatLegend("24h")).toBe("热度：24小时内的阅读数按时间折算，越新的阅读分量越重，每过6小时减半");
    expect(heatLegend("7d")).toContain("每过36小时减半");
    expect(heatLegend("30d")).toContain("一月内");
    expect(heatLegend("30d")).toContain("每过7天减半");
  });
});
