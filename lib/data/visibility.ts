import "server-only";

/**
 * A story is visible to readers when it is published, its publish time has come and its
 * scheduled unpublish time (定时撤稿, unpublishAt) has not. Scheduling either way is nothing more
 * than a time on a published story, so neither can be "missed". The unpublish time is a check on
 * the row already read from the list's index (never an index of its own), so every list keeps its
 * plan (lib/data/query-plan.int.test.ts).
 */
export function visibleWhere(nowMs: number) {
  const now = new Date(nowMs);
  return {
    status: "published" as const,
    publishedAt: { lte: now },
    OR: [{ unpublishAt: null }, { unpublishAt: { gt: now } }],
  };
}

/**
 * The same for the tag and byline links (ArticleTag, ArticleAuthor), which carry copies of their
 * story's status and publish time (kept by triggers) but not of its unpublish time: the stories
 * withdrawn by their unpublish time (lib/data/withdrawn.ts, a handful) are left out by id, a check
 * on the index entry itself, so a tag's page and count stay one index range.
 */
export function linkVisibleWhere(nowMs: number, withdrawn: readonly number[]) {
  return {
    status: "published" as const,
    publishedAt: { lte: new Date(nowMs) },
    ...(withdrawn.length > 0 && { articleId: { notIn: [...withdrawn] } }),
  };
}

export function isVisible(
  a: { status: string; publishedAt: Date | null; unpublishAt: Date | null },
  nowMs: number,
): boolean {
  return (
    a.status === "published" &&
    a.publishedAt !== null &&
    a.publishedAt.getTime() <= nowMs &&
    (a.unpublishAt === null || a.unpublishAt.getTime() > nowMs)
  );
}
