// Vitest global setup: a fresh database for the integration tests, migrated by the same command
// production runs (`npm run db:migrate`). Workers inherit these variables.
// - Default: a temporary SQLite file.
// - TEST_POSTGRES_URL=postgresql://…/<any database> (set by scripts/test-all.sh, which starts a
//   throw-away server): a new database on that server, dropped at the end.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
// @ts-expect-error: plain ES module without types (scripts/db/migrate.mjs)
import { migratePostgres } from "../../scripts/db/migrate.mjs";

export default async function setup(): Promise<() => Promise<void>> {
  const dir = mkdtempSync(path.join(tmpdir(), "difang-test-"));
  process.env.UPLOAD_DIR = path.join(dir, "uploads");
  const server = process.env.TEST_POSTGRES_URL;
  if (!server) {
    process.env.DATABASE_URL = `file:${path.join(dir, "test.db")}`;
    execFileSync("npx", ["prisma", "migrate", "deploy"], { env: process.env, stdio: "pipe" });
    return async () => rmSync(dir, { recursive: true, force: true });
  }
  const name = `difang_test_${process.pid}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  const url = new URL(server);
  url.pathname = `/${name}`;
  process.env.DATABASE_URL = url.toString();
  // PostgreSQL has no file to keep generated secrets next to (lib/env.ts).
  process.env.APP_SECRET ??= "test-app-secret-0123456789abcdef";
  process.env.IP_HASH_SALT ??= "test-ip-hash-salt-0123456789";
  await migratePostgres(process.env.DATABASE_URL, () => {});
  return async () => {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
    rmSync(dir, { recursive: true, force: true });
  };
}
