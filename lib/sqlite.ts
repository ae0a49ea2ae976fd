// Every SQLite-only statement of the app lives here (pragmas now; FTS queries later), so that the
// rest of the code stays portable to PostgreSQL. See README § Operations.
import type { PrismaClient } from "@/lib/generated/prisma/client";

/**
 * Per-connection settings. WAL lets readers run while a writer commits; NORMAL synchronous is
 * safe with WAL (a power cut may lose the last commits, never corrupt the file). better-sqlite3
 * enables foreign keys by default and its `timeout` option is the busy timeout; both are set again
 * here so the intent is visible and checked by a test.
 */
export const SQLITE_PRAGMAS = [
  "PRAGMA journal_mode = WAL",
  "PRAGMA synchronous = NORMAL",
  "PRAGMA foreign_keys = ON",
  "PRAGMA busy_timeout = 5000",
] as const;

export async function applySqlitePragmas(db: PrismaClient): Promise<void> {
  for (const pragma of SQLITE_PRAGMAS) {
    // PRAGMA statements return rows; $queryRawUnsafe accepts that, $executeRawUnsafe does not.
    await db.$queryRawUnsafe(pragma);
  }
}

export async function readSqlitePragma(db: PrismaClient, name: "journal_mode" | "synchronous" | "foreign_keys" | "busy_timeout"): Promise<string> {
  const rows = await db.$queryRawUnsafe<Record<string, unknown>[]>(`PRAGMA ${name}`);
  const first = rows[0];
  if (!first) return "";
  const value = Object.values(first)[0];
  return String(value);
}
