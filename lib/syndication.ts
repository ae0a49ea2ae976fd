import "server-only";
// The documents served to feed readers and crawlers: RSS feeds, sitemaps, the Google News sitemap
// and robots.txt. Reads come from lib/data (cached, visible stories only); the XML is built by the
// pure builders of lib/feeds.ts and lib/sitemap.ts. Route handlers only call these.
import { getChannelBySlug, getNetwork, type Network } from "@/lib/data/channels";
import { listFeedStories } from "@/lib/data/feeds";
import { listSitemapAuthors } from "@/lib/data/authors";
import { getTopic, listSitemapTopics, listTopicFeedStories } from "@/lib/data/topics";
import { maxStoryId, listRecentStories, listSitemapStories, type SitemapStory } from "@/lib/data/sitemap";
import { env } from "@/lib/env";
import { buildRss, type RssItem } from "@/lib/feeds";
import { absoluteUrl as toAbsoluteUrl } from "@/lib/seo";
import {
  buildNewsSitemap,
  buildRobotsTxt,
  buildSitemapIndex,
  buildUrlset,
  NEWS_SITEMAP_MAX_URLS,
  NEWS_SITEMAP_WINDOW_MS,
  STORIES_PER_SITEMAP,
  sitemapFiles,
  sitemapStoryIds,
  type SitemapUrl,
} from "@/lib/sitemap";

/** Stories per feed. */
export const FEED_SIZE = 50;

/** Absolute URL of a site path (`/liujiang/12` → `https://…/liujiang/12`). */
export function absoluteUrl(path: string): string {
  return toAbsoluteUrl(env.SITE_URL, path);
}

/**
 * A text response with the given media type (feeds, sitemaps, robots). Its route handler is
 * cached like a reader page, and Next sets Cache-Control from that lifetime.
 */
export function textResponse(body: string, mediaType: string, status = 200): Response {
  return new Response(body, { status, headers: { "Content-Type": `${mediaType}; charset=utf-8` } });
}

export function notFoundResponse(): Response {
  return new Response("Not Found\n", {
    status: 404,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
  });
}

export const RSS_MEDIA_TYPE = "application/rss+xml";
export const XML_MEDIA_TYPE = "application/xml";

/**
 * A story's feed identifier: its id and the site, never its address, which contains the channel
 * slug and changes when a channel is renamed (feed readers would show every story again).
 */
export function storyGuid(id: number): string {
  return `article-${id}@${new URL(env.SITE_URL).host}`;
}

function feedItems(stories: Awaited<ReturnType<typeof listFeedStories>>): RssItem[] {
  return stories.map((s) => {
    const url = absoluteUrl(s.href);
    return {
      title: s.title,
      link: url,
      guid: storyGuid(s.id),
      guidIsPermaLink: false,
      description: s.summary,
      pubDate: s.publishedAt,
      ...(s.updatedAt ? { updated: s.updatedAt } : {}),
      categories: [s.channel.name],
    };
  });
}

/** /rss.xml: the latest visible stories of the whole site. */
export async function siteFeedXml(nowMs: number): Promise<string> {
  const stories = await listFeedStories(null, FEED_SIZE, nowMs);
  return buildRss({
    title: env.SITE_NAME,
    link: absoluteUrl("/"),
    description: env.SITE_SLOGAN || env.SITE_NAME,
    selfUrl: absoluteUrl("/rss.xml"),
    language: "zh-CN",
    lastBuildDate: stories[0]?.publishedAt ?? new Date(nowMs),
    ttlMinutes: 5,
    copyright: `© ${env.SITE_NAME}`,
    items: feedItems(stories),
  });
}

/** /<channel>/rss.xml: the latest visible stories of one channel; null for an unknown channel. */
export async function channelFeedXml(slug: string, nowMs: number): Promise<string | null> {
  const channel = await getChannelBySlug(slug);
  if (!channel) return null;
  const stories = await listFeedStories(channel.id, FEED_SIZE, nowMs);
  return buildRss({
    title: `${channel.name} - ${env.SITE_NAME}`,
    link: absoluteUrl(`/${channel.slug}`),
    description: channel.slogan || channel.description || env.SITE_SLOGAN || channel.name,
    selfUrl: absoluteUrl(`/${channel.slug}/rss.xml`),
    language: "zh-CN",
    lastBuildDate: stories[0]?.publishedAt ?? new Date(nowMs),
    ttlMinutes: 5,
    copyright: `© ${env.SITE_NAME}`,
    items: feedItems(stories),
  });
}

/** /zhuanti/<slug>/rss.xml: a published topic's newest stories; null for no such topic. */
export async function topicFeedXml(slug: string, nowMs: number): Promise<string | null> {
  const topic = await getTopic(slug);
  if (!topic) return null;
  const stories = await listTopicFeedStories(topic, FEED_SIZE, nowMs);
  return buildRss({
    title: `${topic.title} - ${env.SITE_NAME}专题`,
    link: absoluteUrl(topic.href),
    description: topic.intro || topic.title,
    selfUrl: absoluteUrl(`${topic.href}/rss.xml`),
    language: "zh-CN",
    lastBuildDate: stories[0]?.publishedAt ?? topic.updatedAt,
    ttlMinutes: 5,
    copyright: `© ${env.SITE_NAME}`,
    items: stories.map((s) => ({
      title: s.title,
      link: absoluteUrl(s.href),
      guid: storyGuid(s.id),
      guidIsPermaLink: false,
      description: s.summary,
      pubDate: s.publishedAt,
      categories: [s.channelName],
    })),
  });
}

