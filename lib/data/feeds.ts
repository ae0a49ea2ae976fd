import "server-only";
import { cached } from "@/lib/cache/memo";
import { getDb } from "@/lib/db";
import { TAGS, TTL } from "@/lib/data/cache-tags";
import { articleHref } from "@/lib/data/cards";
import { visibleWhere } from "@/lib/data/visibility";
import { excerpt } from "@/lib/text";
import type { ChannelRef } from "@/lib/data/types";

export interface FeedStory {
  id: number;
  /** Site-relative address, e.g. /liujiang/123. */
  href: string;
  title: string;
  /** The full summary; an excerpt of the body for stories without one. */
  summary: string;
  publishedAt: Date;
  /** The last edit or 更正/更新说明 after publication, else null (an edit before it is no update). */
  updatedAt: Date | null;
  channel: ChannelRef;
}

/** The latest visible stories, newest first, site-wide (`channelId` null) or of one channel. */
export const listFeedStories = cached(
  "listFeedStories",
  { ttlMs: TTL.lists, tags: () => [TAGS.site] },
  async (channelId: number | null, limit: number, nowMs: number): Promise<FeedStory[]> => {
    const db = await getDb();
    const rows = await db.article.findMany({
      where: { ...(channelId === null ? {} : { channelId }), ...visibleWhere(nowMs) },
      orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
      take: limit,
      select: {
        id: true,
        title: true,
        summary: true,
        bodyText: true,
        publishedAt: true,
        updatedAt: true,
        channel: { select: { id: true, slug: true, name: true } },
      },
    });
    return rows.map((r) => ({
      id: r.id,
      href: articleHref(r.channel.slug, r.id),
      title: r.title,
      summary: r.summary.trim() !== "" ? r.summary : excerpt(r.bodyText, 200, 100),
      publishedAt: r.publishedAt ?? new Date(0),
      updatedAt: r.publishedAt && r.updatedAt.getTime() > r.publishedAt.getTime() ? r.updatedAt : null,
      channel: r.channel,
    }));
  },
);
