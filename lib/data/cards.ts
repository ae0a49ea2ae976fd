import "server-only";
import { getDb } from "@/lib/db";
import { imageRef } from "@/lib/images/urls";
import type { ArticleCard } from "@/lib/data/types";

/** The columns every card needs; `select` only what the page shows. */
export const cardSelect = {
  id: true,
  title: true,
  summary: true,
  publishedAt: true,
  channel: { select: { id: true, slug: true, name: true } },
  leadImage: { select: { key: true, width: true, height: true, alt: true, caption: true, credit: true } },
} as const;

export interface CardRow {
  id: number;
  title: string;
  summary: string;
  publishedAt: Date | null;
  channel: { id: number; slug: string; name: string };
  leadImage: {
    key: string;
    width: number;
    height: number;
    alt: string;
    caption: string;
    credit: string;
  } | null;
}

export function articleHref(channelSlug: string, id: number): string {
  return `/${channelSlug}/${id}`;
}

export function toCard(row: CardRow): ArticleCard {
  return {
    id: row.id,
    href: articleHref(row.channel.slug, row.id),
    title: row.title,
    summary: row.summary,
    publishedAt: row.publishedAt ?? new Date(0),
    channel: row.channel,
    image: row.leadImage ? imageRef(row.leadImage) : null,
  };
}

/** Reorder fetched rows to follow `ids` (e.g. a ranking), dropping ids that were not returned. */
export function inOrder<T extends { id: number }>(ids: readonly number[], rows: readonly T[]): T[] {
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => {
    const r = byId.get(id);
    return r ? [r] : [];
  });
}

/**
 * One page of cards: the page's ids from `pageIds` (which finds them from an index only, e.g.
 * lib/data/channel-pages.ts), then the rows by primary key, with the total from `countAll`.
 */
export async function pageOfCards(
  pageIds: () => Promise<number[]>,
  countAll: () => Promise<number>,
): Promise<{ items: ArticleCard[]; total: number }> {
  const db = await getDb();
  const [total, ids] = await Promise.all([countAll(), pageIds()]);
  const rows = ids.length
    ? await db.article.findMany({ where: { id: { in: ids } }, select: cardSelect })
    : [];
  return { items: inOrder(ids, rows).map(toCard), total };
}
