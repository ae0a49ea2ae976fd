import { describe, expect, it } from "vitest";
import { TagRegistry } from "@/lib/cache/registry";

const T0 = Date.parse("2026-11-30T02:00:00Z");

describe("TagRegistry", () => {
  it("a value stays fresh until a row for one of its tags arrives", () => {
    const r = new TagRegistry(10);
    const stamp = r.stamp(T0);
    r.apply([{ id: 11, tag: "article:1", dueAt: null }], T0 + 5);
    expect(r.isStale(["site", "article:2"], stamp, T0 + 6)).toBe(false);
    expect(r.isStale(["site", "article:1"], stamp, T0 + 6)).toBe(true);
    // A value computed after the process read the row is fresh again.
    expect(r.isStale(["article:1"], r.stamp(T0 + 7), T0 + 8)).toBe(false);
  });

  it("judges immediate rows by id, so a write committed during a computation is never missed", () => {
    const r = new TagRegistry(10);
    // The computation started (stamp) before the write committed, even if the clock says later.
    const stamp = r.stamp(T0 + 1_000);
    r.apply([{ id: 11, tag: "site", dueAt: null }], T0);
    expect(r.isStale(["site"], stamp, T0 + 2_000)).toBe(true);
  });

  it("a scheduled row makes older values stale at its time, not before", () => {
    const r = new TagRegistry(10);
    const due = T0 + 60_000;
    r.apply([{ id: 11, tag: "site", dueAt: due }], T0);
    const before = r.stamp(T0 + 1);
    expect(r.isStale(["site"], before, due - 1)).toBe(false);
    expect(r.isStale(["site"], before, due)).toBe(true);
    // Computed after the time: fresh.
    expect(r.isStale(["site"], r.stamp(due + 1), due + 2)).toBe(false);
  });

  it("starts with the scheduled rows still to come", () => {
    const due = T0 + 60_000;
    const r = new TagRegistry(42, [{ id: 40, tag: "article:9", dueAt: due }]);
    const stamp = r.stamp(T0);
    expect(r.seenId).toBe(42);
    expect(r.isStale(["article:9"], stamp, due - 1)).toBe(false);
    expect(r.isStale(["article:9"], stamp, due + 1)).toBe(true);
  });

  it("treats every older value as stale when rows it never read were pruned", () => {
    const r = new TagRegistry(10);
    const stamp = r.stamp(T0);
    r.apply([{ id: 25, tag: "unrelated", dueAt: null }], T0 + 1);
    expect(r.isStale(["site"], stamp, T0 + 2)).toBe(true);
    expect(r.isStale(["site"], r.stamp(T0 + 3), T0 + 4)).toBe(false);
  });
});

describe("TagRegistry.forgetAll", () => {
  it("makes every earlier value stale and later ones fresh", () => {
    const r = new TagRegistry(10);
    const before = r.stamp(T0);
    r.forgetAll();
    expect(r.isStale(["article:1"], before, T0 + 1)).toBe(true);
    const after = r.stamp(T0 + 2);
    expect(r.isStale(["article:1"], after, T0 + 3)).toBe(false);
    r.apply([{ id: r.seenId + 1, tag: "article:1", dueAt: null }], T0 + 4);
    expect(r.isStale(["article:1"], after, T0 + 5)).toBe(true);
  });
});
