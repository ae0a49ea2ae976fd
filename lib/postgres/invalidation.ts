// The cache invalidation feed on PostgreSQL (the twin of lib/sqlite.ts openInvalidationFeed): one
// dedicated connection LISTENs on "difang_invalidation", to which a trigger on "CacheInvalidation"
// sends each row as it commits (migration 20261130140200_cache_notify). PostgreSQL delivers
// notifications to each listener in commit order, so the process numbers them as they arrive and
// uses that number, not the table's id (ids are taken at insert, commits may land in another
// order), as the log position of lib/cache/registry.ts. Checking the feed on a request is reading
// an in-memory queue: no query.
//
// While the connection is down (start, a restart of the server), nothing may be served from the
// caches: `sync` answers false until the listener is back, and on every (re)connection everything
// computed before is made stale (notifications sent while away are lost) and the scheduled rows
// still to come are read again.
import pg from "pg";
import type { InvalidationRow, TagRegistry } from "@/lib/cache/registry";
import type { InvalidationFollower } from "@/lib/cache/follower";

export const INVALIDATION_CHANNEL = "difang_invalidation";

interface Payload {
  tag: string;
  /** Epoch ms, or null for at once. */
  dueAt: number | null;
}

/** A marker a process sends itself (see `caughtUp`). */
interface Ping {
  ping: number;
}

/** Parses one notification payload; null for anything else on the channel. */
export function parsePayload(text: string | undefined): Payload | Ping | null {
  if (!text) return null;
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== "object" || value === null) return null;
    const { tag, dueAt, ping } = value as { tag?: unknown; dueAt?: unknown; ping?: unknown };
    if (typeof ping === "number") return { ping };
    if (typeof tag !== "string") return null;
    return { tag, dueAt: typeof dueAt === "number" && Number.isFinite(dueAt) ? dueAt : null };
  } catch {
    return null;
  }
}

type Event = { kind: "reset"; pending: Payload[] } | { kind: "row"; row: Payload };

export function openPostgresFollower(
  url: string,
  log: Pick<Console, "error" | "info"> = console,
): InvalidationFollower {
  let queue: Event[] = [];
  let live = false;
  let closed = false;
  let client: pg.Client | null = null;
  let retryMs = 250;
  let waiters: (() => void)[] = [];
  let pings = 0;
  const pingWaiters = new Map<number, () => void>();

  const connect = async () => {
    const c = new pg.Client({ connectionString: url, application_name: "difang-invalidation" });
    client = c;
    const lost = (why: string) => {
      if (client !== c) return;
      client = null;
      live = false;
      if (closed) return;
      log.error(
        `cache invalidation: listener connection lost (${why}); pages are rendered fresh until it is back`,
      );
      setTimeout(() => void connect(), retryMs).unref();
      retryMs = Math.min(retryMs * 2, 5_000);
    };
    c.on("error", (error) => lost(error.message));
    c.on("end", () => lost("closed"));
    c.on("notification", (n) => {
      if (n.channel !== INVALIDATION_CHANNEL) return;
      const row = parsePayload(n.payload);
      if (row === null) return;
      if ("ping" in row) {
        pingWaiters.get(row.ping)?.();
        pingWaiters.delete(row.ping);
      } else {
        queue.push({ kind: "row", row });
      }
    });
    try {
      await c.connect();
      await c.query(`LISTEN ${INVALIDATION_CHANNEL}`);
      // Listening first, then reading: a scheduled row committed in between arrives both ways,
      // which is harmless (the registry keeps the latest time per tag).
      // Timestamps are stored as UTC without a zone (Prisma's mapping): compared and converted
      // as UTC here, whatever the session's TimeZone.
      const { rows } = await c.query<{ tag: string; dueAt: string }>(
        `SELECT "tag", floor(extract(epoch FROM "dueAt") * 1000)::bigint AS "dueAt"
         FROM "CacheInvalidation" WHERE "dueAt" > (now() AT TIME ZONE 'UTC') ORDER BY "dueAt"`,
      );
      if (client !== c) return;
      queue.push({ kind: "reset", pending: rows.map((r) => ({ tag: r.tag, dueAt: Number(r.dueAt) })) });
      live = true;
      retryMs = 250;
      for (const resolve of waiters) resolve();
      waiters = [];
    } catch (error) {
      lost(error instanceof Error ? error.message : String(error));
      void c.end().catch(() => {});
    }
  };
  void connect();

  return {
    sync(registry: TagRegistry, now: number): boolean {
      if (queue.length > 0) {
        const events = queue;
        queue = [];
        let batch: InvalidationRow[] = [];
        const flush = () => {
          if (batch.length > 0) registry.apply(batch, now);
          batch = [];
        };
        for (const event of events) {
          if (event.kind === "reset") {
            flush();
            registry.forgetAll();
            for (const row of event.pending) batch.push({ id: registry.seenId + batch.length + 1, ...row });
          } else {
            batch.push({ id: registry.seenId + batch.length + 1, ...event.row });
          }
        }
        flush();
      }
      return live;
    },
    ready(): Promise<void> {
      return live ? Promise.resolve() : new Promise((resolve) => waiters.push(resolve));
    },
    async caughtUp(): Promise<void> {
      // Notifications arrive in commit order, this one included: once it is back, every write
      // committed before the call has arrived too.
      await this.ready();
      const c = client;
      if (!c) return this.caughtUp();
      const n = ++pings;
      const back = new Promise<void>((resolve) => pingWaiters.set(n, resolve));
      await c.query("SELECT pg_notify($1, $2)", [INVALIDATION_CHANNEL, JSON.stringify({ ping: n })]);
      await back;
    },
    noteLocal(
      registry: TagRegistry,
      rows: readonly { tag: string; dueAt: number | null }[],
      now: number,
    ): void {
      for (const row of rows) queue.push({ kind: "row", row });
      this.sync(registry, now);
    },
    close() {
      closed = true;
      live = false;
      const c = client;
      client = null;
      void c?.end().catch(() => {});
    },
  };
}
