// Editorial writes record which cache tags they touched, in their own transaction, as rows of the
// shared CacheInvalidation log (see lib/cache/registry.ts for how every process reads them). The
// Prisma calls are portable; nothing here depends on SQLite. On PostgreSQL the rows reach the
// other processes as notifications (lib/postgres/invalidation.ts) and this one at once.
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { noteLocalInvalidation } from "@/lib/cache/shared";

type Writer = PrismaClient | Prisma.TransactionClient;

type Later = { dueAt: Date; tags: readonly string[] };

/** How long log rows are kept (a process idle for longer starts over: see TagRegistry.apply). */
export const LOG_RETENTION_MS = 7 * 24 * 3_600_000;

/**
 * Record that everything cached under `tags` changed now and, with `later`, that everything under
 * its tags changes at its time (a scheduled story's publish minute, its unpublish minute). Call it
 * inside the transaction of the write it describes.
 */
export async function recordInvalidation(
  db: Writer,
  tags: Iterable<string>,
  now: Date,
  later: Later | readonly (Later | null)[] | null = null,
): Promise<void> {
  const laters = (Array.isArray(later) ? later : [later]).filter((l): l is Later => l !== null);
  const data = [
    ...[...new Set(tags)].map((tag) => ({ tag, dueAt: null as Date | null, createdAt: now })),
    ...laters.flatMap((l) => [...new Set(l.tags)].map((tag) => ({ tag, dueAt: l.dueAt, createdAt: now }))),
  ];
  if (data.length === 0) return;
  await db.cacheInvalidation.createMany({ data });
  noteLocalInvalidation(
    data.map((d) => ({ tag: d.tag, dueAt: d.dueAt?.getTime() ?? null })),
    now.getTime(),
  );
  const cutoff = new Date(now.getTime() - LOG_RETENTION_MS);
  await db.cacheInvalidation.deleteMany({
    where: { createdAt: { lt: cutoff }, OR: [{ dueAt: null }, { dueAt: { lt: cutoff } }] },
  });
}
