// Views are buffered in memory and written in batches: a burst of readers becomes one SQLite
// transaction per flush instead of one per view.

export interface ViewBatchRow {
  articleId: number;
  /** Start of the UTC hour (ms). */
  bucketMs: number;
  count: number;
}

export class ViewBuffer {
  private pending = new Map<string, ViewBatchRow>();
  private total = 0;

  add(articleId: number, bucketMs: number, count = 1): void {
    const key = `${articleId}:${bucketMs}`;
    const row = this.pending.get(key);
    if (row) row.count += count;
    else this.pending.set(key, { articleId, bucketMs, count });
    this.total += count;
  }

  /** Take everything buffered so far (the buffer is empty afterwards). */
  drain(): ViewBatchRow[] {
    const rows = [...this.pending.values()];
    this.pending = new Map();
    this.total = 0;
    return rows;
  }

  /** Put rows back after a failed write, so nothing is lost. */
  restore(rows: readonly ViewBatchRow[]): void {
    for (const r of rows) this.add(r.articleId, r.bucketMs, r.count);
  }

  get size(): number {
    return this.total;
  }
}
