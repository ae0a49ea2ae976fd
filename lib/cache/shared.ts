// The one invalidation state of this process, shared by the read cache (lib/cache/memo.ts) and the
// page cache (lib/cache/page-store.ts), kept in step with the CacheInvalidation log that every
// process on the database writes to (lib/cache/invalidate.ts) by a follower (lib/cache/follower.ts:
// a commit counter on SQLite, LISTEN/NOTIFY on PostgreSQL; no table read on a warm path). State
// lives on globalThis because Next bundles route entries, the instrumentation hook and the cache
// handler separately.
import { TagRegistry, type Stamp } from "@/lib/cache/registry";
import { openFollower, type InvalidationFollower } from "@/lib/cache/follower";
import { env } from "@/lib/env";

interface SharedState {
  follower: InvalidationFollower;
  registry: TagRegistry;
}

declare global {
  var __difangInvalidation: SharedState | undefined;
}

function state(): SharedState {
  globalThis.__difangInvalidation ??= openFollower(
    env.DATABASE_URL,
    (lastId, pending) => new TagRegistry(lastId, pending),
  );
  return globalThis.__difangInvalidation;
}

/** The registry, up to date; null while the follower cannot vouch for it. */
function synced(now: number): TagRegistry | null {
  const s = state();
  return s.follower.sync(s.registry, now) ? s.registry : null;
}

/**
 * Resolves once this process follows the log (on PostgreSQL: its listener is connected). Until
 * then nothing is served from the caches; a server waits for this before its first request.
 */
export function cacheReady(): Promise<void> {
  return state().follower.ready();
}

/** Stamp for a value whose computation starts now. */
export function stampNow(now = Date.now()): Stamp {
  // Without a live follower the stamp is below any registry's floor: stale as soon as it is back.
  return synced(now)?.stamp(now) ?? { seenId: -1, at: now };
}

/** True when a value with these tags, computed under `stamp`, must not be served any more. */
export function isStale(tags: readonly string[], stamp: Stamp, now = Date.now()): boolean {
  const registry = synced(now);
  return registry === null || registry.isStale(tags, stamp, now);
}

/**
 * Resolves once every write committed before the call (by any process) is known here. Immediate on
 * SQLite; on PostgreSQL a round trip to the server through the listener (tests, tools).
 */
export function cacheCaughtUp(): Promise<void> {
  return state().follower.caughtUp();
}

/**
 * This process wrote these invalidation rows (the write has committed or is about to commit): on
 * PostgreSQL, where the log reaches this process as notifications a moment later, apply them here
 * at once so that the writer's next request already sees the change. When they arrive from the
 * log they are applied again, which is what keeps a render that ran during the commit from being
 * kept. A process that has not started its cache ignores it.
 */
export function noteLocalInvalidation(
  rows: readonly { tag: string; dueAt: number | null }[],
  now = Date.now(),
): void {
  const s = globalThis.__difangInvalidation;
  if (s && rows.length > 0) s.follower.noteLocal(s.registry, rows, now);
}
