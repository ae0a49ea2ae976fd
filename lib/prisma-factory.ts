// Builds the Prisma client for a DATABASE_URL: over better-sqlite3 with the pragmas applied for a
// `file:` URL, over node-postgres (@prisma/adapter-pg) with a bounded pool for a `postgresql://`
// URL. Used by lib/db.ts (the app) and by command-line scripts and tests, which cannot import the
// server-only module.
//
// Both clients are generated from the same models (prisma/schema.prisma and its generated twin
// prisma/postgresql/schema.prisma), so they have the same API; the app is typed against the
// SQLite one, and the PostgreSQL one is given that type here. The PostgreSQL modules are loaded
// only when selected.
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { applySqlitePragmas } from "@/lib/sqlite";
import { serializeTransactions } from "@/lib/serialized-adapter";
import { dialectOf, type Dialect } from "@/lib/database-url";
import { releaseOnFailedCommit } from "@/lib/postgres/adapter";

export type { PrismaClient };

declare global {
  // The store of each client built here (the two clients have the same type, see the header). On
  // globalThis because Next bundles this module into several chunks, each with its own copy of
  // module-level state, while the client itself is shared (lib/db.ts).
  var __difangDialects: WeakMap<PrismaClient, Dialect> | undefined;
  // SQL statements sent by this process's clients, when counted (queriesSent below).
  var __difangQueries: number | undefined;
}
const dialects = (globalThis.__difangDialects ??= new WeakMap<PrismaClient, Dialect>());

/** Which store a client built by createPrismaClient talks to (lib/search-store.ts dispatches on it). */
export function clientDialect(db: PrismaClient): Dialect {
  const dialect = dialects.get(db);
  if (dialect === undefined)
    throw new Error("clientDialect: this client was not built by createPrismaClient");
  return dialect;
}

export interface ClientOptions {
  /** PostgreSQL: most connections this client opens (default 10). */
  poolSize?: number;
}

/**
 * Settings of every PostgreSQL connection, sent when it opens (parameters of the connection
 * string, e.g. `?application_name=…`, take precedence):
 * - TimeZone UTC: DateTime columns are TIMESTAMP(3) holding UTC, and raw SQL that turns them
 *   into instants or compares them with now() must not depend on the server's zone;
 * - a statement timeout, so a runaway query (a search of a common word on a huge archive, a
 *   lock wait) fails with an error instead of holding a connection of the small pool forever;
 *   maintenance that takes longer sets its own (SET LOCAL, lib/postgres/search.ts);
 * - the application name, which names the app's sessions in pg_stat_activity.
 */
export const POSTGRES_SESSION = {
  timeZone: "UTC",
  statementTimeoutMs: 15_000,
  applicationName: "difang",
} as const;

/**
 * With DIFANG_COUNT_QUERIES=1 (set by `npm run bench` for its server), every SQL statement the
 * process sends is counted, and /api/health reports the count: the bench shows with it that warm
 * reader pages and the live endpoint cost none. Off otherwise (Prisma then emits no query events).
 */
const COUNT_QUERIES = process.env.DIFANG_COUNT_QUERIES === "1";

/** Statements sent so far by this process, or null when not counted. */
export function queriesSent(): number | null {
  return COUNT_QUERIES ? (globalThis.__difangQueries ?? 0) : null;
}

function counted<C extends { $on(event: "query", cb: () => void): void }>(client: C): C {
  client.$on("query", () => {
    globalThis.__difangQueries = (globalThis.__difangQueries ?? 0) + 1;
  });
  return client;
}

export async function createPrismaClient(url: string, options: ClientOptions = {}): Promise<PrismaClient> {
  if (dialectOf(url) === "postgresql") {
    const [{ PrismaPg }, pg] = await Promise.all([
      import("@prisma/adapter-pg"),
      import("@/lib/generated/prisma-pg/client"),
    ]);
    const adapter = releaseOnFailedCommit(
      new PrismaPg({
        connectionString: url,
        max: options.poolSize ?? 10,
        // A query that waits longer than this for a connection fails with a clear error instead of
        // queueing forever behind a stuck pool.
        connectionTimeoutMillis: 10_000,
        application_name: POSTGRES_SESSION.applicationName,
        statement_timeout: POSTGRES_SESSION.statementTimeoutMs,
        options: `-c TimeZone=${POSTGRES_SESSION.timeZone}`,
      }),
    );
    // Same models, same generated API (see the header): only the nominal types differ.
    const client = (COUNT_QUERIES
      ? counted(new pg.PrismaClient({ adapter, log: [{ emit: "event", level: "query" }] }))
      : new pg.PrismaClient({ adapter })) as unknown as PrismaClient;
    dialects.set(client, "postgresql");
    return client;
  }
  // One connection per process; a transaction keeps it to itself while open (serialized-adapter.ts).
  const adapter = serializeTransactions(new PrismaBetterSQLite3({ url, timeout: 5000 }));
  const client: PrismaClient = COUNT_QUERIES
    ? counted(new PrismaClient({ adapter, log: [{ emit: "event", level: "query" }] }))
    : new PrismaClient({ adapter });
  await applySqlitePragmas(client);
  dialects.set(client, "sqlite");
  return client;
}
