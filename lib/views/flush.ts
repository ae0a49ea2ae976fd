// Writing buffered views (lib/views/buffer.ts) through the view writer (lib/views/writing.ts), and
// what happens when that fails. A failed batch goes back into the buffer, so views acknowledged to
// readers are kept in memory until the database takes them again (a full disk, a lock held too
// long, the server restarting); the operator gets one clear line when writes start failing, a
// reminder every minute while they keep failing, and one when they work again, not a stack trace
// every second. Only what a process still holds when it stops can be lost, and then the log says
// how many.
//
// Flushes never overlap: one asked for while another runs waits for it, and asks after it are
// folded into that one wait (a batch written twice at once would only be deduplicated, but the
// second transaction would wait for the first's lock for nothing).
import type { ViewBuffer, ViewEntry } from "@/lib/views/buffer";
import type { ViewWriter } from "@/lib/views/writing";
import { describeWriteError } from "@/lib/storage-full";

export interface FlushLog {
  error(message: string): void;
  info(message: string): void;
}

/** While failures continue, repeat the error every this many attempts (one a second: a minute). */
export const FLUSH_REMINDER_EVERY = 60;

export class ViewFlusher {
  private failures = 0;
  private running: Promise<number> | null = null;
  private queued: Promise<number> | null = null;
  /** The batch being written: the exit flush writes it again (ViewWriter.write is idempotent). */
  private inFlight: readonly ViewEntry[] = [];

  constructor(
    private readonly buffer: ViewBuffer,
    private readonly writer: Pick<ViewWriter, "write" | "writeAtExit">,
    private readonly log: FlushLog = console,
  ) {}

  /** Failed attempts in a row (0 when the last one worked). */
  get failing(): number {
    return this.failures;
  }

  /** A flush is under way (the timer skips its tick). */
  get busy(): boolean {
    return this.running !== null;
  }

  /**
   * Writes everything buffered in one transaction, after the flush under way if any; resolves to
   * the views written (0 on failure). Never rejects.
   */
  flush(): Promise<number> {
    if (!this.running) return this.start();
    this.queued ??= this.running.then(() => {
      this.queued = null;
      return this.start();
    });
    return this.queued;
  }

  private start(): Promise<number> {
    const run = this.writeBuffered().finally(() => {
      if (this.running === run) this.running = null;
    });
    this.running = run;
    return run;
  }

  private async writeBuffered(): Promise<number> {
    const views = this.buffer.drain();
    if (views.length === 0) return 0;
    this.inFlight = views;
    try {
      await this.writer.write(views, Date.now());
    } catch (error) {
      this.buffer.restore(views);
      if (this.failures % FLUSH_REMINDER_EVERY === 0) {
        this.log.error(
          `views: cannot write ${views.length} buffered views: ${describeWriteError(error)}. ` +
            `They stay in memory and are retried every second${this.failures > 0 ? ` (${this.failures} failed attempts so far)` : ""}.`,
        );
      }
      this.failures++;
      return 0;
    } finally {
      this.inFlight = [];
    }
    if (this.failures > 0) {
      this.log.info(
        `views: writing again after ${this.failures} failed attempts; ${views.length} views written`,
      );
      this.failures = 0;
    }
    return views.length;
  }

  /**
   * The last flush when the process stops (synchronous: process.on("exit")), including a batch
   * whose write was still under way. What it cannot write is lost, and the log says so.
   */
  finalFlush(): void {
    const views = [...this.inFlight, ...this.buffer.drain()];
    if (views.length === 0) return;
    try {
      this.writer.writeAtExit(views, Date.now());
    } catch (error) {
      this.log.error(
        `views: ${views.length} views could not be written at shutdown and are lost: ${describeWriteError(error)}`,
      );
    }
  }
}
