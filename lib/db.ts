// The one place that constructs the Prisma client (house style rule 1).
import "server-only";
import { createPrismaClient, type PrismaClient } from "@/lib/prisma-factory";
import { env } from "@/lib/env";

declare global {
  // One client per process, also across Next's dev-mode module reloads.
  var __difangDb: Promise<PrismaClient> | undefined;
}

export function getDb(): Promise<PrismaClient> {
  globalThis.__difangDb ??= createPrismaClient(env.DATABASE_URL, { poolSize: env.DATABASE_POOL_SIZE });
  return globalThis.__difangDb;
}
