// Story status as editors see it. The database stores draft | published | unpublished; a published
// story whose publish time lies in the future (or is missing) is "scheduled", one whose scheduled
// unpublish time (定时撤稿) has passed is "unpublished". Visibility is decided when read
// (lib/data/visibility.ts), so this is only the label and the list filter.
import { formatDate, formatDateTime } from "@/lib/time";

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

/**
 * The status an editor sees at `nowMs`. Unknown stored values count as drafts (never shown).
 * `unpublishAt` absent: the row has none.
 */
export function deriveStatus(
  a: { status: string; publishedAt: Date | null; unpublishAt?: Date | null },
  nowMs: number,
): DisplayStatus {
  if (a.status === "published") {
    // Same rules as isVisible(): a published row without a time is not shown yet, and one whose
    // unpublish time has come is shown no more.
    if (a.unpublishAt && a.unpublishAt.getTime() <= nowMs) return "unpublished";
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
      return {
        status: "published",
        publishedAt: { lte: now },
        OR: [{ unpublishAt: null }, { unpublishAt: { gt: now } }],
      };
    case "scheduled":
      return { status: "published", OR: [{ publishedAt: { gt: now } }, { publishedAt: null }] };
    case "unpublished":
      return { OR: [{ status: "unpublished" }, { status: "published", unpublishAt: { lte: now } }] };
    case "draft":
      return { status: { notIn: ["published", "unpublished"] } };
  }
}

/**
 * The note beside a live or scheduled story's label while its unpublish time (定时撤稿) is ahead:
 * "定时撤稿 18:30" today (Beijing time), "定时撤稿 2026-12-02 18:30" on another day; null otherwise.
 */
export function unpublishNote(
  a: { status: string; publishedAt: Date | null; unpublishAt: Date | null },
  nowMs: number,
): string | null {
  if (!a.unpublishAt || a.unpublishAt.getTime() <= nowMs || a.status !== "published") return null;
  const at = formatDateTime(a.unpublishAt);
  return `定时撤稿 ${formatDate(a.unpublishAt) === formatDate(new Date(nowMs)) ? at.slice(11) : at}`;
}
