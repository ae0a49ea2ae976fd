// Vitest global setup: a fresh temporary SQLite file migrated with `prisma migrate deploy` (the
// same command production runs) for the integration tests. Workers inherit these variables.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

export default function setup(): () => void {
  const dir = mkdtempSync(path.join(tmpdir(), "difang-test-"));
  process.env.DATABASE_URL = `file:${path.join(dir, "test.db")}`;
  process.env.UPLOAD_DIR = path.join(dir, "uploads");
  execFileSync("npx", ["prisma", "migrate", "deploy"], { env: process.env, stdio: "pipe" });
  return () => rmSync(dir, { recursive: true, force: true });
}
