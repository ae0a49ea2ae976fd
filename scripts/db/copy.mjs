// `npm run db:copy -- --from file:./data/difang.db --to postgresql://user@host/difang`: copies a
// difang SQLite database into an empty PostgreSQL database (README § Moving to PostgreSQL).
//
// What is copied: every table the two schemas share, found in PostgreSQL's catalog and SQLite's
// schema (nothing hard-coded, so a new model is copied without touching this file), except the
// migration ledgers and SQLite's own tables (sqlite_*, FTS5 virtual tables and their shadow tables:
// PostgreSQL keeps its search index itself). Both sides must be at the same schema: a table or
// column found on one side only stops the copy before anything is written (migrate the source with
// `DATABASE_URL=file:… npm run db:migrate`); the target is migrated here.
//
// How:
// - ONE PostgreSQL transaction for the whole copy. A failure anywhere (a constraint, a value
//   PostgreSQL refuses, a lost connection, Ctrl-C) leaves the target exactly as it was before, so
//   the copy can simply be run again; app nodes started too early never see half a database.
//   The cost, a long transaction holding its locks, does not matter on a database not in service.
// - Parents before children (order from the foreign keys; a table referencing itself, Region,
//   is read parents first), so PostgreSQL checks every foreign key as rows arrive.
// - The tables' own triggers (ALTER TABLE … DISABLE TRIGGER USER, inside the transaction, so
//   they can never stay off) are off while copying: the trigger-maintained columns
//   (ArticleTag's and ArticleAuthor's copies of its story's status and publication time,
//   ChannelStoryCount; prisma/postgresql/migrations/20261130140100_triggers, 20261130200000_authors;
//   ChannelDayCount, ChannelMonthCount: 20261130200400_channel_day_counts) are copied verbatim
//   from SQLite, where
//   the same triggers kept them, and then checked against the stories (DERIVED_CHECKS), and the
//   cache-invalidation NOTIFY trigger does not fire for every copied row. Foreign-key checks stay
//   on (they are not user triggers). A new trigger that maintains data needs a check there.
// - Rows are read with better-sqlite3 inside one read transaction (a consistent snapshot even if
//   the app is still writing; stop it anyway, later writes are not copied) and written in batches
//   of up to 5,000 rows as one `INSERT … SELECT FROM unnest($1::type[], …)` per batch: one array
//   parameter per column, so no parameter limit and one plan per table. The next batch is read
//   while PostgreSQL writes the previous one.
// - Values are converted by the PostgreSQL column type: timestamps from Prisma's SQLite text
//   (`2026-11-25T02:05:50.943+00:00`, or `2026-11-25 02:05:50` from SQLite's CURRENT_TIMESTAMP,
//   read as UTC, or a number of milliseconds since 1970) to TIMESTAMP(3) holding UTC; 0/1 to
//   booleans; REAL as double precision. Text with a NUL character (PostgreSQL cannot store it) is
//   reported with its table, column and row.
// - After the rows: each table's serial sequence set to its largest id, row counts compared,
//   then, after the commit, VACUUM (ANALYZE) of every copied table (planner statistics, the
//   visibility map for index-only scans, GIN indexes' pending entries merged).
// Exit status: 0 copied and verified; 1 failed (nothing written) or a count differs; 2 refused
// (bad arguments, or the target already has rows; nothing written).
import { existsSync, statSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import Database from "better-sqlite3";
import pg from "pg";
import { isPostgresUrl, migratePostgres } from "./migrate.mjs";

const LEDGERS = new Set(["_prisma_migrations", "_difang_migrations"]);
const BATCH_ROWS = 5_000;
/** A batch is also sent early once its text reaches this size (long stories). */
const BATCH_CHARS = 16 * 1024 * 1024;

/** Refusals: nothing was written (exit status 2). */
export class CopyRefused extends Error {}

const q = (name) => `"${name.replaceAll('"', '""')}"`;

/** The SQLite file of a `file:` URL (relative paths from the working directory, as the app). */
export function sqlitePath(url) {
  if (typeof url !== "string" || !url.startsWith("file:")) {
    throw new CopyRefused(`--from must be a SQLite file: URL such as file:./data/difang.db`);
  }
  const file = path.resolve(url.slice("file:".length).replace(/\?.*$/, ""));
  if (!existsSync(file) || !statSync(file).isFile()) throw new CopyRefused(`--from: no file ${file}`);
  return file;
}

// --- Values ---------------------------------------------------------------------------------

const PRISMA_UTC = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}(?:\+00:00|Z)$/;
const LOOSE_TIME = /^(\d{4}-\d\d-\d\d)(?:[T ](\d\d:\d\d(?::\d\d(?:\.\d+)?)?))?\s*(Z|[+-]\d\d(?::?\d\d)?)?$/i;

