// Load proof for reader participation (views and comments) against `next start` on loopback.
//
//   npm run load:participation            (needs a build: runs `next build` when .next is missing)
//
// 1. Creates a temporary SQLite database (prisma migrate deploy) with 40 published stories.
// 2. Starts `next start` on 127.0.0.1:3399 against it.
// 3. Views: sends 20,000 view beacons from 50 concurrent connections (autocannon), as 16,000
//    distinct readers plus 4,000 repeats of an earlier (reader, story) pair that dedupe must drop.
// 4. Comments: 500 concurrent comment posts from distinct addresses (JSON API), 450 valid and 50
//    invalid in known ways.
// 5. Stops the server with SIGTERM, waits for it to exit, and checks in the database that the
//    stored view counts equal the deduplicated beacons exactly, per story, and that every accepted
//    comment is stored once and every refused one got a clear error.
// Bounded: every phase has a deadline; only 127.0.0.1 is contacted. Exit code 1 on any mismatch.
import { spawn, execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import Database from "better-sqlite3";

const PORT = 3399;
const BASE = `http://127.0.0.1:${PORT}`;
const STORIES = 40;
const BEACONS = 20_000;
const REPEATS = 4_000;
const COMMENTS = 500;
const UA =
  "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36";

const root = path.resolve(import.meta.dirname, "../..");
const dir = mkdtempSync(path.join(tmpdir(), "difang-load-"));
const dbFile = path.join(dir, "load.db");
const env = {
  ...process.env,
  DATABASE_URL: `file:${dbFile}`,
  UPLOAD_DIR: path.join(dir, "uploads"),
  NEXT_TELEMETRY_DISABLED: "1",
  NODE_ENV: "production",
  COMMENT_RATE_LIMIT: "5",
  // This script on loopback stands in for a proxy in front of many readers: its X-Forwarded-For
  // names the reader (lib/client-address.ts believes it only from a trusted proxy).
  TRUSTED_PROXIES: "127.0.0.1,::1",
};
const iso = (ms) => new Date(ms).toISOString().replace("Z", "+00:00");
let failed = false;
const check = (ok, message) => {
  console.log(`${ok ? "ok  " : "FAIL"} ${message}`);
  if (!ok) failed = true;
};

function prepareDatabase() {
  execFileSync("npx", ["prisma", "migrate", "deploy"], { cwd: root, env, stdio: "ignore" });
  const db = new Database(dbFile);
  const now = iso(Date.now() - 3_600_000);
  db.prepare(`INSERT INTO "Region" ("name","slug","level") VALUES ('测试市','ceshi','city')`).run();
  db.prepare(
    `INSERT INTO "Channel" ("slug","name","regionId","createdAt","updatedAt") VALUES ('loadtest','压测频道',1,?,?)`,
  ).run(now, now);
  const insert = db.prepare(
    `INSERT INTO "Article" ("channelId","title","summary","body","bodyHtml","bodyText","status","publishedAt","createdAt","updatedAt")
     VALUES (1, ?, '摘要', '正文', '<p>正文</p>', '正文', 'published', ?, ?, ?)`,
  );
  for (let i = 1; i <= STORIES; i++) insert.run(`压测新闻 ${i}`, now, now, now);
  db.close();
}

async function startServer() {
  if (!existsSync(path.join(root, ".next", "BUILD_ID"))) {
    execFileSync("npx", ["next", "build"], { cwd: root, env, stdio: "inherit" });
  }
  const server = spawn("npx", ["next", "start", "-H", "127.0.0.1", "-p", String(PORT)], {
    cwd: root,
    env,
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let log = "";
  server.stdout.on("data", (d) => (log += d));
  server.stderr.on("data", (d) => (log += d));
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`${BASE}/api/health`)).ok) return { server, log: () => log };
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`server did not start:\n${log}`);
}

async function stopServer(server) {
  const exited = new Promise((resolve) => server.on("exit", resolve));
  // npx runs next in a child: signal the whole process group, as a service manager would.
  process.kill(-server.pid, "SIGTERM");
  const timeout = new Promise((_, reject) =>
    setTimeout(() => reject(new Error("server did not stop within 20 s")), 20_000),
  );
  await Promise.race([exited, timeout]);
}

async function loadViews() {
  // Request i: reader r(i), story s(i). The first BEACONS-REPEATS are distinct pairs; the rest
  // repeat earlier pairs, which the dedupe window must drop.
  const unique = BEACONS - REPEATS;
  const plan = [];
  for (let i = 0; i < unique; i++) plan.push({ reader: i, story: 1 + (i % STORIES) });
  for (let i = 0; i < REPEATS; i++) plan.push(plan[(i * 7919) % unique]);
  const expected = new Map();
  for (const p of plan.slice(0, unique)) expected.set(p.story, (expected.get(p.story) ?? 0) + 1);
  let next = 0;
  const result = await new Promise((resolve, reject) => {
    autocannon(
      {
        url: BASE,
        connections: 50,
        amount: BEACONS,
        timeout: 30,
        requests: [
          {
            method: "POST",
            setupRequest: (req) => {
              const p = plan[next++ % plan.length];
              const a = p.reader;
              return {
                ...req,
                path: `/api/views/${p.story}`,
                headers: {
                  "user-agent": UA,
                  "x-forwarded-for": `10.${(a >> 16) & 255}.${(a >> 8) & 255}.${a & 255}`,
                },
              };
            },
          },
        ],
      },
      (err, r) => (err ? reject(err) : resolve(r)),
    );
  });
  console.log(
    `views: ${result.requests.total} beacons, ${result.requests.average.toFixed(0)} req/s, p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, non-2xx ${result.non2xx}, errors ${result.errors}`,
  );
  check(
    result["2xx"] === BEACONS && result.errors === 0 && result.timeouts === 0,
    `all ${BEACONS} beacons answered 204`,
  );
  return expected;
}

