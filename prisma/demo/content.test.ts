import { describe, it, expect } from "vitest";
import sharp from "sharp";
import { buildDemoArticles, DEMO_CHANNELS, STORY_TEMPLATES } from "./content";
import { renderDemoImage } from "./images";
import { DEMO_AUTHORS } from "./authors";
import { bylineNames } from "@/lib/authors/byline";

const len = (s: string): number => Array.from(s).length;

describe("demo content", () => {
  const articles = buildDemoArticles();

  it("is deterministic for a seed and differs between seeds", () => {
    expect(buildDemoArticles()).toEqual(articles);
    expect(buildDemoArticles(7)).toEqual(buildDemoArticles(7));
    expect(buildDemoArticles(7).map((a) => a.title)).not.toEqual(articles.map((a) => a.title));
  });

  it("defines the seven channels in order", () => {
    expect(DEMO_CHANNELS.map((c) => c.slug)).toEqual([
      "liuzhou",
      "liujiang",
      "liucheng",
      "luzhai",
      "rongan",
      "rongshui",
      "sanjiang",
    ]);
    for (const c of DEMO_CHANNELS) {
      expect(c.name).toMatch(/新闻$/);
      expect(c.slogan.length).toBeGreaterThan(5);
      expect(c.description.length).toBeGreaterThan(10);
    }
  });

  it("is built from many distinct story templates", () => {
    expect(new Set(STORY_TEMPLATES.map((t) => t.id)).size).toBe(STORY_TEMPLATES.length);
    expect(STORY_TEMPLATES.length).toBeGreaterThanOrEqual(60);
  });

  it("has at least 45 articles per channel", () => {
    for (const c of DEMO_CHANNELS) {
      expect(articles.filter((a) => a.channel === c.slug).length).toBeGreaterThanOrEqual(45);
    }
    expect(articles.length).toBeGreaterThanOrEqual(315);
  });

  it("has unique keys and titles", () => {
    expect(new Set(articles.map((a) => a.key)).size).toBe(articles.length);
    expect(new Set(articles.map((a) => a.title)).size).toBe(articles.length);
    for (const a of articles) expect(a.key).toMatch(new RegExp(`^${a.channel}-\\d{3}$`));
  });

  it("keeps titles and summaries within length limits", () => {
    for (const a of articles) {
      expect(len(a.title), a.title).toBeGreaterThanOrEqual(10);
      expect(len(a.title), a.title).toBeLessThanOrEqual(30);
      expect(len(a.summary), a.summary).toBeGreaterThanOrEqual(60);
      expect(len(a.summary), a.summary).toBeLessThanOrEqual(120);
      expect(a.summary).not.toMatch(/[*>#\n]/);
    }
  });

  it("has non-empty Markdown bodies without HTML, links or images", () => {
    for (const a of articles) {
      expect(a.body.trim().length).toBeGreaterThan(100);
      expect(a.body).not.toContain("<");
      expect(a.body).not.toMatch(/\]\(|https?:|!\[/);
      expect(a.body).not.toMatch(/undefined|NaN|\$\{/);
      expect(a.body).not.toMatch(/\n{3,}/);
    }
    // some structure: sub-headings, quotations and lists appear across the set
    expect(articles.filter((a) => /\*\*[^*]+：\*\*/.test(a.body)).length).toBeGreaterThan(100);
    expect(articles.filter((a) => /^> /m.test(a.body)).length).toBeGreaterThan(150);
    expect(articles.filter((a) => /^- /m.test(a.body)).length).toBeGreaterThan(10);
  });

  it("mixes short notices, medium stories and long features", () => {
    const lengths = articles.map((a) => len(a.body));
    expect(lengths.filter((n) => n <= 260).length).toBeGreaterThan(20);
    expect(
      articles.filter((a) => len(a.body) >= 1500 && a.body.split("\n\n").length >= 10).length,
    ).toBeGreaterThanOrEqual(10);
  });

  it("has valid metadata", () => {
    for (const a of articles) {
      expect(a.tags.length).toBeGreaterThanOrEqual(2);
      expect(a.tags.length).toBeLessThanOrEqual(5);
      expect(a.source.length).toBeGreaterThan(0);
      expect(a.byline).toMatch(/记者|通讯员/);
      expect(a.publishedHoursAgo).toBeGreaterThan(0);
      expect(a.publishedHoursAgo).toBeLessThanOrEqual(24 * 62);
    }
    expect(Math.min(...articles.map((a) => a.publishedHoursAgo))).toBeLessThan(12);
    const headlines = articles.filter((a) => a.headline);
    expect(headlines.length).toBeGreaterThanOrEqual(4);
    expect(headlines.length).toBeLessThanOrEqual(8);
    for (const c of DEMO_CHANNELS) {
      const picks = articles.filter((a) => a.channel === c.slug && a.recommended).length;
      expect(picks).toBeGreaterThanOrEqual(2);
      expect(picks).toBeLessThanOrEqual(3);
    }
  });

  it("illustrates at least 40% of articles", () => {
    const withImage = articles.filter((a) => a.image !== null);
    expect(withImage.length / articles.length).toBeGreaterThanOrEqual(0.4);
    for (const a of withImage) {
      expect(a.image?.alt.length).toBeGreaterThan(0);
      expect(a.image?.caption.length).toBeGreaterThan(0);
      expect(a.image?.credit.length).toBeGreaterThan(0);
      expect(Number.isInteger(a.image?.seed)).toBe(true);
    }
  });

  it("covers 柳州螺蛳粉 and mentions 融安 outside its own channel", () => {
    const lsf = articles.filter((a) => a.tags.includes("螺蛳粉"));
    expect(lsf.length).toBeGreaterThanOrEqual(6);
    for (const a of lsf) expect((a.title + a.body).split("螺蛳粉").length - 1).toBeGreaterThanOrEqual(3);
    expect(new Set(lsf.map((a) => a.channel)).size).toBeGreaterThanOrEqual(4);
    expect(
      articles.filter((a) => a.channel !== "rongan" && a.body.includes("融安")).length,
    ).toBeGreaterThanOrEqual(3);
  });

  it("has community (乡里乡亲) stories in every channel, about 15% overall", () => {
    for (const c of DEMO_CHANNELS) {
      expect(articles.filter((a) => a.channel === c.slug && a.community).length).toBeGreaterThanOrEqual(3);
    }
    const share = articles.filter((a) => a.community).length / articles.length;
    expect(share).toBeGreaterThan(0.08);
    expect(share).toBeLessThan(0.25);
  });

  it("does not produce near-identical bodies", () => {
    const openings = articles.map((a) => a.body.slice(0, 60));
    expect(new Set(openings).size).toBeGreaterThan(articles.length * 0.95);
  });
});

describe("demo images", () => {
  it("renders a JPEG of the requested size", async () => {
    const buf = await renderDemoImage("bridge", 42);
    const meta = await sharp(buf).metadata();
    expect(meta.format).toBe("jpeg");
    expect(meta.width).toBe(1200);
    expect(meta.height).toBe(675);

    const small = await renderDemoImage("food", 3, 400, 300);
    const smallMeta = await sharp(small).metadata();
    expect(smallMeta.format).toBe("jpeg");
    expect(smallMeta.width).toBe(400);
    expect(smallMeta.height).toBe(300);
  });

  it("renders every scene deterministically", async () => {
    for (const scene of [
      "karst",
      "river",
      "bridge",
      "village",
      "field",
      "city",
      "festival",
      "food",
    ] as const) {
      const a = await renderDemoImage(scene, 11, 320, 180);
      const b = await renderDemoImage(scene, 11, 320, 180);
      expect(a.equals(b)).toBe(true);
    }
  });
});

describe("demo reporters", () => {
  it("each profile's name appears in the bylines of demo stories", () => {
    const names = new Set(buildDemoArticles().flatMap((a) => bylineNames(a.byline)));
    for (const author of DEMO_AUTHORS) expect(names.has(author.name), author.name).toBe(true);
  });
});