/** Milliseconds since 1970 of a SQLite DateTime value (text without a zone is UTC). */
export function sqliteTimeMs(value) {
  if (typeof value === "number" || typeof value === "bigint") return Number(value);
  if (typeof value !== "string") throw new Error(`not a date: ${JSON.stringify(value)}`);
  const m = LOOSE_TIME.exec(value.trim());
  if (m) {
    let zone = (m[3] ?? "Z").toUpperCase();
    if (zone !== "Z") zone = `${zone.slice(0, 3)}:${zone.slice(3).replace(":", "") || "00"}`;
    const ms = Date.parse(`${m[1]}T${m[2] ?? "00:00:00"}${zone}`);
    if (!Number.isNaN(ms)) return ms;
  }
  throw new Error(`not a date: ${JSON.stringify(value)}`);
}

/** A function turning one SQLite value into what PostgreSQL's text input of `udt` reads. */
function converter(udt) {
  switch (udt) {
    case "timestamp":
      // TIMESTAMP without time zone holding UTC: the UTC wall time, no zone (the session's
      // TimeZone is then never applied).
      return (v) => {
        if (v === null) return null;
        if (typeof v === "string" && PRISMA_UTC.test(v)) return v.slice(0, 23);
        return new Date(sqliteTimeMs(v)).toISOString().slice(0, 23);
      };
    case "timestamptz":
      return (v) => (v === null ? null : new Date(sqliteTimeMs(v)).toISOString());
    case "bool":
      return (v) => {
        if (v === null) return null;
        if (v === 0 || v === 1 || v === 0n || v === 1n) return Number(v) === 1;
        throw new Error(`not a boolean: ${JSON.stringify(String(v))}`);
      };
    case "bytea":
      return (v) => (v === null || Buffer.isBuffer(v) ? v : Buffer.from(String(v)));
    case "text":
    case "varchar":
    case "bpchar":
      return (v) => {
        if (v === null) return null;
        if (Buffer.isBuffer(v)) throw new Error("a BLOB where PostgreSQL expects text");
        const s = typeof v === "string" ? v : String(v);
        if (s.includes("\0")) throw new Error("text with a NUL character (PostgreSQL cannot store it)");
        return s;
      };
    default:
      // Numbers (int4, int8, float8, numeric …): PostgreSQL reads JavaScript's shortest exact
      // decimal form of a double; anything else is left for PostgreSQL to accept or refuse.
      return (v) => {
        if (Buffer.isBuffer(v)) throw new Error(`a BLOB where PostgreSQL expects ${udt}`);
        return v;
      };
  }
}

// --- Schemas --------------------------------------------------------------------------------

