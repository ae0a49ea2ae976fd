// Writing buffered views (lib/views/buffer.ts) through the view writer (lib/sqlite.ts), and what
// happens when that fails. A failed batch goes back into the buffer, so views acknowledged to
// readers are kept in memory until the database takes them again (a full disk, a lock held too
// long); the operator gets one clear line when writes start failing, a reminder every minute
// while they keep failing, and one when they work again, not a stack trace every second. Only
// what a process still holds when it stops can be lost, and then the log says how many.
import type { ViewBuffer } from "@/lib/views/buffer";
import type { ViewWriter } from "@/lib/sqlite";
import { describeWriteError } from "@/lib/storage-full";

export interface FlushLog {
  error(message: string): void;
  info(message: string): void;
}

/** While failures continue, repeat the error every this many attempts (one a second: a minute). */
export const FLUSH_REMINDER_EVERY = 60;

export class ViewFlusher {
  private failures = 0;

  constructor(
    private readonly buffer: ViewBuffer,
    private readonly writer: Pick<ViewWriter, "write">,
    private readonly log: FlushLog = console,
  ) {}

  /** Failed attempts in a row (0 when the last one worked). */
  get failing(): number {
    return this.failures;
  }

  /** Writes everything buffered in one transaction; returns the views written (0 on failure). */
  flush(): number {
    const rows = this.buffer.drain();
    const views = rows.reduce((sum, row) => sum + row.count, 0);
    if (rows.length === 0) return 0;
    try {
      this.writer.write(rows);
    } catch (error) {
      this.buffer.restore(rows);
      if (this.failures % FLUSH_REMINDER_EVERY === 0) {
        this.log.error(
          `views: cannot write ${views} buffered views: ${describeWriteError(error)}. ` +
            `They stay in memory and are retried every second${this.failures > 0 ? ` (${this.failures} failed attempts so far)` : ""}.`,
        );
      }
      this.failures++;
      return 0;
    }
    if (this.failures > 0) {
      this.log.info(`views: writing again after ${this.failures} failed attempts; ${views} views written`);
      this.failures = 0;
    }
    return views;
  }

  /** The last flush when the process stops: what it cannot write is lost, and the log says so. */
  finalFlush(): void {
    const pending = this.buffer.size;
    if (pending === 0) return;
    if (this.flush() === 0) {
      this.log.error(
        `views: ${this.buffer.size} of ${pending} views could not be written at shutdown and are lost`,
      );
    }
  }
}
