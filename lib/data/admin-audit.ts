// The audit log page (admins only). Never cached; one page of the createdAt index.
import "server-only";
import { getDb } from "@/lib/db";

export const AUDIT_PAGE_SIZE = 50;

export interface AuditRow {
  id: number;
  createdAt: Date;
  /** Display name or username; "" for the command line (npm run admin:create). */
  user: string;
  action: string;
  /** The story, when the row names one that still exists. */
  article: { id: number; title: string } | null;
  /** Parsed `detail` JSON (empty object when absent or unreadable). */
  detail: Record<string, unknown>;
}

function parseDetail(text: string): Record<string, unknown> {
  if (!text) return {};
  try {
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === "object" && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : {};
  } catch {
    return {};
  }
}

/** Newest first; optionally only the rows of one story. */
export async function listAuditEntries(
  page: number,
  articleId: number | null,
): Promise<{ items: AuditRow[]; total: number }> {
  const db = await getDb();
  const where = articleId === null ? {} : { articleId };
  const [total, rows] = await Promise.all([
    db.auditLog.count({ where }),
    db.auditLog.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * AUDIT_PAGE_SIZE,
      take: AUDIT_PAGE_SIZE,
      select: {
        id: true,
        createdAt: true,
        action: true,
        detail: true,
        user: { select: { username: true, displayName: true } },
        article: { select: { id: true, title: true } },
      },
    }),
  ]);
  return {
    total,
    items: rows.map((r) => ({
      id: r.id,
      createdAt: r.createdAt,
      user: r.user ? r.user.displayName || r.user.username : "",
      action: r.action,
      article: r.article,
      detail: parseDetail(r.detail),
    })),
  };
}
