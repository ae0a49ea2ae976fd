import { describe, expect, it } from "vitest";
import { ExpiringMap } from "@/lib/expiring-map";

describe("ExpiringMap", () => {
  it("answers live entries only", () => {
    const m = new ExpiringMap<number>(10);
    m.set("a", 1, 100, 0);
    expect(m.get("a", 99)).toBe(1);
    expect(m.get("a", 100)).toBeUndefined();
    expect(m.get("b", 0)).toBeUndefined();
  });

  it("past its bound forgets expired entries first, then the oldest live ones", () => {
    const m = new ExpiringMap<string>(3);
    m.set("old", "x", 10, 0);
    m.set("a", "x", 100, 1);
    m.set("b", "x", 100, 2);
    m.set("c", "x", 100, 20); // "old" has expired: it goes, the live ones stay
    expect([m.get("a", 20), m.get("b", 20), m.get("c", 20), m.size]).toEqual(["x", "x", "x", 3]);
    m.set("a", "y", 120, 21); // rewritten: now the newest
    m.set("d", "x", 120, 22); // full of live entries: the oldest written ("b") goes
    expect(m.get("b", 22)).toBeUndefined();
    expect([m.get("a", 22), m.get("c", 22), m.get("d", 22), m.size]).toEqual(["y", "x", "x", 3]);
  });

  it("visits only what it removes when full (each entry is removed at most once)", () => {
    const max = 50_000;
    const m = new ExpiringMap<true>(max);
    for (let i = 0; i < max; i++) m.set(`k${i}`, true, 1e12, i);
    // Count how many entries each write at the bound looks at, through the map's own iterator.
    const inner = (m as unknown as { entries: Map<string, unknown> }).entries;
    const iterate = inner[Symbol.iterator].bind(inner);
    let visited = 0;
    function* counting(): Generator<[string, unknown], undefined> {
      for (const e of iterate()) {
        visited++;
        yield e;
      }
      return undefined;
    }
    inner[Symbol.iterator] = counting as unknown as typeof iterate;
    for (let i = 0; i < 1_000; i++) m.set(`new${i}`, true, 1e12, max + i);
    expect(m.size).toBe(max);
    expect(visited).toBeLessThanOrEqual(2_000); // about one per write, never the 50,000 entries
  });
});
