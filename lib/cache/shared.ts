// The one invalidation state of this process, shared by the read cache (lib/cache/memo.ts) and the
// page cache (lib/cache/page-store.ts), kept in step with the CacheInvalidation log that every
// process on the database writes to (lib/cache/invalidate.ts). Each check first asks the database
// whether anything was committed since the last check (a counter read, no table read) and reads
// the new log rows only when something was. State lives on globalThis because Next bundles route
// entries, the instrumentation hook and the cache handler separately.
import { TagRegistry, type Stamp } from "@/lib/cache/registry";
import { env } from "@/lib/env";
import { openInvalidationFeed, type InvalidationFeed } from "@/lib/sqlite";

interface SharedState {
  feed: InvalidationFeed;
  registry: TagRegistry;
  version: number;
}

declare global {
  var __difangInvalidation: SharedState | undefined;
}

function state(): SharedState {
  if (globalThis.__difangInvalidation) return globalThis.__difangInvalidation;
  const feed = openInvalidationFeed(env.DATABASE_URL);
  const version = feed.version();
  const start = feed.start(Date.now());
  globalThis.__difangInvalidation = { feed, registry: new TagRegistry(start.lastId, start.pending), version };
  return globalThis.__difangInvalidation;
}

function synced(now: number): TagRegistry {
  const s = state();
  const version = s.feed.version();
  if (version !== s.version) {
    s.version = version;
    s.registry.apply(s.feed.rowsAfter(s.registry.seenId), now);
  }
  return s.registry;
}

/** Stamp for a value whose computation starts now. */
export function stampNow(now = Date.now()): Stamp {
  return synced(now).stamp(now);
}

/** True when a value with these tags, computed under `stamp`, must not be served any more. */
export function isStale(tags: readonly string[], stamp: Stamp, now = Date.now()): boolean {
  return synced(now).isStale(tags, stamp, now);
}
