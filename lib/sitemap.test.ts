import { createRequire } from "node:module";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type * as NextServer from "next/server";
import { clearCache } from "@/lib/cache/memo";
import { getDb } from "@/lib/db";
import { getNetwork } from "@/lib/data/channels";
import { visibleWhere } from "@/lib/data/visibility";
import { env } from "@/lib/env";
import {
  buildNewsSitemap,
  buildRobotsTxt,
  buildSitemapIndex,
  buildUrlset,
  sitemapFiles,
  sitemapStoryIds,
} from "@/lib/sitemap";
import { newsSitemapXml, robotsTxt, sitemapFileXml, sitemapXml } from "@/lib/syndication";
import { makeArticle, makeChannel } from "@/lib/testing/fixtures";
import { minuteNow } from "@/lib/time";
import { GET as getSitemap } from "@/app/sitemap.xml/route";
import { GET as getSitemapFile } from "@/app/sitemaps/[file]/route";
import { GET as getNewsSitemap } from "@/app/news-sitemap.xml/route";
import { GET as getRobots } from "@/app/robots.txt/route";

vi.mock("next/server", async (importOriginal) => ({
  ...(await importOriginal<typeof NextServer>()),
  connection: async () => {},
}));

// xml2js (installed with rss-parser) in strict mode: any malformed document throws.
type XmlNode = {
  [key: string]: XmlNode[] | string | Record<string, string> | undefined;
  _?: string;
  $?: Record<string, string>;
};
const load = createRequire(import.meta.url);
const xml2js = load("xml2js") as {
  parseStringPromise: (xml: string, options: object) => Promise<Record<string, XmlNode>>;
};
const parseXml = (xml: string) => xml2js.parseStringPromise(xml, { strict: true });

function children(node: XmlNode | undefined, name: string): XmlNode[] {
  const value = node?.[name];
  return Array.isArray(value) ? value : [];
}
function text(node: XmlNode | undefined, name: string): string {
  const first = children(node, name)[0] as unknown;
  return typeof first === "string" ? first : ((first as XmlNode | undefined)?._ ?? "");
}

/** Parse a <urlset> strictly and return its <loc>s (checking the namespace and shape). */
async function urlsetLocs(xml: string): Promise<string[]> {
  const doc = await parseXml(xml);
  const urlset = doc.urlset;
  expect(urlset, "root element is <urlset>").toBeDefined();
  expect(urlset?.$?.xmlns).toBe("http://www.sitemaps.org/schemas/sitemap/0.9");
  return children(urlset, "url").map((u) => {
    const loc = text(u, "loc");
    expect(loc).toMatch(/^https?:\/\//);
    const lastmod = children(u, "lastmod");
    if (lastmod.length > 0)
      expect(text(u, "lastmod")).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/);
    return loc;
  });
}

async function visibleStoryUrls(nowMs: number): Promise<string[]> {
  const db = await getDb();
  const rows = await db.article.findMany({
    // Other test files leave stories withdrawn by their unpublish time (定时撤稿) in this database.
    where: visibleWhere(nowMs),
    select: { id: true, channel: { select: { slug: true } } },
  });
  return rows.map((r) => `${env.SITE_URL}/${r.channel.slug}/${r.id}`);
}

/** Published 专题 and reporters with a visible story: pages the first sitemap file lists too
 * (other test files create some in the same database). */
/** Pages the sitemap lists besides home, channels and stories: topics, reporters, region hubs. */
async function otherPageUrls(nowMs: number): Promise<string[]> {
  const db = await getDb();
  const [topics, authors, network] = await Promise.all([
    db.topic.findMany({ where: { published: true }, select: { slug: true } }),
    db.author.findMany({
      where: { articles: { some: { article: visibleWhere(nowMs) } } },
      select: { slug: true },
    }),
    // Other test files add cities: hubs are listed once there is more than one.
    getNetwork(),
  ]);
  return [
    ...topics.map((t) => `${env.SITE_URL}/zhuanti/${t.slug}`),
    ...authors.map((a) => `${env.SITE_URL}/author/${a.slug}`),
    ...[...network.provinces, ...network.cities].map((r) => `${env.SITE_URL}${r.href}`),
  ];
}

beforeEach(() => {
  clearCache();
});

