import "server-only";
import { getDb } from "@/lib/db";
import { hourBucket } from "@/lib/time";

/**
 * Count one view of a story in the current hourly bucket (and in its lifetime total). This is the
 * single entry point for view counting: batching, dedupe and bot filtering change here only.
 */
export async function recordView(articleId: number, at: Date = new Date()): Promise<void> {
  const db = await getDb();
  const bucket = hourBucket(at);
  await db.$transaction([
    db.articleViewBucket.upsert({
      where: { articleId_bucket: { articleId, bucket } },
      create: { articleId, bucket, count: 1 },
      update: { count: { increment: 1 } },
    }),
    db.article.update({ where: { id: articleId }, data: { viewCount: { increment: 1 } } }),
  ]);
}
