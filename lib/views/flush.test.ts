import { describe, expect, it } from "vitest";
import { ViewBuffer, type ViewEntry } from "@/lib/views/buffer";
import { FLUSH_REMINDER_EVERY, ViewFlusher } from "@/lib/views/flush";

/** A writer whose disk can fill up (the error better-sqlite3 throws then), and whose writes can be held. */
function writer() {
  const written: ViewEntry[] = [];
  const state = { full: false, hold: null as Promise<void> | null, concurrent: 0, maxConcurrent: 0 };
  return {
    state,
    written,
    async write(views: readonly ViewEntry[]) {
      state.concurrent++;
      state.maxConcurrent = Math.max(state.maxConcurrent, state.concurrent);
      try {
        if (state.hold) await state.hold;
        if (state.full) throw Object.assign(new Error("database or disk is full"), { code: "SQLITE_FULL" });
        written.push(...views);
        return views.length;
      } finally {
        state.concurrent--;
      }
    },
    writeAtExit(views: readonly ViewEntry[]) {
      if (state.full) throw Object.assign(new Error("database or disk is full"), { code: "SQLITE_FULL" });
      written.push(...views);
      return views.length;
    },
  };
}

function log() {
  const lines: string[] = [];
  return {
    lines,
    error: (m: string) => lines.push(`error ${m}`),
    info: (m: string) => lines.push(`info ${m}`),
  };
}

let clients = 0;
function addViews(buffer: ViewBuffer, articleId: number, n: number): void {
  for (let i = 0; i < n; i++) buffer.add(`c${clients++}:${articleId}`, articleId, 0);
}

describe("ViewFlusher", () => {
  it("keeps every acknowledged view while the disk is full and writes them once it is not", async () => {
    const buffer = new ViewBuffer();
    const w = writer();
    const l = log();
    const flusher = new ViewFlusher(buffer, w, l);
    addViews(buffer, 1, 3);
    expect(await flusher.flush()).toBe(3);

    w.state.full = true;
    addViews(buffer, 1, 2);
    addViews(buffer, 2, 5);
    for (let i = 0; i < 5; i++) expect(await flusher.flush()).toBe(0);
    addViews(buffer, 2, 1);
    expect(buffer.size).toBe(8);
    expect(flusher.failing).toBe(5);

    w.state.full = false;
    expect(await flusher.flush()).toBe(8);
    expect(buffer.size).toBe(0);
    expect(w.written).toHaveLength(11);
    expect(new Set(w.written.map((v) => v.key)).size).toBe(11);
    // One clear line when writes start failing (not one per second), one when they work again.
    expect(l.lines).toEqual([
      "error views: cannot write 7 buffered views: the disk is full (SQLITE_FULL / ENOSPC). They stay in memory and are retried every second.",
      "info views: writing again after 5 failed attempts; 8 views written",
    ]);
  });

  it("reminds the operator every minute while writes keep failing", async () => {
    const buffer = new ViewBuffer();
    const w = writer();
    const l = log();
    const flusher = new ViewFlusher(buffer, w, l);
    w.state.full = true;
    addViews(buffer, 1, 1);
    for (let i = 0; i < FLUSH_REMINDER_EVERY + 1; i++) await flusher.flush();
    expect(l.lines).toHaveLength(2);
    expect(l.lines[1]).toContain(`(${FLUSH_REMINDER_EVERY} failed attempts so far)`);
  });

  it("never runs two writes at once: a flush asked for meanwhile waits, later asks join it", async () => {
    const buffer = new ViewBuffer();
    const w = writer();
    const flusher = new ViewFlusher(buffer, w, log());
    let release = () => {};
    w.state.hold = new Promise<void>((resolve) => (release = resolve));
    addViews(buffer, 1, 2);
    const first = flusher.flush();
    expect(flusher.busy).toBe(true);
    addViews(buffer, 1, 3);
    const second = flusher.flush();
    const third = flusher.flush();
    expect(third).toBe(second);
    expect(buffer.size).toBe(3); // still waiting for the first write
    w.state.hold = null;
    release();
    expect(await first).toBe(2);
    expect(await second).toBe(3);
    expect(w.state.maxConcurrent).toBe(1);
    expect(flusher.busy).toBe(false);
  });

  it("writes the batch under way and the buffer at shutdown", async () => {
    const buffer = new ViewBuffer();
    const w = writer();
    const flusher = new ViewFlusher(buffer, w, log());
    w.state.hold = new Promise<void>(() => {}); // the process exits before this write ends
    addViews(buffer, 1, 2);
    void flusher.flush();
    addViews(buffer, 2, 3);
    flusher.finalFlush();
    expect(w.written.map((v) => v.articleId)).toEqual([1, 1, 2, 2, 2]);
    expect(buffer.size).toBe(0);
  });

  it("says how many views are lost when the last flush at shutdown fails", () => {
    const buffer = new ViewBuffer();
    const w = writer();
    const l = log();
    const flusher = new ViewFlusher(buffer, w, l);
    w.state.full = true;
    addViews(buffer, 1, 4);
    flusher.finalFlush();
    expect(l.lines.at(-1)).toBe(
      "error views: 4 views could not be written at shutdown and are lost: the disk is full (SQLITE_FULL / ENOSPC)",
    );
  });
});
