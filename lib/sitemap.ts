// Sitemaps, the Google News sitemap and robots.txt (pure builders; lib/syndication.ts feeds them).
import { element, XML_DECLARATION } from "@/lib/feeds";
import { toBeijingIso } from "@/lib/time";

/**
 * Stories per sitemap file: well under the protocol's 50,000 URLs (sitemaps.org), so that a file
 * is quick to build and fetch.
 */
export const STORIES_PER_SITEMAP = 10_000;
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

/**
 * Which sitemap files a site whose story ids go up to `maxStoryId` has, `perFile` stories each.
 * Stories are filed by id range, so a story stays in the same file for good and a file costs the
 * same to build however large the archive: a small site has one file with everything; a larger
 * one has file 1 for the fixed pages (home, channels) and file n ≥ 2 for the ids in
 * ((n-2)·perFile, (n-1)·perFile], whether or not each of them is visible.
 */
export function sitemapFiles(maxStoryId: number, perFile = STORIES_PER_SITEMAP): number {
  return maxStoryId <= perFile ? 1 : 1 + Math.ceil(maxStoryId / perFile);
}

/** The story ids file `n` (1-based) lists: (after, upTo]; file 1 of a larger site lists none. */
export function sitemapStoryIds(
  n: number,
  maxStoryId: number,
  perFile = STORIES_PER_SITEMAP,
): { after: number; upTo: number } {
  if (sitemapFiles(maxStoryId, perFile) === 1) return { after: 0, upTo: maxStoryId };
  if (n === 1) return { after: 0, upTo: 0 };
  return { after: (n - 2) * perFile, upTo: (n - 1) * perFile };
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
