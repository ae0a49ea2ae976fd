// How a process follows the shared CacheInvalidation log (lib/cache/registry.ts): on SQLite by
// asking the file whether anything committed since the last check (lib/sqlite.ts), on PostgreSQL
// by LISTEN/NOTIFY (lib/postgres/invalidation.ts). Either way a check costs no query on a warm path.
import type { TagRegistry } from "@/lib/cache/registry";
import { dialectOf } from "@/lib/database-url";
import { openInvalidationFeed } from "@/lib/sqlite";
import { openPostgresFollower } from "@/lib/postgres/invalidation";

export interface InvalidationFollower {
  /**
   * Applies what arrived since the last call to `registry`. False while the follower cannot vouch
   * that it has seen every write (then nothing cached may be served).
   */
  sync(registry: TagRegistry, now: number): boolean;
  /** This process wrote these rows: apply them now if the log brings them only later. */
  noteLocal(registry: TagRegistry, rows: readonly { tag: string; dueAt: number | null }[], now: number): void;
  /** Resolves once every write committed before the call has reached this process's registry. */
  caughtUp(): Promise<void>;
  /** Resolves once the follower vouches for the registry (at once on SQLite). */
  ready(): Promise<void>;
  close(): void;
}

/** The registry to start from and the follower that keeps it up to date. */
export function openFollower(
  url: string,
  makeRegistry: (
    lastId: number,
    pending: ReturnType<ReturnType<typeof openInvalidationFeed>["start"]>["pending"],
  ) => TagRegistry,
): { registry: TagRegistry; follower: InvalidationFollower } {
  if (dialectOf(url) === "postgresql") {
    return { registry: makeRegistry(0, []), follower: openPostgresFollower(url) };
  }
  const feed = openInvalidationFeed(url);
  let version = feed.version();
  const start = feed.start(Date.now());
  return {
    registry: makeRegistry(start.lastId, start.pending),
    follower: {
      sync(registry, now) {
        const current = feed.version();
        if (current !== version) {
          version = current;
          registry.apply(feed.rowsAfter(registry.seenId), now);
        }
        return true;
      },
      // The next sync reads the write's own rows (they are committed by the time it matters).
      noteLocal: () => {},
      ready: async () => {},
      // Every sync reads the file's committed rows: nothing is ever in flight.
      caughtUp: async () => {},
      close: () => feed.close(),
    },
  };
}
