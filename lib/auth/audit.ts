import "server-only";
import { getDb } from "@/lib/db";
import { AUDIT, type AuditAction } from "@/lib/auth/audit-actions";

export { AUDIT, type AuditAction };

/** One audit row; `detail` is stored as JSON text. */
export async function recordAudit(
  action: AuditAction,
  entry: { userId: number | null; detail?: Record<string, unknown>; now?: Date },
): Promise<void> {
  const db = await getDb();
  await db.auditLog.create({
    data: {
      action,
      userId: entry.userId,
      detail: entry.detail ? JSON.stringify(entry.detail) : "",
      createdAt: entry.now ?? new Date(),
    },
  });
}
