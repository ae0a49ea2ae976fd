// Transaction-scoped advisory locks on PostgreSQL: transactions that name the same key run one
// after the other across every app process, and the lock ends with the transaction (commit or
// rollback). SQLite needs no twin: a transaction that writes first holds the database's one write
// lock until it ends.
import { createHash } from "node:crypto";
import type { Prisma } from "@/lib/generated/prisma/client";

/** A 64-bit lock key for a name (two names sharing a key only wait for each other, never wrongly pass). */
function advisoryKey(name: string): bigint {
  return createHash("sha256").update(`difang:${name}`).digest().readBigInt64BE(0);
}

/**
 * Take the locks of `names` for the rest of the transaction, in ascending key order so that two
 * transactions wanting overlapping sets cannot deadlock.
 */
export async function lockForTransaction(
  tx: Prisma.TransactionClient,
  names: readonly string[],
): Promise<void> {
  const keys = [...new Set(names.map(advisoryKey))].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  for (const key of keys) await tx.$executeRaw`SELECT pg_advisory_xact_lock(${key}::bigint)`;
}