async function loadComments() {
  // The form token is bound to its story: ask for it as the comment form does when a reader
  // starts writing (it is not in the cached page).
  const tokens = new Map();
  for (let id = 1; id <= STORIES; id++) {
    const res = await fetch(`${BASE}/api/articles/${id}/comment-token`, { headers: { "user-agent": UA } });
    tokens.set(id, (await res.json()).token);
  }
  check([...tokens.values()].every(Boolean), "every story hands out a comment form token");
  await new Promise((r) => setTimeout(r, 3_200)); // the minimum fill time
  const posts = [];
  for (let i = 0; i < COMMENTS; i++) {
    const story = 1 + (i % STORIES);
    let body = `第${i}位读者的留言：压测评论内容 ${i}`;
    let kind = "valid";
    if (i % 10 === 3) {
      body = "好";
      kind = "too-short";
    } else if (i % 10 === 7) {
      // A duplicate of comment i-1's body on the same story... made identical on purpose.
      body = `第${i - 1}位读者的留言：压测评论内容 ${i - 1}`;
      kind = "duplicate-or-first";
    }
    posts.push({ i, story, body, kind, address: `172.16.${(i >> 8) & 255}.${i & 255}` });
  }
  // Make the duplicates real: post i-1 goes to the same story as i.
  for (const p of posts) if (p.kind === "duplicate-or-first") p.story = posts[p.i - 1].story;
  const t0 = performance.now();
  const answers = await Promise.all(
    posts.map(async (p) => {
      const r = await fetch(`${BASE}/api/articles/${p.story}/comments`, {
        method: "POST",
        headers: { "content-type": "application/json", "user-agent": UA, "x-forwarded-for": p.address },
        body: JSON.stringify({ body: p.body, nickname: `读者${p.i}`, token: tokens.get(p.story) }),
      });
      return { ...p, status: r.status, json: await r.json() };
    }),
  );
  const ms = performance.now() - t0;
  const accepted = answers.filter((a) => a.status === 202);
  const outcomes = {};
  for (const a of answers)
    outcomes[`${a.status} ${a.json.code ?? "accepted"}`] =
      (outcomes[`${a.status} ${a.json.code ?? "accepted"}`] ?? 0) + 1;
  const refused = answers.filter((a) => a.status !== 202);
  console.log(
    `comments: ${COMMENTS} concurrent posts in ${ms.toFixed(0)} ms: ${accepted.length} accepted, ${refused.length} refused ${JSON.stringify(outcomes)}`,
  );
  check(
    refused.every(
      (a) =>
        a.status >= 400 && a.status < 500 && typeof a.json.message === "string" && a.json.message.length > 0,
    ),
    "every refused post got a 4xx with a message",
  );
  check(
    answers.filter((a) => a.kind === "too-short").every((a) => a.status === 400),
    "too-short bodies refused with 400",
  );
  const dupBodies = new Map();
  for (const a of answers) {
    const key = `${a.story}|${a.body}`;
    dupBodies.set(key, [...(dupBodies.get(key) ?? []), a]);
  }
  const pairs = [...dupBodies.values()].filter((l) => l.length === 2);
  check(
    pairs.every((l) => l.filter((a) => a.status === 202).length === 1 && l.some((a) => a.status === 409)),
    `each of ${pairs.length} identical pairs: exactly one accepted, the other refused as duplicate`,
  );
  return accepted;
}

function verify(expectedViews, accepted) {
  const db = new Database(dbFile, { readonly: true });
  let exact = true;
  let stored = 0;
  let expectedTotal = 0;
  for (let id = 1; id <= STORIES; id++) {
    const want = expectedViews.get(id) ?? 0;
    const buckets = db
      .prepare(`SELECT COALESCE(SUM("count"),0) AS n FROM "ArticleViewBucket" WHERE "articleId" = ?`)
      .get(id).n;
    const total = db.prepare(`SELECT "viewCount" AS n FROM "Article" WHERE "id" = ?`).get(id).n;
    stored += buckets;
    expectedTotal += want;
    if (buckets !== want || total !== want) {
      exact = false;
      console.log(`  story ${id}: expected ${want}, buckets ${buckets}, total ${total}`);
    }
  }
  check(
    exact,
    `stored views equal deduplicated beacons for every story (${stored} stored, ${expectedTotal} expected)`,
  );
  const rows = db
    .prepare(`SELECT "articleId", "body", COUNT(*) AS n FROM "Comment" GROUP BY "articleId", "body"`)
    .all();
  const byKey = new Map(rows.map((r) => [`${r.articleId}|${r.body}`, r.n]));
  const missingOrDoubled = accepted.filter((a) => byKey.get(`${a.story}|${a.body}`) !== 1);
  const total = db.prepare(`SELECT COUNT(*) AS n FROM "Comment"`).get().n;
  check(
    missingOrDoubled.length === 0 && total === accepted.length,
    `every accepted comment stored exactly once (${total} rows, ${accepted.length} accepted)`,
  );
  db.close();
}

try {
  prepareDatabase();
  const { server, log } = await startServer();
  let expectedViews;
  let accepted;
  try {
    expectedViews = await loadViews();
    accepted = await loadComments();
  } finally {
    await stopServer(server);
  }
  if (process.env.LOAD_VERBOSE) console.log(log());
  verify(expectedViews, accepted);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
console.log(failed ? "load: FAILED" : "load: all checks passed");
process.exit(failed ? 1 : 0);
