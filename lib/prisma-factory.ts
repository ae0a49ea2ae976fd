// Builds a Prisma client over better-sqlite3 with the pragmas applied. Used by lib/db.ts (the app)
// and by command-line scripts and tests, which cannot import the server-only module.
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { applySqlitePragmas } from "@/lib/sqlite";
import { serializeTransactions } from "@/lib/serialized-adapter";

export type { PrismaClient };

export async function createPrismaClient(url: string): Promise<PrismaClient> {
  // One connection per process; a transaction keeps it to itself while open (serialized-adapter.ts).
  const adapter = serializeTransactions(new PrismaBetterSQLite3({ url, timeout: 5000 }));
  const client = new PrismaClient({ adapter });
  await applySqlitePragmas(client);
  return client;
}
