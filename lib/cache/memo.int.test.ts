import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { cacheStats, cached, clearCache, MAX_ENTRIES } from "@/lib/cache/memo";
import { invalidate } from "@/lib/testing/fixtures";

beforeEach(() => {
  clearCache();
});

afterEach(() => {
  vi.useRealTimers();
});

/** A counting async function: resolves to `${prefix}:${arg}:${callNumber}`. */
function counter(prefix = "v") {
  const fn = vi.fn(async (arg: number) => `${prefix}:${arg}:${fn.mock.calls.length}`);
  return fn;
}

describe("cached", () => {
  it("returns the cached value within the TTL without calling again", async () => {
    const fn = counter();
    const get = cached("memo-hit", { ttlMs: 1000, tags: () => [] }, fn);
    expect(await get(1)).toBe("v:1:1");
    expect(await get(1)).toBe("v:1:1");
    expect(fn).toHaveBeenCalledTimes(1);
  });

  it("counts hits and misses", async () => {
    const before = cacheStats();
    const get = cached("memo-stats", { ttlMs: 1000, tags: () => [] }, counter());
    await get(1);
    await get(1);
    await get(2);
    const after = cacheStats();
    expect(after.misses - before.misses).toBe(2);
    expect(after.hits - before.hits).toBe(1);
    expect(after.entries).toBe(2);
  });

  it("calls again after the TTL has passed", async () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date("2026-01-01T00:00:00Z"));
    const fn = counter();
    const get = cached("memo-ttl", { ttlMs: 60_000, tags: () => [] }, fn);
    expect(await get(1)).toBe("v:1:1");
    vi.advanceTimersByTime(59_999);
    expect(await get(1)).toBe("v:1:1");
    vi.advanceTimersByTime(1);
    expect(await get(1)).toBe("v:1:2");
    expect(fn).toHaveBeenCalledTimes(2);
    // The fresh value is cached for a new TTL.
    vi.advanceTimersByTime(30_000);
    expect(await get(1)).toBe("v:1:2");
  });

  it("keeps different arguments in different entries", async () => {
    const fn = vi.fn(async (a: number, b: string) => `${a}/${b}`);
    const get = cached("memo-args", { ttlMs: 1000, tags: () => [] }, fn);
    expect(await get(1, "x")).toBe("1/x");
    expect(await get(2, "x")).toBe("2/x");
    expect(await get(1, "y")).toBe("1/y");
    expect(await get(1, "x")).toBe("1/x");
    expect(fn).toHaveBeenCalledTimes(3);
  });

  it("keeps functions with different names apart for equal arguments", async () => {
    const a = cached("memo-name-a", { ttlMs: 1000, tags: () => [] }, async (n: number) => `a${n}`);
    const b = cached("memo-name-b", { ttlMs: 1000, tags: () => [] }, async (n: number) => `b${n}`);
    expect(await a(1)).toBe("a1");
    expect(await b(1)).toBe("b1");
  });

  it("shares one underlying call between concurrent misses (single flight)", async () => {
    let release: (v: string) => void = () => {};
    const fn = vi.fn(() => new Promise<string>((resolve) => (release = resolve)));
    const get = cached("memo-flight", { ttlMs: 1000, tags: () => [] }, fn);
    const p1 = get();
    const p2 = get();
    expect(fn).toHaveBeenCalledTimes(1);
    release("once");
    expect(await Promise.all([p1, p2])).toEqual(["once", "once"]);
    expect(fn).toHaveBeenCalledTimes(1);
  });

  it("does not cache a rejected read", async () => {
    let fail = true;
    const fn = vi.fn(async (n: number) => {
      if (fail) throw new Error("database busy");
      return n * 2;
    });
    const get = cached("memo-reject", { ttlMs: 60_000, tags: () => [] }, fn);
    await expect(get(21)).rejects.toThrow("database busy");
    fail = false;
    expect(await get(21)).toBe(42);
    expect(await get(21)).toBe(42);
    expect(fn).toHaveBeenCalledTimes(2);
  });

  it("shares a rejection between concurrent callers, then retries", async () => {
    let calls = 0;
    const get = cached("memo-reject-flight", { ttlMs: 60_000, tags: () => [] }, async () => {
      calls++;
      if (calls === 1) throw new Error("boom");
      return "ok";
    });
    const [a, b] = await Promise.allSettled([get(), get()]);
    expect(a.status).toBe("rejected");
    expect(b.status).toBe("rejected");
    expect(await get()).toBe("ok");
    expect(calls).toBe(2);
  });

  it("an invalidation recorded by any process drops only entries carrying the tag", async () => {
    const fn = counter();
    const get = cached("memo-tags", { ttlMs: 60_000, tags: ([id]) => ["lists", `article:${id}`] }, fn);
    const other = counter("o");
    const getOther = cached("memo-tags-other", { ttlMs: 60_000, tags: () => ["channels"] }, other);
    expect(await get(1)).toBe("v:1:1");
    expect(await get(2)).toBe("v:2:2");
    expect(await getOther(9)).toBe("o:9:1");

    await invalidate("article:1");
    expect(await get(1)).toBe("v:1:3"); // re-read
    expect(await get(2)).toBe("v:2:2"); // still cached
    expect(await getOther(9)).toBe("o:9:1");

    await invalidate("lists");
    expect(await get(1)).toBe("v:1:4");
    expect(await get(2)).toBe("v:2:5");
    expect(await getOther(9)).toBe("o:9:1");

    await invalidate("unknown-tag");
    expect(await get(2)).toBe("v:2:5");
  });

  it("an invalidation may carry several tags", async () => {
    const fn = counter();
    const get = cached("memo-multi", { ttlMs: 60_000, tags: ([id]) => [`t${id}`] }, fn);
    await get(1);
    await get(2);
    await get(3);
    await invalidate("t1", "t3");
    await get(1);
    await get(2);
    await get(3);
    expect(fn.mock.calls.map((c) => c[0])).toEqual([1, 2, 3, 1, 3]);
  });

  it("does not keep null results (unknown ids cannot push real entries out)", async () => {
    const fn = vi.fn(async (n: number) => (n > 0 ? n : null));
    const get = cached("memo-null", { ttlMs: 60_000, tags: () => [] }, fn);
    expect(await get(-1)).toBeNull();
    expect(await get(-1)).toBeNull();
    expect(await get(1)).toBe(1);
    expect(await get(1)).toBe(1);
    expect(fn.mock.calls.map((c) => c[0])).toEqual([-1, -1, 1]);
  });

  it("does not keep what `keep` refuses (an empty page past the end)", async () => {
    const fn = vi.fn(async (page: number) => ({ items: page <= 2 ? [page] : [] }));
    const get = cached("memo-keep", { ttlMs: 60_000, tags: () => [], keep: (v) => v.items.length > 0 }, fn);
    await get(1);
    await get(1);
    await get(999);
    await get(999);
    expect(fn.mock.calls.map((c) => c[0])).toEqual([1, 999, 999]);
  });

  it("keeps a pool's entries apart, bounded on their own", async () => {
    const shared = vi.fn(async (n: number) => n);
    const getShared = cached("memo-pool-shared", { ttlMs: 60_000, tags: () => [] }, shared);
    const typed = vi.fn(async (q: string) => q);
    const search = cached(
      "memo-pool-search",
      { ttlMs: 60_000, tags: () => [], pool: { name: "test-pool", maxEntries: 3 } },
      typed,
    );
    await getShared(1);
    const before = cacheStats().entries;
    for (let i = 0; i < 100; i++) await search(`查询${i}`);
    expect(cacheStats().entries).toBe(before);
    await getShared(1);
    expect(shared).toHaveBeenCalledTimes(1);
    typed.mockClear();
    await search("查询99");
    await search("查询0");
    expect(typed.mock.calls.map((c) => c[0])).toEqual(["查询0"]);
  });

  it("clearCache drops everything", async () => {
    const fn = counter();
    const get = cached("memo-clear", { ttlMs: 60_000, tags: () => [] }, fn);
    await get(1);
    clearCache();
    expect(cacheStats().entries).toBe(0);
    expect(await get(1)).toBe("v:1:2");
  });

  it("is bounded: beyond MAX_ENTRIES the least recently used entry goes first", async () => {
    const fn = vi.fn(async (n: number) => n);
    const get = cached("memo-lru", { ttlMs: 60_000, tags: () => ["lru"] }, fn);
    for (let i = 0; i < MAX_ENTRIES; i++) await get(i);
    await get(0); // touch: 0 becomes the most recent, 1 the oldest
    await get(MAX_ENTRIES); // one over the bound evicts 1
    expect(cacheStats().entries).toBe(MAX_ENTRIES);
    fn.mockClear();
    await get(0);
    expect(fn).not.toHaveBeenCalled();
    await get(1);
    expect(fn).toHaveBeenCalledTimes(1);
  });
});
