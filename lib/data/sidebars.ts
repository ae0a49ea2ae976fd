import "server-only";
// The sidebars of the reader pages. Each reads a bounded, indexed range (the top of a hot list's
// running totals, recent buckets of the view table for given stories, one channel's newest rows,
// one story's tags) and is cached (lists per minute, view-based ones for TTL.views); none scans a
// whole table per request. The ranking rules themselves are pure functions in lib/ranking.ts and
// lib/recommend.ts. Lists that take a `cityId` keep to that city's channels (lib/data/channels.ts
// listScope; null: the whole site), so a city's pages never show another city's stories.
import { cached } from "@/lib/cache/memo";
import { getDb } from "@/lib/db";
import { TAGS, TTL } from "@/lib/data/cache-tags";
import { cardSelect, toCard, type CardRow } from "@/lib/data/cards";
import { listGalleryCoverRows } from "@/lib/data/galleries";
import { listCardsByIds, listLatestInChannel, newestCardRows } from "@/lib/data/articles";
import { isVisible, visibleWhere } from "@/lib/data/visibility";
import { topOfHotList, topOfHotListInChannels } from "@/lib/data/hot-lists";
import { scopeChannelIds } from "@/lib/data/channels";
import { firstBucket, type HotWindow } from "@/lib/ranking";
import { rankRelated, rankYouMayLike, type Candidate } from "@/lib/recommend";
import { HOUR_MS } from "@/lib/time";
import type { ArticleCard, RankedCard } from "@/lib/data/types";

/**
 * 热点排行: time-decayed views over the window, shown as 热度 (the decayed views themselves,
 * lib/ranking.ts heatOf), so the numbers follow the order. Within a city: the same list walked
 * for its channels (topOfHotListInChannels, bounded).
 */
export const getHotRanking = cached(
  "getHotRanking",
  { ttlMs: TTL.views, tags: () => [TAGS.site] },
  async (
    window: HotWindow,
    limit: number,
    nowMs: number,
    cityId: number | null = null,
  ): Promise<RankedCard[]> => {
    const ids = await scopeChannelIds(cityId);
    return ids ? topOfHotListInChannels(window, ids, limit, nowMs) : topOfHotList(window, limit, nowMs);
  },
);

/** 热点排行 within one channel (the /rank page), by the same 热度; see topOfHotListInChannels' cost. */
export const getChannelHotRanking = cached(
  "getChannelHotRanking",
  { ttlMs: TTL.views, tags: () => [TAGS.site] },
  (window: HotWindow, channelId: number, limit: number, nowMs: number): Promise<RankedCard[]> =>
    topOfHotListInChannels(window, [channelId], limit, nowMs),
);

/** Sum of views per article since `since`, for the given ids only (an indexed lookup). */
async function viewsSince(ids: readonly number[], since: Date): Promise<Map<number, number>> {
  if (ids.length === 0) return new Map();
  const db = await getDb();
  const sums = await db.articleViewBucket.groupBy({
    by: ["articleId"],
    where: { articleId: { in: [...ids] }, bucket: { gte: since } },
    _sum: { count: true },
  });
  return new Map(sums.map((s) => [s.articleId, s._sum.count ?? 0]));
}

/** 热点阅读: the most-read stories of the last 48 hours by raw count (no decay). */
export const getHotReading = cached(
  "getHotReading",
  { ttlMs: TTL.views, tags: () => [TAGS.site] },
  async (limit: number, nowMs: number, cityId: number | null = null): Promise<ArticleCard[]> => {
    const ids = await scopeChannelIds(cityId);
    return ids ? topOfHotListInChannels("48h", ids, limit, nowMs) : topOfHotList("48h", limit, nowMs);
  },
);

/**
 * 图文看点: stories with a lead image or a gallery, recent and popular. Among the 24 newest
 * illustrated stories and the 24 newest galleries without a lead image (their first image is
 * their cover), score = (1 + views in 7 days) / (1 + age in days)^1.5. Within a city, the
 * galleries are those of the newest ones that are the city's.
 */
