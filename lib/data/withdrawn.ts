import "server-only";
import { getDb } from "@/lib/db";

/**
 * Most withdrawn stories a list or count leaves out by id. Article saves settle them into
 * 已撤下 (lib/articles/unpublish.ts settleWithdrawn), so only those whose unpublish time passed
 * since the newsroom's last save are here: a handful.
 */
export const MAX_WITHDRAWN = 1_000;

export interface WithdrawnStory {
  id: number;
  channelId: number;
  publishedAt: Date;
}

/**
 * Published stories whose scheduled unpublish time (unpublishAt) has come: no reader sees them,
 * though the database still counts them as published (the trigger-kept counts and the status
 * copies on tag and byline links cannot know when a time comes). One range of the (status,
 * unpublishAt) index. Their publish time is before their unpublish time, so none is also scheduled.
 */
export async function withdrawnStories(nowMs: number): Promise<WithdrawnStory[]> {
  const db = await getDb();
  const rows = await db.article.findMany({
    where: { status: "published", unpublishAt: { lte: new Date(nowMs) } },
    orderBy: { unpublishAt: "asc" }, // the index's own order
    select: { id: true, channelId: true, publishedAt: true },
    take: MAX_WITHDRAWN,
  });
  return rows.flatMap((r) =>
    r.publishedAt ? [{ id: r.id, channelId: r.channelId, publishedAt: r.publishedAt }] : [],
  );
}

/** The ids of withdrawnStories, for the tag and byline links (lib/data/visibility.ts linkVisibleWhere). */
export async function withdrawnIds(nowMs: number): Promise<number[]> {
  return (await withdrawnStories(nowMs)).map((s) => s.id);
}
