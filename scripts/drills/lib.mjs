// Shared pieces of the fault drills (scripts/drills/*.mjs): a temporary data directory, a
// migrated database with published stories, `next start` on loopback, and the pure accounting
// of what was acknowledged against what was stored (unit-tested in lib.test.mjs).
// Drills never touch data/dev or data/e2e: everything lives under a fresh mkdtemp directory.
import { execFileSync, spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";

export const ROOT = path.resolve(import.meta.dirname, "../..");

/** A reader's browser; the suffix makes each simulated reader distinct (views dedupe per client). */
export const readerAgent = (n) =>
  `Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36 reader/${n}`;

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
export const isoTime = (ms) => new Date(ms).toISOString().replace("Z", "+00:00");

/** Refuses to run without a production build (drills measure what production runs). */
export function requireBuild() {
  if (!existsSync(path.join(ROOT, ".next", "BUILD_ID"))) {
    console.error("No production build: run `npm run build` first.");
    process.exit(2);
  }
}

/** A fresh directory with the environment of a portal whose data lives in it. */
export function tempPortal(prefix, parent = tmpdir()) {
  const dir = mkdtempSync(path.join(parent, `difang-drill-${prefix}-`));
  return portalIn(dir);
}

export function portalIn(dir, { createUploads = true } = {}) {
  const dbFile = path.join(dir, "difang.db");
  const uploads = path.join(dir, "uploads");
  mkdirSync(createUploads ? uploads : dir, { recursive: true });
  const env = {
    ...process.env,
    DATABASE_URL: `file:${dbFile}`,
    UPLOAD_DIR: uploads,
    NEXT_TELEMETRY_DISABLED: "1",
    NODE_ENV: "production",
  };
  return { dir, dbFile, uploads, env };
}

export function migrate(env) {
  execFileSync("npx", ["prisma", "migrate", "deploy"], { cwd: ROOT, env, stdio: "ignore" });
}

/** One region, one channel `drill`, `count` published stories (ids 1..count). */
export function insertStories(dbFile, count) {
  const db = new Database(dbFile);
  const at = isoTime(Date.now() - 3_600_000);
  db.transaction(() => {
    db.prepare(`INSERT INTO "Region" ("name","slug","level") VALUES ('演练市','yanlian','city')`).run();
    db.prepare(
      `INSERT INTO "Channel" ("slug","name","regionId","createdAt","updatedAt") VALUES ('drill','演练频道',1,?,?)`,
    ).run(at, at);
    const insert = db.prepare(
      `INSERT INTO "Article" ("channelId","title","summary","body","bodyHtml","bodyText","status","publishedAt","createdAt","updatedAt")
       VALUES (1, ?, '摘要', '正文', '<p>正文</p>', '正文', 'published', ?, ?, ?)`,
    );
    for (let i = 1; i <= count; i++) insert.run(`演练新闻 ${i}`, at, at, at);
  })();
  db.close();
}

/**
 * `next start` on 127.0.0.1:port as its own process group (so that a signal reaches the server
 * itself, not a wrapper), resolved once /api/health answers 200.
 */
export async function startPortal(env, port, { timeoutMs = 90_000 } = {}) {
  const server = spawn(
    process.execPath,
    [path.join(ROOT, "node_modules/next/dist/bin/next"), "start", "-H", "127.0.0.1", "-p", String(port)],
    { cwd: ROOT, env: { ...env, PORT: String(port) }, stdio: ["ignore", "pipe", "pipe"], detached: true },
  );
  let log = "";
  server.stdout.on("data", (d) => (log += d));
  server.stderr.on("data", (d) => (log += d));
  const exited = new Promise((resolve) => server.on("exit", (code, signal) => resolve({ code, signal })));
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.exitCode !== null || server.signalCode !== null)
      throw new Error(`next start exited before answering:\n${log}`);
    try {
      if ((await fetch(`${base}/api/health`)).ok) return { server, base, exited, log: () => log };
    } catch {
      // not listening yet
    }
    await sleep(200);
  }
  process.kill(-server.pid, "SIGKILL");
  throw new Error(`next start did not answer within ${timeoutMs} ms:\n${log}`);
}

/** Stops a portal: SIGTERM (the clean way) or SIGKILL (the crash), and waits for the exit. */
export async function stopPortal(portal, signal = "SIGTERM", timeoutMs = 30_000) {
  if (portal.server.exitCode === null && portal.server.signalCode === null) {
    try {
      process.kill(-portal.server.pid, signal);
    } catch {
      // already gone
    }
  }
  const timeout = sleep(timeoutMs).then(() => {
    throw new Error(`next start did not exit within ${timeoutMs} ms after ${signal}`);
  });
  return Promise.race([portal.exited, timeout]);
}

/** A comment form token for each story, as the form asks for one; usable after 3 s. */
export async function commentTokens(base, ids) {
  const tokens = new Map();
  for (const id of ids) {
    const res = await fetch(`${base}/api/articles/${id}/comment-token`, {
      headers: { "user-agent": readerAgent(0) },
    });
    if (!res.ok) throw new Error(`comment token for story ${id}: HTTP ${res.status}`);
    tokens.set(id, (await res.json()).token);
  }
  return tokens;
}

/** `PRAGMA integrity_check` and the FTS5 index check of a database file. */
export function checkDatabaseFile(dbFile) {
  const db = new Database(dbFile);
  try {
    const integrity = db.pragma("integrity_check").map((r) => r.integrity_check);
    let search = "ok";
    try {
      db.prepare(`INSERT INTO "ArticleSearch" ("ArticleSearch", "rank") VALUES ('integrity-check', 1)`).run();
    } catch (e) {
      search = String(e.message ?? e);
    }
    return { integrity: integrity.join("; "), search };
  } finally {
    db.close();
  }
}

// ---------------------------------------------------------------------------------------------
// Pure accounting (unit-tested).

/**
 * Views: what the readers were told (204 X-View: counted, with the time the answer arrived)
 * against what the database holds after the crash. Views live in memory until the next flush, so
 * a crash may lose those acknowledged since the last flush: at most one flush interval's worth
 * (`lastIntervalAcked`), or a little more when a busy event loop delays the flush timer.
 */
export function viewLoss({ ackTimes, killAt, stored, flushMs }) {
  const acked = ackTimes.length;
  const lastIntervalAcked = ackTimes.filter((t) => t > killAt - flushMs).length;
  const lost = acked - stored;
  return { acked, stored, lost, lastIntervalAcked, withinOneInterval: lost <= lastIntervalAcked };
}

/**
 * Comments: each acknowledged one (201/202) must be stored exactly once; rows without an
 * acknowledgement are posts whose answer the crash cut off (stored, reader not told).
 */
export function commentLoss({ acknowledged, storedBodies }) {
  const counts = new Map();
  for (const body of storedBodies) counts.set(body, (counts.get(body) ?? 0) + 1);
  const lost = acknowledged.filter((body) => !counts.has(body));
  const doubled = [...counts.values()].filter((n) => n > 1).length;
  const ackSet = new Set(acknowledged);
  const unacknowledged = [...counts.keys()].filter((body) => !ackSet.has(body)).length;
  return {
    acked: acknowledged.length,
    stored: storedBodies.length,
    lost: lost.length,
    doubled,
    unacknowledged,
  };
}
