import "server-only";
import { cached } from "@/lib/cache/memo";
import { getDb } from "@/lib/db";
import { TAGS, TTL } from "@/lib/data/cache-tags";
import { articleHref } from "@/lib/data/cards";
import { isVisible, visibleWhere } from "@/lib/data/visibility";

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

/** The highest story id (sizes the sitemap; the primary key's last entry, whatever the size). */
export const maxStoryId = cached(
  "maxStoryId",
  { ttlMs: TTL.lists, tags: () => [TAGS.site] },
  async (): Promise<number> => {
    const db = await getDb();
    // Not aggregate(_max): Prisma reads that through a subquery over every row.
    const last = await db.article.findFirst({ orderBy: { id: "desc" }, select: { id: true } });
    return last?.id ?? 0;
  },
);

/** Visible stories with ids in (after, upTo], in id order: one sitemap file. */
export const listSitemapStories = cached(
  "listSitemapStories",
  { ttlMs: TTL.lists, tags: () => [TAGS.site] },
  async (after: number, upTo: number, nowMs: number): Promise<SitemapStory[]> => {
    if (upTo <= after) return [];
    const db = await getDb();
    // The id range alone, by primary key: at most `upTo - after` rows whatever the archive's size
    // (a visibility condition would tempt the planner into the status index, i.e. every story).
    const rows = await db.article.findMany({
      where: { id: { gt: after, lte: upTo } },
      orderBy: { id: "asc" },
      select: { ...sitemapSelect, status: true, unpublishAt: true },
    });
    return rows.filter((r) => isVisible(r, nowMs)).map(toSitemapStory);
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
