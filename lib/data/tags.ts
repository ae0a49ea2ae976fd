import "server-only";
import { cached } from "@/lib/cache/memo";
import { getDb } from "@/lib/db";
import { TAGS, TTL } from "@/lib/data/cache-tags";
import { listCardsByIds } from "@/lib/data/articles";
import { linkVisibleWhere } from "@/lib/data/visibility";
import { withdrawnIds } from "@/lib/data/withdrawn";
import type { ArticleCard } from "@/lib/data/types";
import { PAGE_SIZE } from "@/lib/pagination";

export interface TagInfo {
  id: number;
  name: string;
}

export interface TagPage {
  items: ArticleCard[];
  total: number;
}

/** Address of a tag's page: /tag/<name>, the name percent-encoded. */
export function tagHref(name: string): string {
  return `/tag/${encodeURIComponent(name)}`;
}

/**
 * A tag by its exact name. Tags change only with editorial writes of stories, which drop the
 * site tag, so that tag covers this read too.
 */
export const getTagByName = cached(
  "getTagByName",
  { ttlMs: TTL.editorial, tags: () => [TAGS.site] },
  async (name: string): Promise<TagInfo | null> => {
    // No stored name holds U+0000 (input is cleaned, lib/text.ts), and PostgreSQL would fail the query.
    if (name === "" || name.length > 200 || name.includes("\u0000")) return null;
    const db = await getDb();
    return db.tag.findUnique({ where: { name }, select: { id: true, name: true } });
  },
);

/**
 * One page of a tag's visible stories, newest first: one range of the (tagId, status,
 * publishedAt, articleId) index of the tag links, which carry their story's status and time.
 */
export const listTagArticles = cached(
  "listTagArticles",
  {
    ttlMs: TTL.lists,
    tags: () => [TAGS.site],
    // A page number past the end (a scanner counting up) is not kept: it would push real pages out.
    keep: (page) => page.items.length > 0,
  },
  async (tagId: number, page: number, nowMs: number): Promise<TagPage> => {
    const db = await getDb();
    const where = { tagId, ...linkVisibleWhere(nowMs, await withdrawnIds(nowMs)) };
    const [total, links] = await Promise.all([
      db.articleTag.count({ where }),
      db.articleTag.findMany({
        where,
        orderBy: [{ publishedAt: "desc" }, { articleId: "desc" }],
        skip: (page - 1) * PAGE_SIZE,
        take: PAGE_SIZE,
        select: { articleId: true },
      }),
    ]);
    return {
      items: await listCardsByIds(
        links.map((l) => l.articleId),
        nowMs,
      ),
      total,
    };
  },
);