describe("sitemap builders", () => {
  it("escape locations and produce well-formed documents", async () => {
    const xml = buildUrlset([
      { loc: "https://x.cn/a?b=1&c=<2>", lastModified: new Date("2026-11-25T02:00:00Z") },
      { loc: "https://x.cn/" },
    ]);
    expect(await urlsetLocs(xml)).toEqual(["https://x.cn/a?b=1&c=<2>", "https://x.cn/"]);
    expect(xml).toContain("<lastmod>2026-11-25T10:00:00+08:00</lastmod>");
    const index = await parseXml(
      buildSitemapIndex([{ loc: "https://x.cn/sitemaps/1.xml" }, { loc: "https://x.cn/sitemaps/2.xml" }]),
    );
    expect(index.sitemapindex?.$?.xmlns).toBe("http://www.sitemaps.org/schemas/sitemap/0.9");
    expect(children(index.sitemapindex, "sitemap").map((s) => text(s, "loc"))).toEqual([
      "https://x.cn/sitemaps/1.xml",
      "https://x.cn/sitemaps/2.xml",
    ]);
  });

  it("file stories by id range: one file for a small site, then fixed pages and id ranges", () => {
    expect(sitemapFiles(0)).toBe(1);
    expect(sitemapFiles(10_000)).toBe(1);
    expect(sitemapStoryIds(1, 9_000)).toEqual({ after: 0, upTo: 9_000 });
    // 12 ids in files of 5: file 1 = fixed pages, 2 = ids 1-5, 3 = 6-10, 4 = 11-15.
    expect(sitemapFiles(12, 5)).toBe(4);
    expect(sitemapStoryIds(1, 12, 5)).toEqual({ after: 0, upTo: 0 });
    expect(sitemapStoryIds(2, 12, 5)).toEqual({ after: 0, upTo: 5 });
    expect(sitemapStoryIds(4, 12, 5)).toEqual({ after: 10, upTo: 15 });
    // A million ids: 101 files of 10,000 stories, each the same cost to build.
    expect(sitemapFiles(1_000_000)).toBe(101);
    expect(sitemapStoryIds(101, 1_000_000)).toEqual({ after: 990_000, upTo: 1_000_000 });
  });

  it("news sitemap uses the Google News namespace", async () => {
    const xml = buildNewsSitemap(
      [{ loc: "https://x.cn/a/1", title: "标题 & <b>", publishedAt: new Date("2026-11-25T02:00:00Z") }],
      { name: "柳州地方网", language: "zh-cn" },
    );
    const doc = await parseXml(xml);
    expect(doc.urlset?.$?.["xmlns:news"]).toBe("http://www.google.com/schemas/sitemap-news/0.9");
    const news = children(children(doc.urlset, "url")[0], "news:news")[0];
    expect(text(news, "news:title")).toBe("标题 & <b>");
    expect(text(news, "news:publication_date")).toBe("2026-11-25T10:00:00+08:00");
    const pub = children(news, "news:publication")[0];
    expect(text(pub, "news:name")).toBe("柳州地方网");
    expect(text(pub, "news:language")).toBe("zh-cn");
  });

  it("robots.txt", () => {
    expect(buildRobotsTxt({ disallow: ["/admin"], sitemaps: ["https://x.cn/sitemap.xml"] })).toBe(
      "User-agent: *\nDisallow: /admin\nAllow: /\n\nSitemap: https://x.cn/sitemap.xml\n",
    );
  });
});

