// Reads for the editor dashboard. Never cached: editors expect their own changes at once, and
// these are a few indexed counts.
import "server-only";
import { getDb } from "@/lib/db";

export interface DashboardCounts {
  stories: {
    /** Published with a publish time that has come (what readers see). */
    live: number;
    /** Published with a future publish time. */
    scheduled: number;
    draft: number;
    unpublished: number;
    total: number;
  };
  pendingComments: number;
}

export async function getDashboardCounts(nowMs: number = Date.now()): Promise<DashboardCounts> {
  const db = await getDb();
  const now = new Date(nowMs);
  // Published stories whose time has come, less those withdrawn by their unpublish time (two
  // index ranges: the unpublish time is no part of the (status, publishedAt) index).
  const [byStatus, timed, withdrawn, pendingComments] = await Promise.all([
    db.article.groupBy({ by: ["status"], _count: { _all: true } }),
    db.article.count({ where: { status: "published", publishedAt: { lte: now } } }),
    db.article.count({ where: { status: "published", unpublishAt: { lte: now } } }),
    db.comment.count({ where: { status: "pending" } }),
  ]);
  const count = (status: string) => byStatus.find((g) => g.status === status)?._count._all ?? 0;
  const published = count("published");
  return {
    stories: {
      live: Math.max(0, timed - withdrawn),
      // Published rows without a time count as scheduled: not visible, not a draft either.
      scheduled: Math.max(0, published - timed),
      draft: count("draft"),
      // Withdrawn by their unpublish time: 已撤下 for editors (lib/articles/status.ts deriveStatus).
      unpublished: count("unpublished") + withdrawn,
      total: byStatus.reduce((sum, g) => sum + g._count._all, 0),
    },
    pendingComments,
  };
}