/**
 * Home, channel, region hub and reporters' pages, each dated by its newest visible story (a hub by
 * its channels' newest).
 */
async function fixedPages(network: Network, nowMs: number): Promise<SitemapUrl[]> {
  const { channels, cities, provinces } = network;
  const [authors, newest, ...perChannel] = await Promise.all([
    listSitemapAuthors(nowMs),
    listFeedStories(null, 1, nowMs),
    ...channels.map((c) => listFeedStories(c.id, 1, nowMs)),
  ]);
  const newestOf = new Map(channels.map((c, i) => [c.id, perChannel[i]?.[0]?.publishedAt]));
  const newestIn = (channelIds: readonly number[]): Date | undefined =>
    channelIds
      .map((id) => newestOf.get(id))
      .reduce<Date | undefined>((a, d) => (d && (!a || d > a) ? d : a), undefined);
  return [
    { loc: absoluteUrl("/"), lastModified: newest?.[0]?.publishedAt },
    ...channels.map((c) => ({ loc: absoluteUrl(`/${c.slug}`), lastModified: newestOf.get(c.id) })),
    ...provinces.map((p) => ({
      loc: absoluteUrl(p.href),
      lastModified: newestIn(cities.filter((c) => c.province.id === p.id).flatMap((c) => c.channelIds)),
    })),
    ...cities.map((c) => ({ loc: absoluteUrl(c.href), lastModified: newestIn(c.channelIds) })),
    ...authors.map((a) => ({ loc: absoluteUrl(a.href), lastModified: a.lastModified })),
  ];
}

/** A story's <lastmod>: its last edit, never earlier than its publication. */
function storyUrl(s: SitemapStory): SitemapUrl {
  const lastModified = s.updatedAt.getTime() > s.publishedAt.getTime() ? s.updatedAt : s.publishedAt;
  return { loc: absoluteUrl(s.href), lastModified };
}

/**
 * /sitemap.xml: one <urlset> with home, the channel pages and every visible story while the story
 * ids fit in one file; beyond that a <sitemapindex> of /sitemaps/<n>.xml (lib/sitemap.ts
 * sitemapFiles: stories filed by id range, so a file's cost does not grow with the archive).
 */
export async function sitemapXml(nowMs: number, perFile = STORIES_PER_SITEMAP): Promise<string> {
  const files = sitemapFiles(await maxStoryId(), perFile);
  if (files === 1) return (await sitemapFileXml(1, nowMs, perFile)) ?? buildUrlset([]);
  return buildSitemapIndex(
    Array.from({ length: files }, (_, i) => ({ loc: absoluteUrl(`/sitemaps/${i + 1}.xml`) })),
  );
}

/** /sitemaps/<n>.xml: file n (1-based) of the sitemap; null past the last file. */
export async function sitemapFileXml(
  n: number,
  nowMs: number,
  perFile = STORIES_PER_SITEMAP,
): Promise<string | null> {
  const maxId = await maxStoryId();
  if (!Number.isInteger(n) || n < 1 || n > sitemapFiles(maxId, perFile)) return null;
  const ids = sitemapStoryIds(n, maxId, perFile);
  const [fixed, stories, topics] = await Promise.all([
    n === 1 ? getNetwork().then((network) => fixedPages(network, nowMs)) : Promise.resolve([]),
    listSitemapStories(ids.after, ids.upTo, nowMs),
    // 专题 pages go in the first file with the other fixed pages.
    n === 1 ? listSitemapTopics() : Promise.resolve([]),
  ]);
  const topicUrls = topics.map((t) => ({ loc: absoluteUrl(t.href), lastModified: t.updatedAt }));
  return buildUrlset([...fixed, ...topicUrls, ...stories.map(storyUrl)]);
}

/** /news-sitemap.xml: stories published in the last 48 hours (Google News). */
export async function newsSitemapXml(nowMs: number): Promise<string> {
  const stories = await listRecentStories(nowMs - NEWS_SITEMAP_WINDOW_MS, NEWS_SITEMAP_MAX_URLS, nowMs);
  return buildNewsSitemap(
    stories.map((s) => ({ loc: absoluteUrl(s.href), title: s.title, publishedAt: s.publishedAt })),
    // Google News wants zh-cn for Simplified Chinese.
    { name: env.SITE_NAME, language: "zh-cn" },
  );
}

/** /robots.txt */
export function robotsTxt(): string {
  return buildRobotsTxt({
    disallow: ["/admin", "/api"],
    sitemaps: [absoluteUrl("/sitemap.xml"), absoluteUrl("/news-sitemap.xml")],
  });
}