export const getPictureHighlights = cached(
  "getPictureHighlights",
  { ttlMs: TTL.views, tags: () => [TAGS.site] },
  async (limit: number, nowMs: number, cityId: number | null = null): Promise<ArticleCard[]> => {
    const ids = await scopeChannelIds(cityId);
    const [illustrated, allGalleries] = await Promise.all([
      newestCardRows({ leadImageId: { not: null } }, ids, 24, nowMs),
      listGalleryCoverRows(nowMs, 24),
    ]);
    const galleries = ids ? allGalleries.filter((g) => ids.includes(g.channel.id)) : allGalleries;
    const rows: CardRow[] = [...illustrated, ...galleries];
    const views = await viewsSince(
      rows.map((r) => r.id),
      firstBucket(new Date(nowMs), 7 * 24),
    );
    const score = (r: (typeof rows)[number]) => {
      const ageDays = Math.max(0, (nowMs - (r.publishedAt?.getTime() ?? 0)) / (24 * HOUR_MS));
      return (1 + (views.get(r.id) ?? 0)) / Math.pow(1 + ageDays, 1.5);
    };
    return rows
      .map((r) => ({ r, s: score(r) }))
      .sort((a, b) => b.s - a.s || b.r.id - a.r.id)
      .slice(0, limit)
      .map(({ r }) => toCard(r));
  },
);

/** 乡里乡亲: the newest community stories (people, villages, folk life). */
export const getCommunityStories = cached(
  "getCommunityStories",
  { ttlMs: TTL.lists, tags: () => [TAGS.site] },
  async (limit: number, nowMs: number, cityId: number | null = null): Promise<ArticleCard[]> => {
    const rows = await newestCardRows({ isCommunity: true }, await scopeChannelIds(cityId), limit, nowMs);
    return rows.map(toCard);
  },
);

/** 新闻推荐: the channel's editors' picks, newest first, else its latest stories; never `excludeId`. */
export const getRecommended = cached(
  "getRecommended",
  { ttlMs: TTL.lists, tags: () => [TAGS.site] },
  async (channelId: number, excludeId: number, limit: number, nowMs: number): Promise<ArticleCard[]> => {
    const db = await getDb();
    const picks = await db.article.findMany({
      where: { channelId, isRecommended: true, id: { not: excludeId }, ...visibleWhere(nowMs) },
      orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
      take: limit,
      select: cardSelect,
    });
    const out = picks.map(toCard);
    if (out.length < limit) {
      const latest = await listLatestInChannel(channelId, limit + 1 + out.length, nowMs);
      for (const c of latest) {
        if (out.length >= limit) break;
        if (c.id !== excludeId && !out.some((o) => o.id === c.id)) out.push(c);
      }
    }
    return out;
  },
);

/**
 * 频道推荐: stories from the other channels. Each other channel contributes its newest editors'
 * pick (or else its newest story); the rest is filled with the region's most-read stories of the
 * last 7 days outside this channel. Within a city, "other channels" are the city's.
 */
export const getChannelRecommendations = cached(
  "getChannelRecommendations",
  { ttlMs: TTL.views, tags: () => [TAGS.site] },
  async (
    channelId: number | null,
    limit: number,
    nowMs: number,
    cityId: number | null = null,
  ): Promise<ArticleCard[]> => {
    const db = await getDb();
    const ids = await scopeChannelIds(cityId);
    const channels = await db.channel.findMany({
      where: ids ? { id: { in: ids } } : {},
      orderBy: [{ sortOrder: "asc" }, { id: "asc" }],
      select: { id: true },
    });
    const perChannel = await Promise.all(
      channels
        .filter((ch) => ch.id !== channelId)
        .map(async (ch) => {
          const pick = await db.article.findFirst({
            where: { channelId: ch.id, isRecommended: true, ...visibleWhere(nowMs) },
            orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
            select: cardSelect,
          });
          return (
            pick ??
            (await db.article.findFirst({
              where: { channelId: ch.id, ...visibleWhere(nowMs) },
              orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
              select: cardSelect,
            }))
          );
        }),
    );
    const out = perChannel.flatMap((r) => (r ? [toCard(r)] : [])).slice(0, limit);
    if (out.length < limit) {
      const hot = await getHotRanking("7d", limit * 3, nowMs, cityId);
      for (const c of hot) {
        if (out.length >= limit) break;
        if (c.channel.id !== channelId && !out.some((o) => o.id === c.id)) out.push(c);
      }
    }
    return out;
  },
);

/** Stories sharing a tag with the one read that are considered for 相关新闻 and 猜你喜欢. */
export const TAG_CANDIDATES = 150;

