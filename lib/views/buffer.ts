// Views are buffered in memory and written in batches: a burst of readers becomes one database
// transaction per flush instead of one per view. Each view is kept with its (client, story) key
// and time, because the database decides whether it counts (table ViewSeen, shared by every app
// process): the buffer holds at most one flush interval of admitted views (more only while
// writes fail).

export interface ViewEntry {
  /** The (client, story) pair, lib/views/policy.ts viewKey. */
  key: string;
  articleId: number;
  /** When the view happened (ms): its hour bucket, and the end of its pair's window. */
  atMs: number;
}

export class ViewBuffer {
  private pending: ViewEntry[] = [];

  add(key: string, articleId: number, atMs: number): void {
    this.pending.push({ key, articleId, atMs });
  }

  /** Take everything buffered so far (the buffer is empty afterwards). */
  drain(): ViewEntry[] {
    const views = this.pending;
    this.pending = [];
    return views;
  }

  /** Put views back after a failed write, ahead of the newer ones, so nothing is lost. */
  restore(views: readonly ViewEntry[]): void {
    this.pending = [...views, ...this.pending];
  }

  get size(): number {
    return this.pending.length;
  }
}
