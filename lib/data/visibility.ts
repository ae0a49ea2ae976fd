import "server-only";

/**
 * A story is visible to readers when it is published and its publish time has come. Scheduling is
 * nothing more than a published story with a future time, so it can never be "missed".
 */
export function visibleWhere(nowMs: number) {
  return { status: "published", publishedAt: { lte: new Date(nowMs) } } as const;
}

export function isVisible(a: { status: string; publishedAt: Date | null }, nowMs: number): boolean {
  return a.status === "published" && a.publishedAt !== null && a.publishedAt.getTime() <= nowMs;
}
