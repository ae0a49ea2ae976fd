import "server-only";
import { env } from "@/lib/env";
import { openViewWriter, type ViewWriter } from "@/lib/sqlite";
import { HOUR_MS, hourBucket } from "@/lib/time";
import { ViewBuffer } from "@/lib/views/buffer";
import { ViewFlusher } from "@/lib/views/flush";
import { ViewDeduper, clientKey, isCountableUserAgent } from "@/lib/views/policy";

/** A reader refreshing a story within this window counts once. */
export const VIEW_DEDUPE_WINDOW_MS = 30 * 60_000;
/** How often buffered views are written. */
export const VIEW_FLUSH_INTERVAL_MS = 1_000;

interface Recorder {
  buffer: ViewBuffer;
  deduper: ViewDeduper;
  writer: ViewWriter;
  flusher: ViewFlusher;
  timer: NodeJS.Timeout;
  /** The hour whose start this process's hot lists were last brought up to (-1: never). */
  hotListsHour: number;
}

declare global {
  var __difangViews: Recorder | undefined;
}

/**
 * Write everything buffered, in one transaction. On failure (a full disk) the rows go back into
 * the buffer and are retried at the next flush (lib/views/flush.ts).
 */
export function flushViews(): number {
  return globalThis.__difangViews?.flusher.flush() ?? 0;
}

function recorder(): Recorder {
  if (globalThis.__difangViews) return globalThis.__difangViews;
  const timer = setInterval(flushViews, VIEW_FLUSH_INTERVAL_MS);
  timer.unref();
  const buffer = new ViewBuffer();
  const writer = openViewWriter(env.DATABASE_URL);
  const r: Recorder = {
    buffer,
    deduper: new ViewDeduper(VIEW_DEDUPE_WINDOW_MS),
    writer,
    flusher: new ViewFlusher(buffer, writer),
    timer,
    hotListsHour: -1,
  };
  globalThis.__difangViews = r;
  // `next start` closes the server on SIGTERM/SIGINT, lets pending requests finish, then calls
  // process.exit: the "exit" hook runs after all of that and writes what is left, synchronously.
  process.once("exit", () => {
    clearInterval(timer);
    r.flusher.finalFlush();
    r.writer.close();
  });
  return r;
}

export type ViewOutcome = "counted" | "duplicate" | "ignored";

/**
 * Count one view of a story. The single entry point for view counting: readers only (no
 * self-declared crawlers or headless clients), once per client and story per window (keyed on a
 * salted hash of address + user agent, never the raw address), buffered and written in batches.
 */
export function recordView(
  articleId: number,
  client: { address: string; userAgent: string | null },
  now: number = Date.now(),
): ViewOutcome {
  if (!env.VIEW_BEACON_ENABLED || !isCountableUserAgent(client.userAgent)) return "ignored";
  const r = recorder();
  const key = clientKey(client.address, client.userAgent ?? "", env.IP_HASH_SALT);
  if (!r.deduper.admit(key, articleId, now)) return "duplicate";
  r.buffer.add(articleId, hourBucket(new Date(now)).getTime());
  return "counted";
}

/**
 * Take the hours that have left each hot list's window out of its totals (lib/sqlite.ts), before
 * a list is read. A failure (the database busy or full) leaves the totals as they were: the list
 * is read a little late rather than not at all.
 */
export function maintainHotLists(nowMs: number): void {
  // Hours leave the windows only when the hour changes: once per hour is enough, so a page
  // render takes the write lock for this at most once an hour (view flushes do it too).
  const r = recorder();
  const hour = Math.floor(nowMs / HOUR_MS);
  if (hour === r.hotListsHour) return;
  try {
    r.writer.maintainHotLists(nowMs);
    r.hotListsHour = hour;
  } catch (error) {
    console.error("hot lists: cannot bring the totals up to date:", error);
  }
}

/** Views waiting to be written (tests, health). */
export function pendingViews(): number {
  return globalThis.__difangViews?.buffer.size ?? 0;
}
