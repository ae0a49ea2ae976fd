import "server-only";
import { env } from "@/lib/env";
import { ViewRecorder, type ViewOutcome } from "@/lib/views/recorder";

export type { ViewOutcome };

/** How often buffered views are written. */
export const VIEW_FLUSH_INTERVAL_MS = 1_000;

declare global {
  var __difangViews: ViewRecorder | undefined;
}

/**
 * Write everything buffered, in one transaction. On failure (a full disk, the database server
 * away) the views go back into the buffer and are retried at the next flush (lib/views/flush.ts).
 */
export function flushViews(): Promise<number> {
  return globalThis.__difangViews?.flush() ?? Promise.resolve(0);
}

function recorder(): ViewRecorder {
  if (globalThis.__difangViews) return globalThis.__difangViews;
  const r = new ViewRecorder({ databaseUrl: env.DATABASE_URL, salt: env.IP_HASH_SALT });
  globalThis.__difangViews = r;
  const timer = setInterval(() => r.tick(), VIEW_FLUSH_INTERVAL_MS);
  timer.unref();
  // `next start` closes the server on SIGTERM/SIGINT, lets pending requests finish, then calls
  // process.exit: the "exit" hook runs after all of that and writes what is left, synchronously
  // (on PostgreSQL through a child process, lib/postgres/views.ts writeAtExit).
  process.once("exit", () => {
    clearInterval(timer);
    r.finalFlush();
  });
  return r;
}

/**
 * Count one view of a story. The single entry point for view counting: readers only (no
 * self-declared crawlers or headless clients), once per client and story per window on every
 * process together (keyed on a salted hash of address + user agent, never the raw address; the
 * database has the last word, table ViewSeen), buffered and written in batches.
 */
export function recordView(
  articleId: number,
  client: { address: string; userAgent: string | null },
  now: number = Date.now(),
): ViewOutcome {
  if (!env.VIEW_BEACON_ENABLED) return "ignored";
  return recorder().record(articleId, client, now);
}

/** Brings the hot lists up to `nowMs` before one is read (lib/views/recorder.ts). */
export function maintainHotLists(nowMs: number): Promise<void> {
  return recorder().maintainHotLists(nowMs);
}

/** Views waiting to be written (tests, health). */
export function pendingViews(): number {
  return globalThis.__difangViews?.pending ?? 0;
}
