// A bounded map whose entries expire, for per-process guards (view de-duplication). Entries are
// kept in the order they were last written; the guards write each entry with the same lifetime,
// so that is also the order they expire in.
// Going past `maxEntries` removes entries from the oldest end only: the expired ones, then, if
// still too many, the oldest live ones. Each entry is removed at most once, so every operation
// costs O(1) amortized however full the map is (a scan of every entry on each write at the cap
// would let one client with many addresses or user agents slow every reader down).
export class ExpiringMap<V> {
  private readonly entries = new Map<string, { value: V; until: number }>();

  constructor(private readonly maxEntries: number) {}

  /** The live value of `key` at `now`, if any. */
  get(key: string, now: number): V | undefined {
    const e = this.entries.get(key);
    return e !== undefined && e.until > now ? e.value : undefined;
  }

  /** Write `key` (it becomes the newest entry), live until `until`. */
  set(key: string, value: V, until: number, now: number): void {
    this.entries.delete(key);
    this.entries.set(key, { value, until });
    if (this.entries.size > this.maxEntries) this.evict(now);
  }

  delete(key: string): void {
    this.entries.delete(key);
  }

  get size(): number {
    return this.entries.size;
  }

  /** From the oldest end: expired entries, and live ones while over the bound. */
  private evict(now: number): void {
    for (const [key, e] of this.entries) {
      if (this.entries.size <= this.maxEntries && e.until > now) break;
      this.entries.delete(key);
    }
  }
}
