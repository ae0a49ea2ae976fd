import "server-only";
import type { Dialect } from "@/lib/database-url";
import { getDb } from "@/lib/db";
import { clientDialect } from "@/lib/prisma-factory";

/**
 * Liveness and database reachability for /api/health. On PostgreSQL the node must also be able
 * to write (comments, view counts): connected to a read-only standby (after a failover, or a
 * DATABASE_URL pointing at a replica) it answers 503 and the load balancer takes it out.
 */
export async function checkDatabase(): Promise<{ ok: boolean; dialect: Dialect; articles: number }> {
  const db = await getDb();
  const articles = await db.article.count({ where: { status: "published" } });
  const dialect = clientDialect(db);
  if (dialect === "postgresql") {
    const [row] = await db.$queryRaw<{ standby: boolean }[]>`SELECT pg_is_in_recovery() AS "standby"`;
    if (row?.standby !== false) throw new Error("the PostgreSQL server is a read-only standby");
  }
  return { ok: true, dialect, articles };
}
