// Which cached values are still right, decided from the invalidation log every process shares
// (the CacheInvalidation table). Pure: the rows come from lib/cache/shared.ts, which reads them.
//
// A cached value carries a stamp: the newest log row its process had seen and the time when its
// computation started. A log row for one of its tags makes it stale when the row is due and either
// arrived after the stamp (row id) or falls due after the computation started (scheduled rows,
// written in advance with the minute a story becomes visible). Comparing ids rather than clocks
// for immediate rows is what keeps a write racing a render exact: the row is written in the
// write's own transaction, so a render either started after the commit (and read the new data) or
// stamped an older id (and is stale as soon as its process reads the row).

export interface InvalidationRow {
  id: number;
  tag: string;
  /** Epoch ms when the row takes effect; null for at once. */
  dueAt: number | null;
}

export interface Stamp {
  /** Highest log id seen when the computation started. */
  seenId: number;
  /** Epoch ms when the computation started. */
  at: number;
}

interface TagState {
  /** Highest id among due rows of this tag. */
  maxId: number;
  /** Latest dueAt among due scheduled rows of this tag. */
  maxDueAt: number;
}

export class TagRegistry {
  private lastId = 0;
  /** Values stamped below this id are stale: rows were pruned before this process read them. */
  private floorId = 0;
  private readonly due = new Map<string, TagState>();
  /** Scheduled rows not due yet, soonest first. */
  private pending: InvalidationRow[] = [];

  /** Start from the log's current end; only rows still to come can matter to new values. */
  constructor(lastId = 0, pending: readonly InvalidationRow[] = []) {
    this.lastId = lastId;
    this.pending = [...pending].sort((a, b) => (a.dueAt ?? 0) - (b.dueAt ?? 0));
  }

  get seenId(): number {
    return this.lastId;
  }

  /** Add rows read from the log (ascending ids, all above `seenId`). */
  apply(rows: readonly InvalidationRow[], now: number): void {
    const first = rows[0];
    if (first && first.id > this.lastId + 1) this.floorId = first.id;
    for (const row of rows) {
      if (row.id > this.lastId) this.lastId = row.id;
      if (row.dueAt !== null && row.dueAt > now) this.insertPending(row);
      else this.markDue(row);
    }
  }

  /**
   * Everything computed so far is stale: the process may have missed rows (a PostgreSQL listener
   * that reconnected cannot know what was sent while it was away).
   */
  forgetAll(): void {
    this.lastId += 1;
    this.floorId = this.lastId;
  }

  stamp(now: number): Stamp {
    return { seenId: this.lastId, at: now };
  }

  isStale(tags: readonly string[], stamp: Stamp, now: number): boolean {
    this.promote(now);
    if (stamp.seenId < this.floorId) return true;
    for (const tag of tags) {
      const state = this.due.get(tag);
      if (state && (state.maxId > stamp.seenId || state.maxDueAt > stamp.at)) return true;
    }
    return false;
  }

  private markDue(row: InvalidationRow): void {
    const state = this.due.get(row.tag) ?? { maxId: 0, maxDueAt: 0 };
    state.maxId = Math.max(state.maxId, row.id);
    if (row.dueAt !== null) state.maxDueAt = Math.max(state.maxDueAt, row.dueAt);
    this.due.set(row.tag, state);
  }

  private insertPending(row: InvalidationRow): void {
    const dueAt = row.dueAt ?? 0;
    let i = this.pending.length;
    while (i > 0 && (this.pending[i - 1]?.dueAt ?? 0) > dueAt) i--;
    this.pending.splice(i, 0, row);
  }

  private promote(now: number): void {
    while (this.pending.length > 0 && (this.pending[0]?.dueAt ?? 0) <= now) {
      const row = this.pending.shift();
      if (row) this.markDue(row);
    }
  }
}
