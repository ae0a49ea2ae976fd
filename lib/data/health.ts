import "server-only";
import { getDb } from "@/lib/db";

/** Liveness and database reachability for /api/health. */
export async function checkDatabase(): Promise<{ ok: boolean; articles: number }> {
  const db = await getDb();
  const articles = await db.article.count({ where: { status: "published" } });
  return { ok: true, articles };
}
