// The secrets generated on first start: every process on one database reads the same values,
// also when several start at the same moment, and the file is private to its owner.
import { spawn } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadOrCreateSecrets, secretsFileFor } from "@/lib/secrets";

const root = path.resolve(import.meta.dirname, "..");
const dir = mkdtempSync(path.join(tmpdir(), "difang-secrets-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A process that loads the configuration (lib/env.ts) at `startAt` and prints its secrets. */
function start(databaseUrl: string, startAt: number): Promise<string> {
  const script = `
    const wait = ${startAt} - Date.now();
    setTimeout(async () => {
      const m = await import("@/lib/env");
      const env = m.env ?? m.default.env; // tsx loads it as CommonJS from -e
      process.stdout.write(JSON.stringify([env.APP_SECRET, env.IP_HASH_SALT]));
    }, Math.max(0, wait));`;
  const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: databaseUrl };
  delete env.APP_SECRET;
  delete env.IP_HASH_SALT;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", "-e", script], { cwd: root, env });
    let out = "";
    let err = "";
    child.stdout.on("data", (d: Buffer) => (out += d.toString()));
    child.stderr.on("data", (d: Buffer) => (err += d.toString()));
    child.on("error", reject);
    child.on("exit", (code) => (code === 0 ? resolve(out) : reject(new Error(`exit ${code}: ${err}`))));
  });
}

describe("generated secrets", () => {
  it("six processes starting together on a new database agree on one pair of secrets", async () => {
    const databaseUrl = `file:${path.join(dir, "race", "difang.db")}`;
    const startAt = Date.now() + 4_000;
    const outputs = await Promise.all(Array.from({ length: 6 }, () => start(databaseUrl, startAt)));
    const [first] = outputs;
    const [appSecret, salt] = JSON.parse(first ?? "[]") as string[];
    expect(appSecret?.length).toBeGreaterThanOrEqual(32);
    expect(salt?.length).toBeGreaterThanOrEqual(32);
    expect(salt).not.toBe(appSecret);
    for (const out of outputs) expect(out).toBe(first);
    const file = secretsFileFor(databaseUrl);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    // No temporary file is left behind.
    expect(readdirSync(path.dirname(file))).toEqual([path.basename(file)]);
    // A later start reads the same values.
    expect(loadOrCreateSecrets(file)).toEqual({ APP_SECRET: appSecret, IP_HASH_SALT: salt });
  }, 60_000);

  it("another database gets other secrets; a damaged file is reported, never replaced", async () => {
    const a = loadOrCreateSecrets(path.join(dir, "a.db.secrets.json"));
    const b = loadOrCreateSecrets(path.join(dir, "b.db.secrets.json"));
    expect(a.APP_SECRET).not.toBe(b.APP_SECRET);
    const { writeFileSync, readFileSync } = await import("node:fs");
    const damaged = path.join(dir, "c.db.secrets.json");
    writeFileSync(damaged, "{ not json");
    expect(() => loadOrCreateSecrets(damaged)).toThrow(/not valid JSON/);
    expect(readFileSync(damaged, "utf8")).toBe("{ not json");
  });
});
