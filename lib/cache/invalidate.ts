// Editorial writes record which cache tags they touched, in their own transaction, as rows of the
// shared CacheInvalidation log (see lib/cache/registry.ts for how every process reads them). The
// Prisma calls are portable; nothing here depends on SQLite.
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";

type Writer = PrismaClient | Prisma.TransactionClient;

/** How long log rows are kept (a process idle for longer starts over: see TagRegistry.apply). */
export const LOG_RETENTION_MS = 7 * 24 * 3_600_000;

/**
 * Record that everything cached under these tags changed now, or, with `dueAt`, changes then (a
 * scheduled story's publish minute). Call it inside the transaction of the write it describes.
 */
export async function recordInvalidation(
  db: Writer,
  tags: Iterable<string>,
  now: Date,
  dueAt: Date | null = null,
): Promise<void> {
  const unique = [...new Set(tags)];
  if (unique.length === 0) return;
  await db.cacheInvalidation.createMany({
    data: unique.map((tag) => ({ tag, dueAt, createdAt: now })),
  });
  const cutoff = new Date(now.getTime() - LOG_RETENTION_MS);
  await db.cacheInvalidation.deleteMany({
    where: { createdAt: { lt: cutoff }, OR: [{ dueAt: null }, { dueAt: { lt: cutoff } }] },
  });
}