/**
 * Candidates: the newest visible stories sharing a tag with the story (at most TAG_CANDIDATES: a
 * tag such as 民生 can be on thousands, and a new story on a busy tag must be among them), plus
 * its precomputed nearest neighbours.
 */
async function candidatesFor(
  articleId: number,
  nowMs: number,
  ids: readonly number[] | null,
): Promise<Candidate[]> {
  const db = await getDb();
  const tagRows = await db.articleTag.findMany({ where: { articleId }, select: { tagId: true } });
  const tagIds = tagRows.map((t) => t.tagId);
  const [tagged, similar] = await Promise.all([
    tagIds.length
      ? db.article.findMany({
          where: {
            id: { not: articleId },
            tags: { some: { tagId: { in: tagIds } } },
            ...visibleWhere(nowMs),
          },
          orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
          take: TAG_CANDIDATES,
          select: {
            id: true,
            channelId: true,
            publishedAt: true,
            tags: { where: { tagId: { in: tagIds } }, select: { tagId: true } },
          },
        })
      : Promise.resolve([]),
    db.articleSimilar.findMany({
      where: { articleId },
      orderBy: { score: "desc" },
      take: 30,
      select: { similarId: true, score: true },
    }),
  ]);
  const simBy = new Map(similar.map((s) => [s.similarId, s.score]));
  const taggedIds = new Set(tagged.map((r) => r.id));
  const similarOnly = [...simBy.keys()].filter((id) => !taggedIds.has(id));
  const [similarRows, views] = await Promise.all([
    similarOnly.length
      ? db.article.findMany({
          // By primary key, visibility checked below (see listCardsByIds).
          where: { id: { in: similarOnly } },
          select: { id: true, channelId: true, publishedAt: true, status: true, unpublishAt: true },
        })
      : Promise.resolve([]),
    viewsSince([...taggedIds, ...similarOnly], firstBucket(new Date(nowMs), 7 * 24)),
  ]);
  // Another city's stories are dropped after the bounded reads (a filter inside them could walk a
  // busy tag's every story for a small city).
  return [
    ...tagged.map((r) => ({ ...r, sharedTags: r.tags.length })),
    ...similarRows.filter((r) => isVisible(r, nowMs)).map((r) => ({ ...r, sharedTags: 0 })),
  ]
    .filter((r) => !ids || ids.includes(r.channelId))
    .map((r) => ({
      id: r.id,
      channelId: r.channelId,
      publishedAt: r.publishedAt ?? new Date(0),
      sharedTags: r.sharedTags,
      recentViews: views.get(r.id) ?? 0,
      similarity: simBy.get(r.id) ?? 0,
    }));
}

export interface StoryRecommendations {
  related: ArticleCard[];
  youMayLike: ArticleCard[];
}

/**
 * 相关新闻 and 猜你喜欢 for one story. 猜你喜欢 never repeats the story itself, its related list
 * or the ids in `shown` (e.g. 新闻推荐), and falls back to popular stories when the story has few
 * neighbours. Within a city (`cityId`), only the city's stories are candidates.
 */
export const getStoryRecommendations = cached(
  "getStoryRecommendations",
  { ttlMs: TTL.views, tags: ([articleId]) => [TAGS.site, TAGS.article(articleId)] },
  async (
    articleId: number,
    channelId: number,
    shown: readonly number[],
    nowMs: number,
    cityId: number | null = null,
  ): Promise<StoryRecommendations> => {
    const candidates = await candidatesFor(articleId, nowMs, await scopeChannelIds(cityId));
    const relatedIds = rankRelated(articleId, channelId, candidates, 6);
    const exclude = new Set<number>([articleId, ...shown, ...relatedIds]);
    let likeIds = rankYouMayLike(articleId, candidates, exclude, 6);
    if (likeIds.length < 6) {
      const hot = await getHotRanking("7d", 20, nowMs, cityId);
      const more = hot.map((h) => h.id).filter((id) => !exclude.has(id) && !likeIds.includes(id));
      likeIds = [...likeIds, ...more].slice(0, 6);
    }
    const [related, youMayLike] = await Promise.all([
      listCardsByIds(relatedIds, nowMs),
      listCardsByIds(likeIds, nowMs),
    ]);
    return { related, youMayLike };
  },
);
