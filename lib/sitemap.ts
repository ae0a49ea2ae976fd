// Sitemaps, the Google News sitemap and robots.txt (pure builders; lib/syndication.ts feeds them).
import { element, XML_DECLARATION } from "@/lib/feeds";
import { toBeijingIso } from "@/lib/time";

/** The sitemap protocol's limit of URLs per file (sitemaps.org). */
export const SITEMAP_MAX_URLS = 50_000;
/** Google News sitemaps list at most 1,000 stories, published in the last two days. */
export const NEWS_SITEMAP_MAX_URLS = 1_000;
export const NEWS_SITEMAP_WINDOW_MS = 48 * 3_600_000;

const SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9";
const NEWS_NS = "http://www.google.com/schemas/sitemap-news/0.9";

export interface SitemapUrl {
  /** Absolute URL. */
  loc: string;
  lastModified?: Date;
}

/** A `<urlset>`; lastmod in W3C date-time form with the +08:00 offset. */
export function buildUrlset(urls: readonly SitemapUrl[]): string {
  const lines = [XML_DECLARATION, `<urlset xmlns="${SITEMAP_NS}">`];
  for (const u of urls) {
    lines.push(
      `<url>${element("loc", u.loc)}${u.lastModified ? element("lastmod", toBeijingIso(u.lastModified)) : ""}</url>`,
    );
  }
  lines.push("</urlset>");
  return `${lines.join("\n")}\n`;
}

/** A `<sitemapindex>` pointing at the numbered sitemap files. */
export function buildSitemapIndex(sitemaps: readonly SitemapUrl[]): string {
  const lines = [XML_DECLARATION, `<sitemapindex xmlns="${SITEMAP_NS}">`];
  for (const s of sitemaps) {
    lines.push(
      `<sitemap>${element("loc", s.loc)}${s.lastModified ? element("lastmod", toBeijingIso(s.lastModified)) : ""}</sitemap>`,
    );
  }
  lines.push("</sitemapindex>");
  return `${lines.join("\n")}\n`;
}

export interface NewsSitemapItem {
  loc: string;
  title: string;
  publishedAt: Date;
}

/** A Google News sitemap (https://developers.google.com/search/docs/crawling-indexing/sitemaps/news-sitemap). */
export function buildNewsSitemap(
  items: readonly NewsSitemapItem[],
  publication: { name: string; language: string },
): string {
  const lines = [XML_DECLARATION, `<urlset xmlns="${SITEMAP_NS}" xmlns:news="${NEWS_NS}">`];
  for (const item of items.slice(0, NEWS_SITEMAP_MAX_URLS)) {
    lines.push(
      "<url>",
      element("loc", item.loc),
      "<news:news>",
      `<news:publication>${element("news:name", publication.name)}${element("news:language", publication.language)}</news:publication>`,
      element("news:publication_date", toBeijingIso(item.publishedAt)),
      element("news:title", item.title),
      "</news:news>",
      "</url>",
    );
  }
  lines.push("</urlset>");
  return `${lines.join("\n")}\n`;
}

/** How many sitemap files `total` URLs need (at least one). */
export function sitemapFileCount(total: number, maxPerFile = SITEMAP_MAX_URLS): number {
  return Math.max(1, Math.ceil(total / maxPerFile));
}

/**
 * The URLs are numbered: the `fixedCount` fixed pages (home, channels) first, then the stories in
 * id order. File `n` (1-based) holds numbers [(n-1)·max, n·max). Which fixed pages and which range
 * of stories is that?
 */
export function sitemapFileRange(
  n: number,
  fixedCount: number,
  maxPerFile = SITEMAP_MAX_URLS,
): { fixedStart: number; fixedEnd: number; storyOffset: number; storyLimit: number } {
  const start = (n - 1) * maxPerFile;
  const end = n * maxPerFile;
  const fixedStart = Math.min(start, fixedCount);
  const fixedEnd = Math.min(end, fixedCount);
  const storyOffset = Math.max(0, start - fixedCount);
  const storyLimit = Math.max(0, end - Math.max(start, fixedCount));
  return { fixedStart, fixedEnd, storyOffset, storyLimit };
}

/** robots.txt: everything may be crawled except the given path prefixes; lists the sitemaps. */
export function buildRobotsTxt({
  disallow,
  sitemaps,
}: {
  disallow: readonly string[];
  sitemaps: readonly string[];
}): string {
  const lines = [
    "User-agent: *",
    ...disallow.map((p) => `Disallow: ${p}`),
    "Allow: /",
    "",
    ...sitemaps.map((s) => `Sitemap: ${s}`),
  ];
  return `${lines.join("\n")}\n`;
}
