import { describe, expect, it } from "vitest";
import { rankRelated, rankYouMayLike, takeUnique, type Candidate } from "@/lib/recommend";

const day = (n: number) => new Date(Date.UTC(2026, 0, n));

function cand(id: number, over: Partial<Candidate> = {}): Candidate {
  return { id, channelId: 1, publishedAt: day(1), sharedTags: 1, recentViews: 0, ...over };
}

describe("rankRelated", () => {
  const SELF = 100;
  const CHANNEL = 1;

  it("puts same-channel stories first, even with fewer shared tags", () => {
    const out = rankRelated(
      SELF,
      CHANNEL,
      [cand(1, { channelId: 2, sharedTags: 5 }), cand(2, { channelId: CHANNEL, sharedTags: 1 })],
      10,
    );
    expect(out).toEqual([2, 1]);
  });

  it("never returns the article itself", () => {
    const out = rankRelated(SELF, CHANNEL, [cand(SELF, { sharedTags: 9, similarity: 1 }), cand(1)], 10);
    expect(out).toEqual([1]);
  });

  it("orders by shared tags, then similarity, then newer, then higher id", () => {
    const out = rankRelated(
      SELF,
      CHANNEL,
      [
        cand(1, { sharedTags: 1, publishedAt: day(5) }),
        cand(2, { sharedTags: 3 }),
        cand(3, { sharedTags: 1, similarity: 0.4 }),
        cand(4, { sharedTags: 1, publishedAt: day(9) }),
        cand(5, { sharedTags: 2 }),
        cand(6, { sharedTags: 1, publishedAt: day(5) }),
      ],
      10,
    );
    expect(out).toEqual([2, 5, 3, 4, 6, 1]);
  });

  it("excludes stories sharing no tag unless they have similarity > 0", () => {
    const out = rankRelated(
      SELF,
      CHANNEL,
      [
        cand(1, { sharedTags: 0 }),
        cand(2, { sharedTags: 0, similarity: 0 }),
        cand(3, { sharedTags: 0, similarity: 0.2 }),
        cand(4),
      ],
      10,
    );
    expect(out).toEqual([4, 3]);
  });

  it("applies the limit", () => {
    const many = Array.from({ length: 10 }, (_, i) => cand(i + 1, { sharedTags: i }));
    expect(rankRelated(SELF, CHANNEL, many, 3)).toEqual([10, 9, 8]);
  });

  it("does not mutate the candidate array", () => {
    const list = [cand(1), cand(2, { sharedTags: 3 })];
    const copy = [...list];
    rankRelated(SELF, CHANNEL, list, 10);
    expect(list).toEqual(copy);
  });
});

describe("rankYouMayLike", () => {
  const SELF = 100;

  it("never returns the article itself or excluded ids", () => {
    const out = rankYouMayLike(
      SELF,
      [cand(SELF, { similarity: 1, recentViews: 1e6 }), cand(1, { recentViews: 1e6 }), cand(2), cand(3)],
      new Set([1, 3]),
      10,
    );
    expect(out).toEqual([2]);
  });

  it("blends closeness with popularity", () => {
    // score = 3·sim + sharedTags + log10(1 + views)/2
    const out = rankYouMayLike(
      SELF,
      [
        cand(1, { sharedTags: 1, recentViews: 0 }), // 1
        cand(2, { sharedTags: 1, recentViews: 999 }), // 1 + 1.5 = 2.5
        cand(3, { sharedTags: 0, similarity: 0.7 }), // 2.1
        cand(4, { sharedTags: 2, recentViews: 99 }), // 2 + 1 = 3
        cand(5, { sharedTags: 0, recentViews: 9999 }), // 2
      ],
      new Set(),
      10,
    );
    expect(out).toEqual([4, 2, 3, 5, 1]);
  });

  it("lets popularity lift a story with fewer shared tags", () => {
    const out = rankYouMayLike(
      SELF,
      [cand(1, { sharedTags: 2 }), cand(2, { sharedTags: 1, recentViews: 1_000_000 })],
      new Set(),
      10,
    );
    // 1 + 3 = 4 > 2
    expect(out).toEqual([2, 1]);
  });

  it("admits candidates with no closeness at all (popular fallback) after closer ones", () => {
    const out = rankYouMayLike(
      SELF,
      [cand(1, { sharedTags: 0, recentViews: 0 }), cand(2, { sharedTags: 1 })],
      new Set(),
      10,
    );
    expect(out).toEqual([2, 1]);
  });

  it("breaks score ties by newer, then higher id, and applies the limit", () => {
    const out = rankYouMayLike(
      SELF,
      [
        cand(1, { publishedAt: day(1) }),
        cand(2, { publishedAt: day(3) }),
        cand(3, { publishedAt: day(1) }),
        cand(4, { publishedAt: day(2) }),
      ],
      new Set(),
      3,
    );
    expect(out).toEqual([2, 4, 3]);
  });
});

describe("takeUnique", () => {
  it("skips used ids, records what it took and stops at the limit", () => {
    const used = new Set([2]);
    expect(takeUnique([1, 2, 3, 3, 4, 5], used, 3)).toEqual([1, 3, 4]);
    expect([...used].sort()).toEqual([1, 2, 3, 4]);
    // 5 was not taken, so it stays available.
    expect(takeUnique([4, 5, 1], used, 5)).toEqual([5]);
  });

  it("shares the used set across sidebars so no story repeats", () => {
    const used = new Set<number>();
    const a = takeUnique([1, 2, 3], used, 2);
    const b = takeUnique([2, 3, 4], used, 2);
    expect(a).toEqual([1, 2]);
    expect(b).toEqual([3, 4]);
  });

  it("returns nothing for limit 0 and leaves the set untouched", () => {
    const used = new Set<number>();
    expect(takeUnique([1, 2], used, 0)).toEqual([]);
    expect(used.size).toBe(0);
  });
});
