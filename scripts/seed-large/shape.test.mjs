import { describe, expect, it } from "vitest";
import { prng, syntheticStory } from "../bench/lib/synthetic.mjs";
import {
  CHANNEL_SHAPES,
  channelPicker,
  pareto,
  storyShape,
  storyTags,
  viewBuckets,
  zipfIndex,
} from "./shape.mjs";

const HOUR = 3_600_000;
const now = Date.UTC(2026, 10, 30, 12);
const slugs = Object.keys(CHANNEL_SHAPES);
const pickChannel = channelPicker(slugs);
const shapeOf = (i, n = 100_000) => storyShape(i, n, { seed: 1, now, years: 10, pickChannel });

describe("large database shape", () => {
  it("is deterministic for a story number and seed", () => {
    expect(shapeOf(42)).toEqual(shapeOf(42));
    expect(storyShape(42, 100_000, { seed: 2, now, years: 10, pickChannel })).not.toEqual(shapeOf(42));
  });

  it("publishes stories in order of their number over the whole span, never in the future", () => {
    const times = [0, 1, 50_000, 99_998, 99_999].map((i) => shapeOf(i).at);
    for (let k = 1; k < times.length; k++) expect(times[k]).toBeGreaterThan(times[k - 1]);
    expect(times[0]).toBeGreaterThanOrEqual(now - 10 * 365 * 24 * HOUR - 60_000);
    expect(times.at(-1)).toBeLessThan(now);
  });

  it("spreads stories over the channels by weight, with a few drafts and flags", () => {
    const n = 20_000;
    const per = {};
    let drafts = 0;
    let headlines = 0;
    for (let i = 0; i < n; i++) {
      const s = shapeOf(i, n);
      per[s.slug] = (per[s.slug] ?? 0) + 1;
      if (s.status === "draft") drafts++;
      if (s.isHeadline) headlines++;
    }
    expect(Object.keys(per).sort()).toEqual([...slugs].sort());
    expect(per.liuzhou / n).toBeCloseTo(0.34, 1);
    expect(drafts / n).toBeCloseTo(0.01, 2);
    expect(headlines).toBeGreaterThan(0);
  });

  it("gives a long tail of readers and comments: most stories modest, a few huge", () => {
    const shapes = Array.from({ length: 20_000 }, (_, i) => shapeOf(i, 20_000));
    const views = shapes.map((s) => s.views).sort((a, b) => a - b);
    expect(views[10_000]).toBeLessThan(50); // median
    expect(views.at(-1)).toBeGreaterThan(20 * views[10_000]);
    const withComments = shapes.filter((s) => s.comments > 0).length / shapes.length;
    expect(withComments).toBeGreaterThan(0.05);
    expect(withComments).toBeLessThan(0.25);
  });

  it("tags a story with its place, its subject and at least one topic", () => {
    const shape = shapeOf(7);
    const story = syntheticStory(7, CHANNEL_SHAPES[shape.slug]);
    const tags = storyTags(story, shape);
    expect(tags.slice(0, 2)).toEqual([story.place, story.subject]);
    expect(CHANNEL_SHAPES[shape.slug].places).toContain(story.place);
    expect(tags.length).toBeGreaterThanOrEqual(3);
    expect(story.title.startsWith(CHANNEL_SHAPES[shape.slug].county)).toBe(true);
  });

  it("view history adds up to the story's views, starts at its hour and stops at now", () => {
    const published = now - 40 * 24 * HOUR + 1234;
    const buckets = viewBuckets(5_000, published, now, prng(3));
    expect(buckets.reduce((t, [, c]) => t + c, 0)).toBe(5_000);
    expect(Math.min(...buckets.map(([at]) => at))).toBe(Math.floor(published / HOUR) * HOUR);
    for (const [at] of buckets) expect(at % HOUR).toBe(0);
    // A story published an hour ago: only the hours already over are kept.
    const recent = viewBuckets(5_000, now - 90 * 60_000, now, prng(3));
    expect(recent.every(([at]) => at + HOUR <= now)).toBe(true);
  });

  it("draws Zipf and Pareto values in range", () => {
    const rand = prng(9);
    const hits = new Array(5).fill(0);
    for (let k = 0; k < 10_000; k++) hits[zipfIndex(rand, 5)]++;
    expect(hits[0]).toBeGreaterThan(hits[4] * 3);
    for (let k = 0; k < 1000; k++) expect(pareto(rand)).toBeGreaterThanOrEqual(1);
  });
});
