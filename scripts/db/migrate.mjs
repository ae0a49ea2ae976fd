// `npm run db:migrate`: brings the database of DATABASE_URL to the newest schema, on either store.
// - file:…            SQLite: `prisma migrate deploy` over prisma/migrations (Prisma's own ledger).
// - postgresql://…    PostgreSQL: the SQL files of prisma/postgresql/migrations, in name order,
//   each in one transaction together with its row in the ledger table "_difang_migrations"
//   (`prisma migrate deploy` through the JavaScript engine fails on PostgreSQL 15, see
//   ../shared/STACK.md). An advisory lock lets several nodes run it at once: one applies, the
//   others wait and find nothing left to do. A file changed after it was applied stops the run.
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { readFileSync, readdirSync, existsSync } from "node:fs";
import path from "node:path";
import pg from "pg";

const root = path.resolve(import.meta.dirname, "../..");
export const PG_MIGRATIONS = path.join(root, "prisma/postgresql/migrations");
const LOCK_KEY = 72_011_130; // any constant shared by every node

export function isPostgresUrl(url) {
  return /^postgres(ql)?:\/\//.test(url);
}

export function pgMigrations(dir = PG_MIGRATIONS) {
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(path.join(dir, d.name, "migration.sql")))
    .map((d) => {
      const sql = readFileSync(path.join(dir, d.name, "migration.sql"), "utf8");
      return { name: d.name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** Applies what is missing; returns the names applied. */
export async function migratePostgres(url, log = console.log) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [LOCK_KEY]);
    await client.query(`CREATE TABLE IF NOT EXISTS "_difang_migrations" (
      "name" TEXT PRIMARY KEY, "checksum" TEXT NOT NULL, "appliedAt" TIMESTAMPTZ NOT NULL DEFAULT now())`);
    const done = new Map(
      (await client.query(`SELECT "name", "checksum" FROM "_difang_migrations"`)).rows.map((r) => [
        r.name,
        r.checksum,
      ]),
    );
    const applied = [];
    for (const m of pgMigrations()) {
      const had = done.get(m.name);
      if (had !== undefined) {
        if (had !== m.checksum) throw new Error(`migration ${m.name} was changed after it was applied`);
        continue;
      }
      await client.query("BEGIN");
      try {
        await client.query(m.sql);
        await client.query(`INSERT INTO "_difang_migrations" ("name", "checksum") VALUES ($1, $2)`, [
          m.name,
          m.checksum,
        ]);
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK");
        throw new Error(`migration ${m.name} failed: ${error.message}`, { cause: error });
      }
      applied.push(m.name);
      log(`applied ${m.name}`);
    }
    if (applied.length === 0) log("PostgreSQL schema is up to date");
    return applied;
  } finally {
    await client.end();
  }
}

async function main() {
  const url = process.env.DATABASE_URL ?? "file:./data/difang.db";
  if (isPostgresUrl(url)) {
    await migratePostgres(url);
  } else {
    execFileSync("npx", ["prisma", "migrate", "deploy"], {
      stdio: "inherit",
      env: { ...process.env, DATABASE_URL: url },
    });
  }
  // The data step after the schema: bodies still in Markdown become the stored HTML (markdown-it
  // cannot run in SQL). Batched, idempotent, restartable; silent when nothing is left.
  execFileSync("npx", ["tsx", "scripts/db/convert-bodies.ts", "--quiet"], {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, DATABASE_URL: url },
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((error) => {
    console.error(`db:migrate: ${error.message}`);
    process.exit(1);
  });
}
