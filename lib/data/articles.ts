import "server-only";
import { cached } from "@/lib/cache/memo";
import { getDb } from "@/lib/db";
import { TAGS, TTL } from "@/lib/data/cache-tags";
import { cardSelect, inOrder, pageOfCards, toCard, type CardRow } from "@/lib/data/cards";
import { storyCorrectionsSelect, toStoryCorrection } from "@/lib/data/corrections";
import { channelPageIds, scheduledStories } from "@/lib/data/channel-pages";
import { scopeChannelIds } from "@/lib/data/channels";
import { isVisible, visibleWhere } from "@/lib/data/visibility";
import { withdrawnStories } from "@/lib/data/withdrawn";
import { imageRef } from "@/lib/images/urls";
import type { ArticleCard, ArticleDetail } from "@/lib/data/types";
import { readerBodyHtml } from "@/lib/markdown";
import { excerpt } from "@/lib/text";

/**
 * One story with everything its page shows. Cached per story (tag article:<id>); the caller
 * decides visibility with isVisible(), so a scheduled story's cache entry needs no expiry.
 */
export const getArticle = cached(
  "getArticle",
  { ttlMs: TTL.editorial, tags: ([id]) => [TAGS.article(id), TAGS.channels] },
  async (id: number): Promise<ArticleDetail | null> => {
    const db = await getDb();
    const row = await db.article.findUnique({
      where: { id },
      select: {
        ...cardSelect,
        status: true,
        unpublishAt: true,
        bodyHtml: true,
        bodyText: true,
        source: true,
        byline: true,
        updatedAt: true,
        viewCount: true,
        isCommunity: true,
        tags: { select: { tag: { select: { name: true } } }, orderBy: { tag: { name: "asc" } } },
        bylineAuthors: {
          select: { author: { select: { name: true, slug: true } } },
          orderBy: { position: "asc" },
        },
        corrections: storyCorrectionsSelect,
      },
    });
    if (!row) return null;
    return {
      ...toCard(row),
      status: row.status,
      unpublishAt: row.unpublishAt,
      bodyHtml: readerBodyHtml(row.bodyHtml),
      // What a shared link and search engines show: the summary, or the body's opening words.
      description: row.summary || excerpt(row.bodyText),
      source: row.source,
      byline: row.byline,
      authors: row.bylineAuthors.map((l) => l.author),
      updatedAt: row.updatedAt,
      viewCount: row.viewCount,
      isCommunity: row.isCommunity,
      tags: row.tags.map((t) => t.tag.name),
      image: row.leadImage ? imageRef(row.leadImage) : null,
      corrections: row.corrections.map(toStoryCorrection),
    };
  },
);

export interface ChannelPage {
  items: ArticleCard[];
  total: number;
}

/** One page of a channel, newest first (see channelPageIds for why page 5,000 stays cheap). */
export const listChannelArticles = cached(
  "listChannelArticles",
  {
    ttlMs: TTL.lists,
    tags: () => [TAGS.site],
    // A page number past the end (a scanner counting up) is not kept: it would push real pages out.
    keep: (page) => page.items.length > 0,
  },
  async (channelId: number, page: number, nowMs: number): Promise<ChannelPage> => {
    // One read of the scheduled and withdrawn stories serves the count and a deep page.
    const scheduled = scheduledStories(channelId, nowMs);
    const withdrawn = withdrawnStories(nowMs);
    return pageOfCards(
      () => channelPageIds(channelId, page, nowMs, scheduled, undefined, withdrawn),
      () => countVisibleInChannel(channelId, nowMs, scheduled, withdrawn),
    );
  },
);

/**
 * Visible stories of a channel: its count of published stories (kept by database triggers, table
 * ChannelStoryCount) minus those whose time is still ahead (its scheduled stories, an index range
 * read up to MAX_SCHEDULED_PER_CHANNEL) and those whose unpublish time has come (the site's
 * withdrawn stories, lib/data/withdrawn.ts), so a channel of any size is counted in three small reads.
 */
export async function countVisibleInChannel(
  channelId: number,
  nowMs: number,
  scheduled = scheduledStories(channelId, nowMs),
  withdrawn = withdrawnStories(nowMs),
): Promise<number> {
  const db = await getDb();
  const [counted, ahead, gone] = await Promise.all([
    db.channelStoryCount.findUnique({ where: { channelId }, select: { published: true } }),
    scheduled,
    withdrawn,
  ]);
  const goneHere = gone.filter((s) => s.channelId === channelId).length;
  return Math.max(0, (counted?.published ?? 0) - ahead.length - goneHere);
}

