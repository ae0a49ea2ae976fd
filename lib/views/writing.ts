// What every view writer does (lib/sqlite.ts, lib/postgres/views.ts; opened by lib/views/writer.ts).
import type { ViewEntry } from "@/lib/views/buffer";
import { PRUNE_BATCH } from "@/lib/views/hot-totals";

export interface ViewWriter {
  /**
   * In one transaction: counts the views the database admits (the first of their (client, story)
   * pair within the window, on any process: table ViewSeen) into the hourly buckets, the lifetime
   * counts and the hot lists; brings the hot lists up to `nowMs` first. Resolves to the number
   * admitted. Writing the same views again is harmless (their pairs are taken): a batch whose
   * outcome is unknown can be retried.
   */
  write(views: readonly ViewEntry[], nowMs?: number): Promise<number>;
  /**
   * The same, synchronously, for process.on("exit") (no event loop any more); may skip the hot
   * lists' maintenance (the next write of any process does it).
   */
  writeAtExit(views: readonly ViewEntry[], nowMs?: number): number;
  /** Brings the hot lists up to `nowMs` (hours leaving their windows); cheap when nothing is due. */
  maintainHotLists(nowMs: number): Promise<void>;
  close(): Promise<void>;
}

export interface ViewWriterOptions {
  /** A pair counts once per this window (VIEW_DEDUPE_WINDOW_MS). */
  windowMs?: number;
  /** SQLite: how long a write waits for another process's transaction (it blocks the event loop). */
  busyTimeoutMs?: number;
}

/**
 * ViewSeen rows are deleted this long after their window ended, not at once: a view another
 * process still holds (a flush under way, writes failing for a while, a clock a little behind)
 * must still meet its pair's row.
 */
export const VIEW_SEEN_GRACE_MS = 5 * 60_000;

/**
 * ViewSeen rows deleted per write: at least PRUNE_BATCH (a bounded transaction), and twice the
 * batch, so the table keeps up with any rate of new pairs and stays about one window of traffic.
 */
export const seenPruneLimit = (batchSize: number): number => Math.max(PRUNE_BATCH, 2 * batchSize);
