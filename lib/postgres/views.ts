// The view-count writer on PostgreSQL (the twin of lib/sqlite.ts openSqliteViewWriter; the contract
// is lib/views/writing.ts). A small pool of its own, not the Prisma client: a batch is a handful of
// statements in one transaction, and its arrays travel as parameters of one call.
//
// - Adding views is ONE statement, the function "difang_record_views" of migration
//   20261130140400_view_seen: which views count (table ViewSeen, shared by every node), the hourly
//   buckets, Article."viewCount", the hot lists' running totals, deleted stories' views dropped.
//   One statement because the last flush at process exit must run it too, synchronously, from a
//   child process (writeAtExit below): the regular path and the exit path run the same SQL.
// - Hot-list maintenance (hours leaving the windows, first builds, epoch moves, pruning old
//   buckets) is decided in TypeScript (lib/views/hot-totals.ts, shared with SQLite) and run
//   before it, in the same transaction. The exit path skips it: the next write of any node does
//   it, and views added without it are still consistent (the function reads the lists' states
//   under the lock).
// - Writers of every node take turns: the transaction starts with "difang_views_lock"() (a
//   transaction-scoped advisory lock), as SQLite's IMMEDIATE transactions do.
//
// Timestamps never cross the wire as JavaScript dates: epoch milliseconds are converted in SQL
// ("difang_ms_timestamp", UTC), and bucket hours come back as numbers.
import { spawnSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import path from "node:path";
import pg from "pg";
import { HOT_LISTS, type HotList } from "@/lib/ranking";
import { HOUR_MS } from "@/lib/time";
import type { ViewEntry } from "@/lib/views/buffer";
import {
  PRUNE_BATCH,
  planHotLists,
  sumHourCounts,
  type HotListStateRow,
  type HourCount,
  type ScoreDelta,
} from "@/lib/views/hot-totals";
import { VIEW_DEDUPE_WINDOW_MS } from "@/lib/views/policy";
import {
  VIEW_SEEN_GRACE_MS,
  seenPruneLimit,
  type ViewWriter,
  type ViewWriterOptions,
} from "@/lib/views/writing";

export const RECORD_VIEWS_SQL = `SELECT "difang_record_views"($1::text[], $2::integer[], $3::bigint[],
  $4::bigint, $5::text[], $6::double precision[], $7::bigint, $8::integer) AS "admitted"`;

/**
 * The exit path's child process (plain JavaScript: Next bundles lib/, and `next start` runs from
 * the project directory).
 */
export const EXIT_SCRIPT = "scripts/db/record-views-at-exit.mjs";

/** How long the process may wait at exit for its last views to be written. */
export const EXIT_TIMEOUT_MS = 15_000;

/** The arguments of difang_record_views for a batch. */
function recordParams(views: readonly ViewEntry[], nowMs: number, windowMs: number): unknown[] {
  const lists = Object.keys(HOT_LISTS) as HotList[];
  return [
    views.map((v) => v.key),
    views.map((v) => v.articleId),
    views.map((v) => v.atMs),
    windowMs,
    lists,
    // No decay (Infinity, which JSON cannot carry to the exit script): NULL.
    lists.map((l) => (Number.isFinite(HOT_LISTS[l].halfLifeHours) ? HOT_LISTS[l].halfLifeHours : null)),
    nowMs - VIEW_SEEN_GRACE_MS,
    seenPruneLimit(views.length),
  ];
}

const unnestDeltas = `unnest($2::integer[], $3::double precision[], $4::integer[]) AS u("articleId", "weight", "views")`;
const deltaParams = (list: string, deltas: readonly ScoreDelta[]) => [
  list,
  deltas.map((d) => d.articleId),
  deltas.map((d) => d.weight),
  deltas.map((d) => d.views),
];

/** Runs lib/views/hot-totals.ts's plan for `nowMs` inside the caller's locked transaction. */
async function maintainHotLists(client: pg.ClientBase, nowMs: number): Promise<void> {
  const { rows: stored } = await client.query<HotListStateRow>(
    `SELECT "list", "epochHour", "expiredThroughHour" FROM "HotListState"`,
  );
  const hourCounts = async (fromHour: number, toHour: number): Promise<HourCount[]> =>
    (
      await client.query<HourCount>(
        `SELECT "articleId", floor(extract(epoch FROM "bucket") / 3600)::integer AS "hour", "count"
         FROM "ArticleViewBucket"
         WHERE "bucket" >= "difang_ms_timestamp"($1) AND "bucket" <= "difang_ms_timestamp"($2)`,
        [fromHour * HOUR_MS, toHour * HOUR_MS],
      )
    ).rows;
  const plan = planHotLists(stored, nowMs);
  for (const step of plan.steps) {
    const { halfLifeHours } = HOT_LISTS[step.list];
    switch (step.kind) {
      case "drop":
        await client.query(`DELETE FROM "HotScore" WHERE "list" = $1`, [step.list]);
        await client.query(`DELETE FROM "HotListState" WHERE "list" = $1`, [step.list]);
        break;
      case "build": {
        const sums = sumHourCounts(
          await hourCounts(step.firstHour, step.lastHour),
          step.firstHour,
          halfLifeHours,
        );
        await client.query(
          `INSERT INTO "HotScore" AS h ("list", "articleId", "weight", "views")
           SELECT $1, u."articleId", u."weight", u."views" FROM ${unnestDeltas}
           ON CONFLICT ("list", "articleId") DO UPDATE
           SET "weight" = h."weight" + excluded."weight", "views" = h."views" + excluded."views"`,
          deltaParams(step.list, sums),
        );
        await client.query(
          `INSERT INTO "HotListState" ("list", "epochHour", "expiredThroughHour") VALUES ($1, $2, $3)`,
          [step.list, step.state.epochHour, step.state.expiredThroughHour],
        );
        break;
      }
      case "expire": {
        const sums = sumHourCounts(
          await hourCounts(step.fromHour, step.toHour),
          step.epochHour,
          halfLifeHours,
        );
        await client.query(
          `UPDATE "HotScore" AS h SET "weight" = h."weight" - u."weight", "views" = h."views" - u."views"
           FROM ${unnestDeltas} WHERE h."list" = $1 AND h."articleId" = u."articleId"`,
          deltaParams(step.list, sums),
        );
        await client.query(`DELETE FROM "HotScore" WHERE "list" = $1 AND "views" <= 0`, [step.list]);
        await client.query(`UPDATE "HotListState" SET "expiredThroughHour" = $1 WHERE "list" = $2`, [
          step.toHour,
          step.list,
        ]);
        break;
      }
      case "rebase":
        await client.query(`UPDATE "HotScore" SET "weight" = "weight" * $1 WHERE "list" = $2`, [
          step.factor,
          step.list,
        ]);
        await client.query(`UPDATE "HotListState" SET "epochHour" = $1 WHERE "list" = $2`, [
          step.epochHour,
          step.list,
        ]);
        break;
    }
  }
  // Hours every list has taken out are read by nothing any more (lifetime totals are in
  // Article."viewCount"): removed a batch at a time, so no write holds the lock for long.
  await client.query(
    `DELETE FROM "ArticleViewBucket" WHERE ("articleId", "bucket") IN (
       SELECT "articleId", "bucket" FROM "ArticleViewBucket"
       WHERE "bucket" < "difang_ms_timestamp"($1) LIMIT ${PRUNE_BATCH})`,
    [plan.pruneBeforeHour * HOUR_MS],
  );
}

export function openPostgresViewWriter(
  url: string,
  options: ViewWriterOptions = {},
  log: Pick<Console, "error"> = console,
): ViewWriter & { readonly applicationName: string } {
  const windowMs = options.windowMs ?? VIEW_DEDUPE_WINDOW_MS;
  // Unique to this writer: the exit path ends exactly these connections (see writeAtExit).
  const applicationName = `difang-views-${process.pid}-${randomUUID().slice(0, 8)}`;
  // Two connections: a flush, and a page render bringing the hot lists up to date meanwhile.
  const pool = new pg.Pool({ connectionString: url, max: 2, application_name: applicationName });
  // An idle connection dropped by the server: the pool replaces it; without a listener it would
  // end the process.
  pool.on("error", (error) => log.error(`views: writer connection lost: ${error.message}`));

  async function transaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await pool.connect();
    let unusable: Error | undefined;
    try {
      await client.query(`BEGIN; SELECT "difang_views_lock"()`);
      const result = await work(client);
      await client.query("COMMIT");
      return result;
    } catch (error) {
      // Rolled back, the connection is fine; if even that fails, the pool drops it.
      await client.query("ROLLBACK").catch((e: unknown) => {
        unusable = e instanceof Error ? e : new Error(String(e));
      });
      throw error;
    } finally {
      client.release(unusable);
    }
  }

  return {
    applicationName,

    write: async (views, nowMs = Date.now()) => {
      if (views.length === 0) return 0;
      return transaction(async (client) => {
        await maintainHotLists(client, nowMs);
        const { rows } = await client.query<{ admitted: number }>(
          RECORD_VIEWS_SQL,
          recordParams(views, nowMs, windowMs),
        );
        return rows[0]?.admitted ?? 0;
      });
    },

    // process.on("exit") runs no more I/O callbacks, so the batch is written by a child process
    // while this one waits (spawnSync). The child first ends this writer's own connections: one
    // may be inside a flush that holds the views lock, and this process will never finish it (it
    // rolls back; its views are in this batch, and any that did commit are taken pairs now, not
    // counted twice). The exit path skips hot-list maintenance (the next write of any node does it).
    writeAtExit: (views, nowMs = Date.now()) => {
      if (views.length === 0) return 0;
      const input = JSON.stringify({
        url,
        terminate: applicationName,
        sql: RECORD_VIEWS_SQL,
        params: recordParams(views, nowMs, windowMs),
      });
      const child = spawnSync(process.execPath, [path.join(process.cwd(), EXIT_SCRIPT)], {
        input,
        encoding: "utf8",
        timeout: EXIT_TIMEOUT_MS,
      });
      if (child.error) throw child.error;
      if (child.status !== 0) {
        throw new Error(
          `${EXIT_SCRIPT} failed (${child.signal ?? `exit code ${child.status}`}): ${child.stderr.trim()}`,
        );
      }
      return Number((JSON.parse(child.stdout) as { admitted: number }).admitted);
    },

    maintainHotLists: (nowMs) => transaction((client) => maintainHotLists(client, nowMs)),

    close: () => pool.end(),
  };
}
