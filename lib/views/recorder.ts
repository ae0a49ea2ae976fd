// One process's view counting: the cheap in-memory filter (ViewDeduper), the buffer, and the
// writer that lets the database decide and count (lib/views/writing.ts). lib/views/record-view.ts
// keeps one per process; tests make several to play several app processes.
import { HOUR_MS } from "@/lib/time";
import { ViewBuffer } from "@/lib/views/buffer";
import { ViewFlusher, type FlushLog } from "@/lib/views/flush";
import {
  VIEW_DEDUPE_WINDOW_MS,
  ViewDeduper,
  clientKey,
  isCountableUserAgent,
  viewKey,
} from "@/lib/views/policy";
import { openViewWriter } from "@/lib/views/writer";
import type { ViewWriter } from "@/lib/views/writing";

/**
 * "counted": taken into the buffer (the database may still find the pair taken by another
 * process); "duplicate": this process counted the pair within the window; "ignored": not a reader.
 */
export type ViewOutcome = "counted" | "duplicate" | "ignored";

export interface ViewRecorderOptions {
  databaseUrl: string;
  /** Salt of the client keys (IP_HASH_SALT): the same on every process, or pairs never meet. */
  salt: string;
  windowMs?: number;
  log?: FlushLog;
}

export class ViewRecorder {
  private readonly buffer = new ViewBuffer();
  private readonly deduper: ViewDeduper;
  private readonly writer: ViewWriter;
  private readonly flusher: ViewFlusher;
  private readonly salt: string;
  private readonly log: FlushLog;
  /** The hour whose start the hot lists were last brought up to by this process (-1: never). */
  private hotListsHour = -1;
  private hotListsPending: Promise<void> | null = null;

  constructor(options: ViewRecorderOptions) {
    const windowMs = options.windowMs ?? VIEW_DEDUPE_WINDOW_MS;
    this.salt = options.salt;
    this.log = options.log ?? console;
    this.deduper = new ViewDeduper(windowMs);
    this.writer = openViewWriter(options.databaseUrl, { windowMs });
    this.flusher = new ViewFlusher(this.buffer, this.writer, this.log);
  }

  /** Count one view of a story by a reader (see lib/views/record-view.ts recordView). */
  record(
    articleId: number,
    client: { address: string; userAgent: string | null },
    now: number = Date.now(),
  ): ViewOutcome {
    if (!isCountableUserAgent(client.userAgent)) return "ignored";
    const key = clientKey(client.address, client.userAgent ?? "", this.salt);
    if (!this.deduper.admit(key, articleId, now)) return "duplicate";
    this.buffer.add(viewKey(key, articleId), articleId, now);
    return "counted";
  }

  /** Writes everything buffered (after a flush under way); the views written, 0 on failure. */
  flush(): Promise<number> {
    return this.flusher.flush();
  }

  /** The timer's flush: skipped while one is under way (a slow write does not pile up more). */
  tick(): void {
    if (!this.flusher.busy) void this.flusher.flush();
  }

  /** Synchronous last flush (process.on("exit")). */
  finalFlush(): void {
    this.flusher.finalFlush();
  }

  /**
   * Take the hours that have left each hot list's window out of its totals, before a list is
   * read. Hours leave the windows only when the hour changes: once per hour per process is
   * enough (view flushes do it too). A failure (the database busy or full) leaves the totals as
   * they were: the list is read a little late rather than not at all.
   */
  maintainHotLists(nowMs: number): Promise<void> {
    const hour = Math.floor(nowMs / HOUR_MS);
    if (hour === this.hotListsHour) return Promise.resolve();
    this.hotListsPending ??= this.writer
      .maintainHotLists(nowMs)
      .then(() => {
        this.hotListsHour = hour;
      })
      .catch((error: unknown) =>
        this.log.error(`hot lists: cannot bring the totals up to date: ${String(error)}`),
      )
      .finally(() => {
        this.hotListsPending = null;
      });
    return this.hotListsPending;
  }

  /** Views waiting to be written. */
  get pending(): number {
    return this.buffer.size;
  }

  close(): Promise<void> {
    return this.writer.close();
  }
}
