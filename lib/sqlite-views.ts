// SQLite-only: the view-count writer. A dedicated better-sqlite3 connection writes each batch in
// ONE synchronous transaction, so a flush can never interleave with other JavaScript (no half-
// written batch) and the final flush can run inside process.on("exit") when the server stops.
// (On PostgreSQL this becomes an async batch upsert plus a SIGTERM hook: README § Operations.)
import Database from "better-sqlite3";
import type { ViewBatchRow } from "@/lib/views/buffer";

/** DateTime columns as Prisma's better-sqlite3 adapter stores them: `2026-11-25T02:00:00.000+00:00`. */
export function sqliteDateTime(ms: number): string {
  return new Date(ms).toISOString().replace("Z", "+00:00");
}

export interface ViewWriter {
  write(rows: readonly ViewBatchRow[]): void;
  close(): void;
}

/**
 * Opens the writer. `busyTimeoutMs` is short on purpose: the call blocks the event loop while it
 * waits, and a batch that cannot get the lock is simply retried at the next flush.
 */
export function openViewWriter(databaseUrl: string, busyTimeoutMs = 100): ViewWriter {
  const db = new Database(databaseUrl.replace(/^file:/, ""), { timeout: busyTimeoutMs });
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = NORMAL");
  db.pragma("foreign_keys = ON");
  const upsert = db.prepare(
    `INSERT INTO "ArticleViewBucket" ("articleId", "bucket", "count") VALUES (?, ?, ?)
     ON CONFLICT ("articleId", "bucket") DO UPDATE SET "count" = "count" + excluded."count"`,
  );
  const total = db.prepare(`UPDATE "Article" SET "viewCount" = "viewCount" + ? WHERE "id" = ?`);
  const exists = db.prepare(`SELECT 1 FROM "Article" WHERE "id" = ?`);
  const writeBatch = db.transaction((rows: readonly ViewBatchRow[]) => {
    for (const r of rows) {
      // A story deleted since it was read: its views go with it.
      if (!exists.get(r.articleId)) continue;
      upsert.run(r.articleId, sqliteDateTime(r.bucketMs), r.count);
      total.run(r.count, r.articleId);
    }
  });
  return {
    write: (rows) => {
      if (rows.length > 0) writeBatch.immediate(rows);
    },
    close: () => db.close(),
  };
}
