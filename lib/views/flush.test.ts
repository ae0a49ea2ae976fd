import { describe, expect, it } from "vitest";
import { ViewBuffer } from "@/lib/views/buffer";
import { FLUSH_REMINDER_EVERY, ViewFlusher } from "@/lib/views/flush";
import type { ViewBatchRow } from "@/lib/views/buffer";

/** A writer whose disk can fill up: the error better-sqlite3 throws then. */
function writer() {
  const written: ViewBatchRow[] = [];
  const state = { full: false };
  return {
    state,
    written,
    write(rows: readonly ViewBatchRow[]) {
      if (state.full) throw Object.assign(new Error("database or disk is full"), { code: "SQLITE_FULL" });
      written.push(...rows.map((r) => ({ ...r })));
    },
    close() {},
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

describe("ViewFlusher", () => {
  it("keeps every acknowledged view while the disk is full and writes them once it is not", () => {
    const buffer = new ViewBuffer();
    const w = writer();
    const l = log();
    const flusher = new ViewFlusher(buffer, w, l);
    buffer.add(1, 0, 3);
    expect(flusher.flush()).toBe(3);

    w.state.full = true;
    buffer.add(1, 0, 2);
    buffer.add(2, 0, 5);
    for (let i = 0; i < 5; i++) expect(flusher.flush()).toBe(0);
    buffer.add(2, 0, 1);
    expect(buffer.size).toBe(8);
    expect(flusher.failing).toBe(5);

    w.state.full = false;
    expect(flusher.flush()).toBe(8);
    expect(buffer.size).toBe(0);
    expect(w.written.reduce((s, r) => s + r.count, 0)).toBe(11);
    // One clear line when writes start failing (not one per second), one when they work again.
    expect(l.lines).toEqual([
      "error views: cannot write 7 buffered views: the disk is full (SQLITE_FULL / ENOSPC). They stay in memory and are retried every second.",
      "info views: writing again after 5 failed attempts; 8 views written",
    ]);
  });

  it("reminds the operator every minute while writes keep failing", () => {
    const buffer = new ViewBuffer();
    const w = writer();
    const l = log();
    const flusher = new ViewFlusher(buffer, w, l);
    w.state.full = true;
    buffer.add(1, 0, 1);
    for (let i = 0; i < FLUSH_REMINDER_EVERY + 1; i++) flusher.flush();
    expect(l.lines).toHaveLength(2);
    expect(l.lines[1]).toContain(`(${FLUSH_REMINDER_EVERY} failed attempts so far)`);
  });

  it("says how many views are lost when the last flush at shutdown fails", () => {
    const buffer = new ViewBuffer();
    const w = writer();
    const l = log();
    const flusher = new ViewFlusher(buffer, w, l);
    w.state.full = true;
    buffer.add(1, 0, 4);
    flusher.finalFlush();
    expect(l.lines.at(-1)).toBe("error views: 4 of 4 views could not be written at shutdown and are lost");
  });
});
