import "server-only";
import { cached } from "@/lib/cache/memo";
import { getDb } from "@/lib/db";
import { TAGS, TTL } from "@/lib/data/cache-tags";
import type { CommentView } from "@/lib/data/types";

export const COMMENTS_PER_PAGE = 10;

/** Approved comments of a story, newest first. */
export const listApprovedComments = cached(
  "listApprovedComments",
  { ttlMs: TTL.editorial, tags: ([articleId]) => [TAGS.comments(articleId)] },
  async (articleId: number, page: number): Promise<{ items: CommentView[]; total: number }> => {
    const db = await getDb();
    const where = { articleId, status: "approved" };
    const [total, rows] = await Promise.all([
      db.comment.count({ where }),
      db.comment.findMany({
        where,
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        skip: (page - 1) * COMMENTS_PER_PAGE,
        take: COMMENTS_PER_PAGE,
        select: { id: true, nickname: true, body: true, createdAt: true },
      }),
    ]);
    return { items: rows, total };
  },
);
