// In-process read cache for lib/data: results keyed by function name + arguments, expiring after
// a TTL, dropped at once by tag when an editorial write touches them, single-flight (concurrent
// misses share one database read), bounded in size.
//
// Why not Next's 'use cache': with Cache Components every dynamic page streams a shell first, so
// notFound() can no longer answer with a real 404 status (see README § Architecture). difang runs
// as one `next start` process per database, so a process-local cache is exact; the state lives on
// globalThis because Next bundles route entries separately and each would otherwise get its own.

interface Entry {
  value: Promise<unknown>;
  expires: number;
  tags: readonly string[];
}

interface Store {
  entries: Map<string, Entry>;
  byTag: Map<string, Set<string>>;
  hits: number;
  misses: number;
}

declare global {
  var __difangCache: Store | undefined;
}

export const MAX_ENTRIES = 5000;

function store(): Store {
  globalThis.__difangCache ??= { entries: new Map(), byTag: new Map(), hits: 0, misses: 0 };
  return globalThis.__difangCache;
}

function remove(s: Store, key: string): void {
  const entry = s.entries.get(key);
  if (!entry) return;
  s.entries.delete(key);
  for (const tag of entry.tags) {
    const keys = s.byTag.get(tag);
    keys?.delete(key);
    if (keys && keys.size === 0) s.byTag.delete(tag);
  }
}

export interface CacheOptions<A extends unknown[]> {
  ttlMs: number;
  tags: (args: NoInfer<A>) => readonly string[];
}

/** Wrap an async read so that its results are cached (see the module comment). */
export function cached<A extends unknown[], R>(
  name: string,
  options: CacheOptions<A>,
  fn: (...args: A) => Promise<R>,
): (...args: A) => Promise<R> {
  return (...args: A): Promise<R> => {
    const s = store();
    const key = `${name}:${JSON.stringify(args)}`;
    const now = Date.now();
    const hit = s.entries.get(key);
    if (hit && hit.expires > now) {
      // Refresh recency for the LRU bound.
      s.entries.delete(key);
      s.entries.set(key, hit);
      s.hits++;
      return hit.value as Promise<R>;
    }
    if (hit) remove(s, key);
    s.misses++;
    const tags = options.tags(args);
    const value = fn(...args);
    const entry: Entry = { value, expires: now + options.ttlMs, tags };
    s.entries.set(key, entry);
    for (const tag of tags) {
      let keys = s.byTag.get(tag);
      if (!keys) s.byTag.set(tag, (keys = new Set()));
      keys.add(key);
    }
    // A failed read is not cached.
    value.catch(() => {
      if (s.entries.get(key) === entry) remove(s, key);
    });
    while (s.entries.size > MAX_ENTRIES) {
      const oldest = s.entries.keys().next().value;
      if (oldest === undefined) break;
      remove(s, oldest);
    }
    return value;
  };
}

/** Drop every cached result carrying one of these tags. */
export function invalidateTags(...tags: string[]): void {
  const s = store();
  for (const tag of tags) {
    for (const key of [...(s.byTag.get(tag) ?? [])]) remove(s, key);
  }
}

/** Drop everything (tests). */
export function clearCache(): void {
  const s = store();
  s.entries.clear();
  s.byTag.clear();
}

export function cacheStats(): { entries: number; hits: number; misses: number } {
  const s = store();
  return { entries: s.entries.size, hits: s.hits, misses: s.misses };
}