/** Latest visible stories of a channel (home page blocks, 新闻推荐 fallback). */
export const listLatestInChannel = cached(
  "listLatestInChannel",
  { ttlMs: TTL.lists, tags: () => [TAGS.site] },
  async (channelId: number, limit: number, nowMs: number): Promise<ArticleCard[]> => {
    const db = await getDb();
    const rows = await db.article.findMany({
      where: { channelId, ...visibleWhere(nowMs) },
      orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
      take: limit,
      select: cardSelect,
    });
    return rows.map(toCard);
  },
);

/** How far down a list's index a city's newest rows are looked for (chunks, as for the hot lists). */
const CITY_CHUNKS = [200, 800, 3_000] as const;

type ListWhere = { isHeadline?: true; isCommunity?: true; leadImageId?: { not: null } };

/**
 * The newest visible rows matching `where` (one of the indexed flags), site-wide when `ids` is
 * null, else within those channels. Within channels the list's own index is walked newest first,
 * CITY_CHUNKS at a time (index entries plus a primary-key lookup for the channel), until `limit`
 * are found or 4,000 were read: bounded whatever the size of the table, where a `channelId IN`
 * filter on that index could walk all of it for a small city.
 */
export async function newestCardRows(
  where: ListWhere,
  ids: readonly number[] | null,
  limit: number,
  nowMs: number,
): Promise<CardRow[]> {
  const db = await getDb();
  const order = [{ publishedAt: "desc" }, { id: "desc" }] as const;
  if (!ids) {
    return db.article.findMany({
      where: { ...where, ...visibleWhere(nowMs) },
      orderBy: [...order],
      take: limit,
      select: cardSelect,
    });
  }
  const found: number[] = [];
  let offset = 0;
  for (const size of CITY_CHUNKS) {
    const rows = await db.article.findMany({
      where: { ...where, ...visibleWhere(nowMs) },
      orderBy: [...order],
      skip: offset,
      take: size,
      select: { id: true, channelId: true },
    });
    offset += rows.length;
    found.push(...rows.filter((r) => ids.includes(r.channelId)).map((r) => r.id));
    if (found.length >= limit || rows.length < size) break;
  }
  const kept = found.slice(0, limit);
  return inOrder(kept, await db.article.findMany({ where: { id: { in: kept } }, select: cardSelect }));
}

/** Latest visible stories site-wide, or of one city (a list scope: lib/data/channels.ts listScope). */
export const listLatest = cached(
  "listLatest",
  { ttlMs: TTL.lists, tags: () => [TAGS.site] },
  async (limit: number, nowMs: number, cityId: number | null = null): Promise<ArticleCard[]> => {
    const rows = await newestCardRows({}, await scopeChannelIds(cityId), limit, nowMs);
    return rows.map(toCard);
  },
);

/**
 * Home page lead stories: editors' headline flag, newest first; falls back to the latest. Site-wide
 * or of one city (a list scope: lib/data/channels.ts listScope).
 */
export const listHeadlines = cached(
  "listHeadlines",
  { ttlMs: TTL.lists, tags: () => [TAGS.site] },
  async (limit: number, nowMs: number, cityId: number | null = null): Promise<ArticleCard[]> => {
    const rows = await newestCardRows({ isHeadline: true }, await scopeChannelIds(cityId), limit, nowMs);
    if (rows.length > 0) return rows.map(toCard);
    return listLatest(limit, nowMs, cityId);
  },
);

/** Fetch cards by id, visible only, in the given order. */
export async function listCardsByIds(ids: readonly number[], nowMs: number): Promise<ArticleCard[]> {
  if (ids.length === 0) return [];
  const db = await getDb();
  // By primary key, visibility checked here: with it in SQL (the unpublish time's OR) the planner
  // may prefer walking the (status, publishedAt) index to the few key lookups.
  const rows = await db.article.findMany({
    where: { id: { in: [...ids] } },
    select: { ...cardSelect, status: true, unpublishAt: true },
  });
  return inOrder(
    ids,
    rows.filter((r) => isVisible(r, nowMs)),
  ).map(toCard);
}
