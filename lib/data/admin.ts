// Reads for the editor dashboard. Never cached: editors expect their own changes at once, and
// these are a few indexed counts.
import "server-only";
import { getDb } from "@/lib/db";
import { visibleWhere } from "@/lib/data/visibility";

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
  const [byStatus, live, pendingComments] = await Promise.all([
    db.article.groupBy({ by: ["status"], _count: { _all: true } }),
    db.article.count({ where: visibleWhere(nowMs) }),
    db.comment.count({ where: { status: "pending" } }),
  ]);
  const count = (status: string) => byStatus.find((g) => g.status === status)?._count._all ?? 0;
  const published = count("published");
  return {
    stories: {
      live,
      // Published rows without a time count as scheduled: not visible, not a draft either.
      scheduled: Math.max(0, published - live),
      draft: count("draft"),
      unpublished: count("unpublished"),
      total: byStatus.reduce((sum, g) => sum + g._count._all, 0),
    },
    pendingComments,
  };
}
