/**
 * Shared types for the deterministic demo content generator.
 * Re-exported from ./content so callers only need one import.
 */

export type DemoChannelSlug =
  "liuzhou" | "liujiang" | "liucheng" | "luzhai" | "rongan" | "rongshui" | "sanjiang";

export type DemoScene = "karst" | "river" | "bridge" | "village" | "field" | "city" | "festival" | "food";

export interface DemoImage {
  alt: string;
  caption: string;
  credit: string;
  scene: DemoScene;
  seed: number;
}

export interface DemoArticle {
  /** Stable unique key, e.g. "liujiang-017" (used for idempotent seeding). */
  key: string;
  channel: DemoChannelSlug;
  /** 10–30 Chinese characters, unique across all articles. */
  title: string;
  /** 60–120 characters, plain text. */
  summary: string;
  /** Markdown source: paragraphs separated by blank lines, no HTML, links or images. */
  body: string;
  source: string;
  byline: string;
  /** 2–5 short Chinese tags. */
  tags: string[];
  /** A 乡里乡亲 story: people, villages, folk life. */
  community: boolean;
  image: null | DemoImage;
  publishedHoursAgo: number;
  headline: boolean;
  recommended: boolean;
}

export interface DemoChannel {
  slug: DemoChannelSlug;
  name: string;
  regionName: string;
  slogan: string;
  description: string;
}
