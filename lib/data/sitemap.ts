import "server-only";
import { cached } from "@/lib/cache/memo";
import { getDb } from "@/lib/db";
import { TAGS, TTL } from "@/lib/data/cache-tags";
import { articleHref } from "@/lib/data/cards";
import { visibleWhere } from "@/lib/data/visibility";

export interface SitemapStory {
  href: string;
  title: string;
  publishedAt: Date;
  updatedAt: Date;
}

const sitemapSelect = {
  id: true,
  title: true,
  publishedAt: true,
  updatedAt: true,
  channel: { select: { slug: true } },
} as const;

function toSitemapStory(r: {
  id: number;
  title: string;
  publishedAt: Date | null;
  updatedAt: Date;
  channel: { slug: string };
}): SitemapStory {
  return {
    href: articleHref(r.channel.slug, r.id),
    title: r.title,
    publishedAt: r.publishedAt ?? new Date(0),
    updatedAt: r.updatedAt,
  };
}

/** How many stories are visible now (sizes the sitemap). */
export const countVisibleStories = cached(
  "countVisibleStories",
  { ttlMs: TTL.lists, tags: () => [TAGS.site] },
  async (nowMs: number): Promise<number> => {
    const db = await getDb();
    return db.article.count({ where: visibleWhere(nowMs) });
  },
);

/** Visible stories in id order (stable across requests, so each sitemap file keeps its stories). */
export const listSitemapStories = cached(
  "listSitemapStories",
  { ttlMs: TTL.lists, tags: () => [TAGS.site] },
  async (offset: number, limit: number, nowMs: number): Promise<SitemapStory[]> => {
    if (limit <= 0) return [];
    const db = await getDb();
    const rows = await db.article.findMany({
      where: visibleWhere(nowMs),
      orderBy: { id: "asc" },
      skip: offset,
      take: limit,
      select: sitemapSelect,
    });
    return rows.map(toSitemapStory);
  },
);

/** Visible stories published at or after `sinceMs`, newest first (Google News sitemap). */
export const listRecentStories = cached(
  "listRecentStories",
  { ttlMs: TTL.lists, tags: () => [TAGS.site] },
  async (sinceMs: number, limit: number, nowMs: number): Promise<SitemapStory[]> => {
    const db = await getDb();
    const visible = visibleWhere(nowMs);
    const rows = await db.article.findMany({
      where: { ...visible, publishedAt: { ...visible.publishedAt, gte: new Date(sinceMs) } },
      orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
      take: limit,
      select: sitemapSelect,
    });
    return rows.map(toSitemapStory);
  },
);
