import { describe, expect, it } from "vitest";
import { commentLoss, viewLoss } from "./lib.mjs";

describe("viewLoss", () => {
  it("counts views acknowledged but not stored, against the last flush interval", () => {
    const killAt = 10_000;
    const ackTimes = [1_000, 5_000, 8_900, 9_100, 9_500, 9_999];
    expect(viewLoss({ ackTimes, killAt, stored: 3, flushMs: 1_000 })).toEqual({
      acked: 6,
      stored: 3,
      lost: 3,
      lastIntervalAcked: 3,
      withinOneInterval: true,
    });
    expect(viewLoss({ ackTimes, killAt, stored: 2, flushMs: 1_000 }).withinOneInterval).toBe(false);
  });

  it("reports nothing lost when every acknowledged view was written", () => {
    expect(viewLoss({ ackTimes: [1, 2], killAt: 5_000, stored: 2, flushMs: 1_000 })).toMatchObject({
      lost: 0,
      withinOneInterval: true,
    });
  });
});

describe("commentLoss", () => {
  it("finds acknowledged comments missing or stored twice, and stored ones never acknowledged", () => {
    expect(commentLoss({ acknowledged: ["a", "b", "c"], storedBodies: ["a", "b", "b", "d"] })).toEqual({
      acked: 3,
      stored: 4,
      lost: 1,
      doubled: 1,
      unacknowledged: 1,
    });
  });

  it("is clean when every acknowledged comment is stored once", () => {
    expect(commentLoss({ acknowledged: ["a", "b"], storedBodies: ["b", "a"] })).toMatchObject({
      lost: 0,
      doubled: 0,
      unacknowledged: 0,
    });
  });
});
