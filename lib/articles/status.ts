// Story status as editors see it. The database stores draft | published | unpublished; a published
// story whose publish time lies in the future (or is missing) is "scheduled". Visibility is decided
// when read (lib/data/visibility.ts), so this is only the label and the list filter.

export const STORED_STATUSES = ["draft", "published", "unpublished"] as const;
export type StoredStatus = (typeof STORED_STATUSES)[number];

export const DISPLAY_STATUSES = ["draft", "scheduled", "published", "unpublished"] as const;
export type DisplayStatus = (typeof DISPLAY_STATUSES)[number];

export const STATUS_LABELS: Record<DisplayStatus, string> = {
  draft: "草稿",
  scheduled: "定时发布",
  published: "已发布",
  unpublished: "已撤下",
};

export function isStoredStatus(value: string): value is StoredStatus {
  return (STORED_STATUSES as readonly string[]).includes(value);
}

export function isDisplayStatus(value: string): value is DisplayStatus {
  return (DISPLAY_STATUSES as readonly string[]).includes(value);
}

/** The status an editor sees at `nowMs`. Unknown stored values count as drafts (never shown). */
export function deriveStatus(a: { status: string; publishedAt: Date | null }, nowMs: number): DisplayStatus {
  if (a.status === "published") {
    // Same rule as isVisible(): a published row without a time is not shown yet.
    return a.publishedAt !== null && a.publishedAt.getTime() <= nowMs ? "published" : "scheduled";
  }
  if (a.status === "unpublished") return "unpublished";
  return "draft";
}

/** The `where` fragment (Prisma shape) of one list filter at `nowMs`. */
export function statusWhere(filter: DisplayStatus, nowMs: number) {
  const now = new Date(nowMs);
  switch (filter) {
    case "published":
      return { status: "published", publishedAt: { lte: now } };
    case "scheduled":
      return { status: "published", OR: [{ publishedAt: { gt: now } }, { publishedAt: null }] };
    case "unpublished":
      return { status: "unpublished" };
    case "draft":
      return { status: { notIn: ["published", "unpublished"] } };
  }
}
