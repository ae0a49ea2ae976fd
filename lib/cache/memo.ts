// Read cache for lib/data: results keyed by function name + arguments, expiring after a TTL,
// dropped as soon as any process records an invalidation of one of their tags (lib/cache/shared.ts
// reads the shared log), single-flight (concurrent misses share one database read), bounded in
// size. Null results (an unknown story, tag or channel) are not kept: a scanner of made-up URLs
// cannot push real entries out. Whole reader pages are cached one level up (lib/cache/page-store.ts);
// this cache makes the renders behind them cheap (the sidebars are shared by every page).
import type { Stamp } from "@/lib/cache/registry";
import { isStale, stampNow } from "@/lib/cache/shared";

interface Entry {
  value: Promise<unknown>;
  expires: number;
  tags: readonly string[];
  stamp: Stamp;
}

interface Store {
  entries: Map<string, Entry>;
  hits: number;
  misses: number;
}

declare global {
  var __difangCache: Store | undefined;
  var __difangCachePools: Map<string, Map<string, Entry>> | undefined;
}

export const MAX_ENTRIES = 5000;

function store(): Store {
  globalThis.__difangCache ??= { entries: new Map(), hits: 0, misses: 0 };
  return globalThis.__difangCache;
}

/** The entries of a pool: the shared one, or a separate one that cannot push shared reads out. */
function entriesOf(pool: string | undefined): Map<string, Entry> {
  if (pool === undefined) return store().entries;
  globalThis.__difangCachePools ??= new Map();
  let entries = globalThis.__difangCachePools.get(pool);
  if (!entries) globalThis.__difangCachePools.set(pool, (entries = new Map()));
  return entries;
}

export interface CacheOptions<A extends unknown[], R> {
  ttlMs: number;
  tags: (args: NoInfer<A>) => readonly string[];
  /** Keep a result only if this says so (besides null results, which are never kept). */
  keep?: (value: NoInfer<R>) => boolean;
  /** A separate pool of at most `maxEntries`, for reads keyed by what readers type (search). */
  pool?: { name: string; maxEntries: number };
}

/** Wrap an async read so that its results are cached (see the module comment). */
export function cached<A extends unknown[], R>(
  name: string,
  options: CacheOptions<A, R>,
  fn: (...args: A) => Promise<R>,
): (...args: A) => Promise<R> {
  return (...args: A): Promise<R> => {
    const s = store();
    const entries = entriesOf(options.pool?.name);
    const maxEntries = options.pool?.maxEntries ?? MAX_ENTRIES;
    const key = `${name}:${JSON.stringify(args)}`;
    const now = Date.now();
    const hit = entries.get(key);
    if (hit && hit.expires > now && !isStale(hit.tags, hit.stamp, now)) {
      // Refresh recency for the LRU bound.
      entries.delete(key);
      entries.set(key, hit);
      s.hits++;
      return hit.value as Promise<R>;
    }
    if (hit) entries.delete(key);
    s.misses++;
    // Stamp before reading: a write committed while the read runs makes the entry stale.
    const stamp = stampNow(now);
    const value = fn(...args);
    const entry: Entry = { value, expires: now + options.ttlMs, tags: options.tags(args), stamp };
    entries.set(key, entry);
    const drop = () => {
      if (entries.get(key) === entry) entries.delete(key);
    };
    // Failed reads, null results and what `keep` refuses are not kept.
    value.then((v) => (v === null || options.keep?.(v) === false ? drop() : undefined), drop);
    while (entries.size > maxEntries) {
      const oldest = entries.keys().next().value;
      if (oldest === undefined) break;
      entries.delete(oldest);
    }
    return value;
  };
}

/** Drop everything in this process (tests). */
export function clearCache(): void {
  store().entries.clear();
  globalThis.__difangCachePools?.clear();
}

export function cacheStats(): { entries: number; hits: number; misses: number } {
  const s = store();
  return { entries: s.entries.size, hits: s.hits, misses: s.misses };
}