// These read the whole shared test database, which other test files write to at the same time:
// the sizes below follow its size (one file, or three or four), and a test that caught another
// file's write between its two reads is run again.
describe("site sitemaps", { retry: 2 }, () => {
  it("list home, every channel and every visible story, and no draft, scheduled or unpublished story", async () => {
    const ch = await makeChannel();
    const now = minuteNow().getTime();
    const published = await makeArticle({ channelId: ch.id });
    const draft = await makeArticle({ channelId: ch.id, status: "draft", publishedAt: null });
    const scheduled = await makeArticle({ channelId: ch.id, publishedAt: new Date(now + 3_600_000) });
    const pulled = await makeArticle({ channelId: ch.id, status: "unpublished" });

    const locs = await urlsetLocs(await sitemapXml(now, Number.MAX_SAFE_INTEGER));
    const db = await getDb();
    const channels = await db.channel.findMany({ select: { slug: true } });
    const expected = [
      `${env.SITE_URL}/`,
      ...channels.map((c) => `${env.SITE_URL}/${c.slug}`),
      ...(await otherPageUrls(now)),
      ...(await visibleStoryUrls(now)),
    ];
    expect(new Set(locs)).toEqual(new Set(expected));
    expect(locs).toHaveLength(expected.length);
    expect(locs).toContain(`${env.SITE_URL}/${ch.slug}/${published.id}`);
    for (const hidden of [draft, scheduled, pulled])
      expect(locs).not.toContain(`${env.SITE_URL}/${ch.slug}/${hidden.id}`);
  });

  it("become a sitemap index of numbered files past the per-file limit", async () => {
    const ch = await makeChannel();
    for (let i = 0; i < 6; i++) await makeArticle({ channelId: ch.id });
    await makeArticle({ channelId: ch.id, status: "draft", publishedAt: null });
    const now = minuteNow().getTime();
    const { _max } = await (await getDb()).article.aggregate({ _max: { id: true } });
    const max = Math.ceil((_max.id ?? 7) / 3);
    const index = await parseXml(await sitemapXml(now, max));
    const files = children(index.sitemapindex, "sitemap").map((s) => text(s, "loc"));
    expect(files.length).toBeGreaterThan(1);
    expect(files[0]).toBe(`${env.SITE_URL}/sitemaps/1.xml`);

    const all: string[] = [];
    for (let n = 1; n <= files.length; n++) {
      const locs = await urlsetLocs((await sitemapFileXml(n, now, max)) ?? "");
      // File 1: home and the channel pages; then at most `max` stories, each in its id range.
      if (n > 1) expect(locs.length).toBeLessThanOrEqual(max);
      all.push(...locs);
    }
    expect(await sitemapFileXml(files.length + 1, now, max)).toBeNull();
    const db = await getDb();
    const channelCount = await db.channel.count();
    const stories = await visibleStoryUrls(now);
    const others = await otherPageUrls(now);
    expect(all).toHaveLength(1 + channelCount + others.length + stories.length);
    expect(new Set(all)).toEqual(
      new Set([
        `${env.SITE_URL}/`,
        ...(await db.channel.findMany({ select: { slug: true } })).map((c) => `${env.SITE_URL}/${c.slug}`),
        ...others,
        ...stories,
      ]),
    );
  });

  it("news sitemap: stories of the last 48 hours only", async () => {
    const ch = await makeChannel();
    const now = minuteNow().getTime();
    const fresh = await makeArticle({
      channelId: ch.id,
      title: "新鲜 & 热乎",
      publishedAt: new Date(now - 3_600_000),
    });
    const old = await makeArticle({ channelId: ch.id, publishedAt: new Date(now - 49 * 3_600_000) });
    const draft = await makeArticle({
      channelId: ch.id,
      status: "draft",
      publishedAt: new Date(now - 60_000),
    });
    const scheduled = await makeArticle({ channelId: ch.id, publishedAt: new Date(now + 60_000) });
    const xml = await newsSitemapXml(now);
    const locs = await urlsetLocs(xml);
    expect(locs).toContain(`${env.SITE_URL}/${ch.slug}/${fresh.id}`);
    for (const hidden of [old, draft, scheduled])
      expect(locs).not.toContain(`${env.SITE_URL}/${ch.slug}/${hidden.id}`);
    expect(xml).toContain("<news:title>新鲜 &amp; 热乎</news:title>");
  });

  it("routes: media types, robots.txt, 404 past the last file", async () => {
    const sitemap = await getSitemap();
    expect(sitemap.headers.get("content-type")).toBe("application/xml; charset=utf-8");
    // One file, or an index of files once the database holds more stories than a file takes.
    const root = await parseXml(await sitemap.text());
    expect(root.urlset ?? root.sitemapindex).toBeDefined();
    const news = await getNewsSitemap();
    expect(news.headers.get("content-type")).toBe("application/xml; charset=utf-8");
    await urlsetLocs(await news.text());
    const file1 = await getSitemapFile(new Request(`${env.SITE_URL}/sitemaps/1.xml`), {
      params: Promise.resolve({ file: "1.xml" }),
    });
    expect(file1.status).toBe(200);
    for (const bad of ["999.xml", "0.xml", "abc.xml", "1", "01.xml"]) {
      const res = await getSitemapFile(new Request(`${env.SITE_URL}/sitemaps/${bad}`), {
        params: Promise.resolve({ file: bad }),
      });
      expect(res.status, bad).toBe(404);
    }
    const robots = await getRobots();
    expect(robots.headers.get("content-type")).toBe("text/plain; charset=utf-8");
    const body = await robots.text();
    expect(body).toBe(robotsTxt());
    expect(body).toContain("Disallow: /admin\n");
    expect(body).toContain("Disallow: /api\n");
    expect(body).toContain(`Sitemap: ${env.SITE_URL}/sitemap.xml\n`);
    expect(body).toContain(`Sitemap: ${env.SITE_URL}/news-sitemap.xml\n`);
  });
});
