import "server-only";
import { getDb } from "@/lib/db";

/** Lifetime views of one story, read fresh (not cached). */
export async function getViewTotal(articleId: number): Promise<number> {
  const db = await getDb();
  const row = await db.article.findUnique({ where: { id: articleId }, select: { viewCount: true } });
  return row?.viewCount ?? 0;
}