/** Tables of the SQLite file worth copying: name → column names. */
function sqliteTables(db) {
  const all = db.prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'table' ORDER BY name`).all();
  const virtual = all.filter((t) => /^\s*CREATE\s+VIRTUAL\s+TABLE/i.test(t.sql ?? ""));
  const skipped = (name) =>
    name.startsWith("sqlite_") ||
    LEDGERS.has(name) ||
    virtual.some((v) => name === v.name || name.startsWith(`${v.name}_`));
  const tables = new Map();
  for (const { name } of all) {
    if (skipped(name)) continue;
    tables.set(
      name,
      db
        .prepare(`SELECT name FROM pragma_table_info(?) ORDER BY cid`)
        .all(name)
        .map((c) => c.name),
    );
  }
  return tables;
}

/** Base tables of the public schema except the ledgers. */
async function pgTableNames(client) {
  const { rows } = await client.query(
    `SELECT table_name AS name FROM information_schema.tables
     WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`,
  );
  return rows.map((r) => r.name).filter((n) => !LEDGERS.has(n));
}

/** name → { columns: [{ name, udt, generated }], parents: Set, selfRefs: [[col, refCol]] }. */
async function pgSchema(client) {
  const tables = new Map();
  for (const name of await pgTableNames(client)) {
    tables.set(name, { name, columns: [], parents: new Set(), selfRefs: [] });
  }
  const columns = await client.query(
    `SELECT table_name, column_name, udt_name, is_generated FROM information_schema.columns
     WHERE table_schema = 'public' ORDER BY table_name, ordinal_position`,
  );
  for (const c of columns.rows) {
    tables.get(c.table_name)?.columns.push({
      name: c.column_name,
      udt: c.udt_name,
      generated: c.is_generated === "ALWAYS",
    });
  }
  const fks = await client.query(
    `SELECT c.relname AS child, p.relname AS parent,
            (SELECT array_agg(a.attname ORDER BY k.i) FROM unnest(f.conkey) WITH ORDINALITY k(n, i)
               JOIN pg_attribute a ON a.attrelid = f.conrelid AND a.attnum = k.n) AS cols,
            (SELECT array_agg(a.attname ORDER BY k.i) FROM unnest(f.confkey) WITH ORDINALITY k(n, i)
               JOIN pg_attribute a ON a.attrelid = f.confrelid AND a.attnum = k.n) AS refcols
     FROM pg_constraint f
     JOIN pg_class c ON c.oid = f.conrelid JOIN pg_namespace cn ON cn.oid = c.relnamespace
     JOIN pg_class p ON p.oid = f.confrelid
     WHERE f.contype = 'f' AND cn.nspname = 'public'`,
  );
  for (const fk of fks.rows) {
    const child = tables.get(fk.child);
    if (!child) continue;
    if (fk.child === fk.parent) {
      if (fk.cols.length === 1) child.selfRefs.push([fk.cols[0], fk.refcols[0]]);
    } else if (tables.has(fk.parent)) {
      child.parents.add(fk.parent);
    }
  }
  return tables;
}

/** Parents before children; ties by name (a stable, readable order). */
function copyOrder(tables) {
  const order = [];
  const placed = new Set();
  while (order.length < tables.size) {
    const ready = [...tables.values()]
      .filter((t) => !placed.has(t.name) && [...t.parents].every((p) => placed.has(p)))
      .map((t) => t.name)
      .sort();
    if (ready.length === 0) {
      const left = [...tables.keys()].filter((n) => !placed.has(n));
      throw new Error(`foreign keys form a cycle between ${left.join(", ")}`);
    }
    for (const name of ready) {
      placed.add(name);
      order.push(name);
    }
  }
  return order;
}

/**
 * The copy plan: tables in order with the columns to write, or an Error listing every difference
 * between the two schemas (generated PostgreSQL columns are computed there, so not copied).
 */
function plan(sqlite, postgres) {
  const problems = [];
  for (const name of sqlite.keys()) {
    if (!postgres.has(name)) problems.push(`table ${name} exists only in SQLite`);
  }
  for (const name of postgres.keys()) {
    if (!sqlite.has(name)) problems.push(`table ${name} exists only in PostgreSQL`);
  }
  for (const [name, table] of postgres) {
    const source = sqlite.get(name);
    if (!source) continue;
    for (const col of source) {
      if (!table.columns.some((c) => c.name === col)) {
        problems.push(`column ${name}.${col} exists only in SQLite`);
      }
    }
    for (const col of table.columns) {
      if (!col.generated && !source.includes(col.name)) {
        problems.push(`column ${name}.${col.name} exists only in PostgreSQL`);
      }
    }
  }
  if (problems.length > 0) {
    throw new Error(
      `the two databases are not at the same schema (migrate the source with ` +
        `DATABASE_URL=file:… npm run db:migrate, and use the same version of difang):\n  ` +
        problems.join("\n  "),
    );
  }
  return copyOrder(postgres).map((name) => {
    const table = postgres.get(name);
    return { ...table, columns: table.columns.filter((c) => !c.generated) };
  });
}

/** Tables (of `names`) that already hold rows. */
async function tablesWithRows(client, names) {
  const full = [];
  for (const name of names) {
    const { rows } = await client.query(`SELECT EXISTS (SELECT 1 FROM ${q(name)}) AS any`);
    if (rows[0].any) full.push(name);
  }
  return full;
}

function refuseIfNotEmpty(full) {
  if (full.length > 0) {
    throw new CopyRefused(
      `the target already has rows in ${full.join(", ")}: db:copy only fills an empty database ` +
        `(create a new one, or drop and recreate this one)`,
    );
  }
}

// --- Copying --------------------------------------------------------------------------------

/** The SELECT reading a table's rows; a table referencing itself is read parents first. */
function sourceQuery(table) {
  const cols = table.columns.map((c) => `t.${q(c.name)}`).join(", ");
  const from = `${q(table.name)} t`;
  const [ref] = table.selfRefs;
  if (!ref || table.selfRefs.length > 1) return `SELECT ${cols} FROM ${from}`;
  const [c, r] = ref.map(q);
  // Roots: no parent, themselves, or a parent that does not exist (PostgreSQL then refuses the
  // row with a clear message). A cycle of rows is never reached: the counts then differ.
  return `WITH RECURSIVE tree(k, depth) AS (
      SELECT ${r}, 0 FROM ${q(table.name)}
      WHERE ${c} IS NULL OR ${c} = ${r} OR ${c} NOT IN (SELECT ${r} FROM ${q(table.name)})
      UNION ALL
      SELECT s.${r}, tree.depth + 1 FROM ${q(table.name)} s JOIN tree ON s.${c} = tree.k
      WHERE s.${c} IS NOT s.${r})
    SELECT ${cols} FROM ${from} JOIN tree ON t.${r} = tree.k ORDER BY tree.depth`;
}

function progressLine(out) {
  let last = 0;
  return {
    update(table, done, total, started, final = false) {
      const now = Date.now();
      if (!final && now - last < 200) return;
      last = now;
      const seconds = Math.max((now - started) / 1000, 0.001);
      const rate = Math.round(done / seconds).toLocaleString("en-US");
      const line =
        `  ${table.padEnd(20)} ${done.toLocaleString("en-US").padStart(11)} / ` +
        `${total.toLocaleString("en-US").padEnd(11)} ${rate.padStart(9)} rows/s  ${seconds.toFixed(1)}s`;
      // A terminal gets one line rewritten in place; a log file only the finished line.
      if (out.isTTY) out.write(`\r${line}\x1b[K${final ? "\n" : ""}`);
      else if (final) out.write(`${line}\n`);
    },
  };
}

async function copyTable(db, client, table, progress) {
  const total = db.prepare(`SELECT count(*) AS n FROM ${q(table.name)}`).get().n;
  const convert = table.columns.map((c) => converter(c.udt));
  const casts = table.columns.map((c, i) => `$${i + 1}::${q(c.udt)}[]`).join(", ");
  const insert = {
    name: `difang_copy_${table.name}`,
    text:
      `INSERT INTO ${q(table.name)} (${table.columns.map((c) => q(c.name)).join(", ")}) ` +
      `OVERRIDING SYSTEM VALUE SELECT * FROM unnest(${casts})`,
  };
  const started = Date.now();
  let done = 0;
  let pending = null;
  let batch = table.columns.map(() => []);
  let rows = 0;
  let chars = 0;
  const flush = async () => {
    if (rows === 0) return;
    const values = batch;
    const n = rows;
    batch = table.columns.map(() => []);
    rows = 0;
    chars = 0;
    await pending; // at most one batch in flight: read the next one while this one is written
    pending = client.query({ ...insert, values }).then(() => {
      done += n;
      progress.update(table.name, done, total, started);
    });
  };
  const read = db.prepare(sourceQuery(table)).raw(true);
  try {
    for (const row of read.iterate()) {
      for (let i = 0; i < row.length; i++) {
        let value;
        try {
          value = convert[i](row[i]);
        } catch (error) {
          const key = `${table.columns[0].name} = ${JSON.stringify(row[0])}`;
          throw new Error(`${table.name}.${table.columns[i].name} (row with ${key}): ${error.message}`);
        }
        batch[i].push(value);
        if (typeof value === "string") chars += value.length;
      }
      rows++;
      if (rows >= BATCH_ROWS || chars >= BATCH_CHARS) await flush();
    }
    await flush();
    await pending;
  } catch (error) {
    await pending?.catch(() => {}); // the batch in flight fails with the rolled-back transaction
    throw error;
  }
  progress.update(table.name, done, total, started, true);
  return total;
}

/**
 * Checks of the columns PostgreSQL's triggers maintain, which were copied verbatim with the
 * triggers off (prisma/postgresql/migrations/20261130140100_triggers). Each query counts rows
 * that differ from what the triggers would have written; run only when its tables exist.
 */
const DERIVED_CHECKS = [
  {
    what: "ArticleTag rows whose status/publishedAt differ from their story's",
    tables: ["ArticleTag", "Article"],
    sql: `SELECT count(*)::int AS n FROM "ArticleTag" t JOIN "Article" a ON a."id" = t."articleId"
          WHERE t."status" IS DISTINCT FROM a."status" OR t."publishedAt" IS DISTINCT FROM a."publishedAt"`,
  },
  {
    what: "ArticleAuthor rows whose status/publishedAt differ from their story's",
    tables: ["ArticleAuthor", "Article"],
    sql: `SELECT count(*)::int AS n FROM "ArticleAuthor" t JOIN "Article" a ON a."id" = t."articleId"
          WHERE t."status" IS DISTINCT FROM a."status" OR t."publishedAt" IS DISTINCT FROM a."publishedAt"`,
  },
  {
    what: "channels whose ChannelStoryCount differs from their published stories",
    tables: ["ChannelStoryCount", "Article", "Channel"],
    sql: `SELECT count(*)::int AS n FROM "Channel" c
          LEFT JOIN "ChannelStoryCount" s ON s."channelId" = c."id"
          LEFT JOIN (SELECT "channelId", count(*)::int AS published FROM "Article"
                     WHERE "status" = 'published' AND "publishedAt" IS NOT NULL
                     GROUP BY "channelId") a ON a."channelId" = c."id"
          WHERE coalesce(s."published", 0) <> coalesce(a.published, 0)`,
  },
  ...[
    ["ChannelDayCount", "day", "YYYY-MM-DD"],
    ["ChannelMonthCount", "month", "YYYY-MM"],
  ].map(([table, key, format]) => ({
    what: `channels whose ${table} differs from their published stories of that ${key}`,
    tables: [table, "Article"],
    sql: `SELECT count(*)::int AS n FROM
            (SELECT "channelId", to_char("publishedAt", '${format}') AS "${key}", count(*)::int AS published
             FROM "Article" WHERE "status" = 'published' AND "publishedAt" IS NOT NULL GROUP BY 1, 2) a
          FULL JOIN (SELECT * FROM "${table}" WHERE "published" <> 0) c USING ("channelId", "${key}")
          WHERE coalesce(c."published", 0) <> coalesce(a.published, 0)`,
  })),
];

/**
 * Copies `from` (file: URL) into `to` (postgresql:// URL). Returns the verification rows
 * [{ table, sqlite, postgres, ok }]. Throws CopyRefused before writing anything when refused.
 */
export async function copyDatabase({ from, to, log = console.log, progressOut = process.stderr }) {
  const file = sqlitePath(from);
  if (typeof to !== "string" || !isPostgresUrl(to)) {
    throw new CopyRefused(`--to must be a postgresql:// URL`);
  }
  let db;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    db.prepare("SELECT count(*) FROM sqlite_master").get();
  } catch (error) {
    db?.close();
    throw new CopyRefused(`--from: ${file} is not a SQLite database (${error.message})`);
  }
  const client = new pg.Client({ connectionString: to });
  try {
    await client.connect();
    // Before migrating: a target that already holds data is refused untouched.
    refuseIfNotEmpty(await tablesWithRows(client, await pgTableNames(client)));
    await migratePostgres(to, (line) => log(`target: ${line}`));

    db.exec("BEGIN"); // one snapshot of the source for the whole copy
    const tables = plan(sqliteTables(db), await pgSchema(client));
    log(`copying ${tables.length} tables from ${file} in one transaction`);
    const progress = progressLine(progressOut);
    const counts = new Map();
    const started = Date.now();
    const report = [];

    await client.query("BEGIN");
    try {
      for (const t of tables) await client.query(`LOCK TABLE ${q(t.name)} IN ACCESS EXCLUSIVE MODE`);
      // Again under the locks: nothing can have been written in between.
      const names = tables.map((t) => t.name);
      refuseIfNotEmpty(await tablesWithRows(client, names));
      for (const t of tables) await client.query(`ALTER TABLE ${q(t.name)} DISABLE TRIGGER USER`);
      for (const t of tables) counts.set(t.name, await copyTable(db, client, t, progress));
      for (const t of tables) await client.query(`ALTER TABLE ${q(t.name)} ENABLE TRIGGER USER`);

      for (const check of DERIVED_CHECKS) {
        if (!check.tables.every((name) => counts.has(name))) continue;
        const { n } = (await client.query(check.sql)).rows[0];
        if (n > 0) {
          throw new Error(
            `${n} ${check.what}: the source's trigger-maintained data is inconsistent; nothing was copied`,
          );
        }
      }
      for (const t of tables) {
        const { n } = (await client.query(`SELECT count(*)::bigint AS n FROM ${q(t.name)}`)).rows[0];
        const sqlite = counts.get(t.name);
        report.push({ table: t.name, sqlite, postgres: Number(n), ok: Number(n) === sqlite });
      }
      if (report.some((r) => !r.ok)) {
        printReport(report, log);
        throw new Error("row counts differ (see above); nothing was copied");
      }
      // Serial ids continue after the largest copied one (setval is not undone by a rollback;
      // on an empty target that only skips ids).
      const serials = await client.query(
        `SELECT table_name, column_name, seq FROM (
           SELECT table_name, column_name,
                  pg_get_serial_sequence(format('%I', table_name), column_name) AS seq
           FROM information_schema.columns
           WHERE table_schema = 'public' AND table_name = ANY($1)) c
         WHERE seq IS NOT NULL`,
        [tables.map((t) => t.name)],
      );
      for (const { table_name: table, column_name: column, seq } of serials.rows) {
        await client.query(
          `SELECT setval($1, coalesce(max(${q(column)}), 1), max(${q(column)}) IS NOT NULL) FROM ${q(table)}`,
          [seq],
        );
      }
      await client.query("COMMIT");
    } catch (error) {
      await client.query("ROLLBACK").catch(() => {});
      throw error;
    }
    log(`copied in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    const vacuumStarted = Date.now();
    for (const t of tables) await client.query(`VACUUM (ANALYZE) ${q(t.name)}`);
    log(`VACUUM (ANALYZE) in ${((Date.now() - vacuumStarted) / 1000).toFixed(1)} s`);
    return report;
  } finally {
    if (db.inTransaction) db.exec("COMMIT");
    db.close();
    await client.end().catch(() => {});
  }
}

export function printReport(report, log = console.log) {
  const width = Math.max(5, ...report.map((r) => r.table.length));
  const num = (n) => n.toLocaleString("en-US").padStart(12);
  log(`${"table".padEnd(width)} ${"sqlite".padStart(12)} ${"postgres".padStart(12)}  ok`);
  for (const r of report) {
    log(`${r.table.padEnd(width)} ${num(r.sqlite)} ${num(r.postgres)}  ${r.ok ? "yes" : "NO"}`);
  }
}

async function main() {
  let args;
  try {
    ({ values: args } = parseArgs({ options: { from: { type: "string" }, to: { type: "string" } } }));
  } catch (error) {
    throw new CopyRefused(error.message);
  }
  if (!args.from || !args.to) {
    throw new CopyRefused("usage: npm run db:copy -- --from file:./data/difang.db --to postgresql://…");
  }
  printReport(await copyDatabase({ from: args.from, to: args.to }));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((error) => {
    if (process.stderr.isTTY) process.stderr.write("\n");
    console.error(`db:copy: ${error.message}`);
    process.exitCode = error instanceof CopyRefused ? 2 : 1;
  });
}
