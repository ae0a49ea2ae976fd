// Builds a Prisma client over better-sqlite3 with the pragmas applied. Used by lib/db.ts (the app)
// and by command-line scripts and tests, which cannot import the server-only module.
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { applySqlitePragmas } from "@/lib/sqlite";

export type { PrismaClient };

export async function createPrismaClient(url: string): Promise<PrismaClient> {
  const client = new PrismaClient({ adapter: new PrismaBetterSQLite3({ url, timeout: 5000 }) });
  await applySqlitePragmas(client);
  return client;
}
