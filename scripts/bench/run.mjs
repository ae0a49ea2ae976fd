// Reader-page benchmark with baselines, on loopback, in one run that stops by itself (< 5 min on
// a 2-core machine).
//
//   npm run bench                                   (node scripts/bench/run.mjs)
//   npm run bench -- --db file:./data/difang.db     (copy an existing database instead of seeding)
//
// Options: --db <file:url> copy this database (SQLite online backup; relative to the repository)
//          --uploads <dir> its UPLOAD_DIR (default $UPLOAD_DIR or ./data/uploads; read only)
//          --duration <s> seconds per load run (default 7)
//          --connections <list> concurrency levels, e.g. 50,10 (default); levels after the first
//                         run only if they fit in --budget <s> (default 285 s for the whole run)
//          --keep         keep the temporary directory (database copy, logs)
//          --tool wrk|autocannon   the load generator (default: wrk when installed)
//
// 1. A temporary database: a fresh seeded one (prisma migrate deploy + prisma/seed.ts) or a copy
//    of --db, plus synthetic published stories in liujiang so that /liujiang?page=200 exists.
// 2. One `next start` on it, warmed, then loaded with wrk (autocannon if wrk is missing):
//    article, home, channel page 1 and 200, tag, search, RSS feed, the live endpoint, view beacon
//    (POST).
// 3. Baselines in the same run: raw Node `http` returning the article's bytes from memory;
//    `next start` serving a prerendered static page of the same size (bench/static-app, built
//    now in a temporary copy); nginx serving the article's bytes as a file.
// 4. The nginx deployment (scripts/deploy-local.sh, two `next start`): the article through the
//    micro-cache and without it (two processes vs one).
//    Every target (2–4) first gets 2 s of load that is not recorded (V8 warm-up), then the
//    recorded runs, every target at each concurrency level; after the first level the two
//    headline pairs (article / static Next page, two processes / one) again as alternating runs,
//    then what two processes get out of this machine (scalingLimits): Next's static page and the
//    article on two processes at once without nginx, and where the cores go through nginx.
// 5. Freshness through the micro-cache: the article's title changed in the database (and
//    recorded in "CacheInvalidation"), polled every 100 ms until it shows.
// 6. JS weight: gzip size of the scripts each reader page references vs the static fixture.
// Results: printed tables and bench/results/<ISO timestamp>.json. Exit 1 only on errors.
import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { gzipSync } from "node:zlib";
import Database from "better-sqlite3";
import { Processes, freePorts, waitForHttp } from "./lib/procs.mjs";
import { fromAutocannon, parseWrkOutput, wrkLuaScript } from "./lib/wrk.mjs";
import { firstArticlePath, fixtureContent, scriptSrcs, visibleTextLines } from "./lib/html.mjs";
import { childPids, cpuShares, readCpu } from "./lib/cpu.mjs";
import { sqliteTime, syntheticStory } from "./lib/synthetic.mjs";
import {
  alternation,
  buildResult,
  formatJsWeightTable,
  formatRunsTable,
  jsWeightSummary,
  resultFileName,
  scaling,
  withRatios,
} from "./lib/report.mjs";

const root = path.resolve(import.meta.dirname, "../..");
const nextBin = path.join(root, "node_modules/next/dist/bin/next");
const CHANNEL = "liujiang";
const PER_PAGE = 20; // channel pages list 20 stories (lib/pagination)
const DEEP_PAGE = 200;
/**
 * Freshness through the micro-cache is "ok" within 2.5 s: nginx keeps time in whole seconds, so
 * `proxy_cache_valid … 1s` keeps an entry between 1 and 2 s; then one render and the 100 ms polling.
 */
const FRESH_OK_MS = 2500;
/** A reader's browser: not a crawler/headless/tool UA (lib/views/policy.ts), so beacons count. */
const BROWSER_UA =
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";

const { values: opts } = parseArgs({
  options: {
    db: { type: "string" },
    uploads: { type: "string" },
    duration: { type: "string", default: "7" },
    connections: { type: "string", default: "50,10" },
    budget: { type: "string", default: "285" },
    keep: { type: "boolean", default: false },
    tool: { type: "string" },
    help: { type: "boolean", short: "h", default: false },
  },
});
if (opts.help) {
  const header = readFileSync(import.meta.filename, "utf8").split("\n");
  const end = header.findIndex((l) => !l.startsWith("//"));
  console.log(
    header
      .slice(0, end)
      .join("\n")
      .replace(/^\/\/ ?/gm, ""),
  );
  process.exit(0);
}
const DURATION = Number(opts.duration);
/** Seconds of unrecorded load on each target before the measured runs. */
const WARMUP_S = 2;
/** Alternating runs of the headline pairs (alternate()): rounds, seconds per run. */
const ALTERNATION_ROUNDS = 3;
const ALTERNATION_S = 4;
/** Seconds per run of scalingLimits(). */
const LIMIT_S = 4;
const LEVELS = opts.connections.split(",").map(Number);
const BUDGET_S = Number(opts.budget);
if (!(DURATION > 0) || LEVELS.some((c) => !(c > 0)) || !(BUDGET_S > 0)) {
  console.error("bad --duration, --connections or --budget (see --help)");
  process.exit(2);
}

const started = new Date();
const elapsedS = () => (Date.now() - started.getTime()) / 1000;
const say = (msg) => console.log(`[${elapsedS().toFixed(0).padStart(3)} s] ${msg}`);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const procs = new Processes();
const errors = [];
let tmp = "";

// ---- Shutdown: every child goes, on success, error, Ctrl-C or SIGTERM.
let shuttingDown = false;
async function shutdown(code) {
  if (shuttingDown) return;
  shuttingDown = true;
  await procs.stopAll();
  if (tmp && !opts.keep) rmSync(tmp, { recursive: true, force: true });
  else if (tmp) console.log(`kept ${tmp}`);
  process.exit(code);
}
process.on("SIGINT", () => {
  console.error("interrupted: stopping everything this run started");
  void shutdown(130);
});
process.on("SIGTERM", () => void shutdown(143));
process.on("SIGHUP", () => void shutdown(129));
process.on("exit", () => procs.killAllNow());

function has(cmd) {
  try {
    execFileSync("sh", ["-c", `command -v ${cmd}`], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

function versionOf(cmd, args) {
  // wrk -v prints its version and usage and exits 1; nginx -v prints to stderr.
  const r = spawnSync(cmd, args, { encoding: "utf8" });
  return `${r.stdout ?? ""}${r.stderr ?? ""}`.split("\n")[0].trim() || null;
}

async function get(url, init = {}) {
  const res = await fetch(url, {
    ...init,
    headers: { "user-agent": BROWSER_UA, ...init.headers },
    signal: AbortSignal.timeout(30_000),
  });
  const body = Buffer.from(await res.arrayBuffer());
  return { status: res.status, headers: res.headers, body };
}

// ---- 1. Database.

async function prepareDatabase(appEnv, dbFile) {
  if (opts.db) {
    if (!opts.db.startsWith("file:"))
      throw new Error("--db must be a file: URL such as file:./data/difang.db");
    const source = path.resolve(root, opts.db.slice("file:".length));
    say(`copying ${source} (SQLite online backup)`);
    const src = new Database(source, { readonly: true, fileMustExist: true });
    await src.backup(dbFile);
    src.close();
    // The code may expect newer migrations than the copied file has.
    await procs.run(path.join(root, "node_modules/.bin/prisma"), ["migrate", "deploy"], {
      cwd: root,
      env: appEnv,
    });
  } else {
    say("seeding a fresh database (prisma migrate deploy + prisma/seed.ts, ~20-50 s)");
    await procs.run(path.join(root, "node_modules/.bin/prisma"), ["migrate", "deploy"], {
      cwd: root,
      env: appEnv,
    });
    await procs.run(path.join(root, "node_modules/.bin/tsx"), ["prisma/seed.ts"], { cwd: root, env: appEnv });
  }
  const db = new Database(dbFile);
  db.pragma("busy_timeout = 5000");
  const channel = db.prepare(`SELECT "id" FROM "Channel" WHERE "slug" = ?`).get(CHANNEL);
  if (!channel) throw new Error(`no channel "${CHANNEL}" in the database`);
  const now = sqliteTime(Date.now());
  const visible = () =>
    db
      .prepare(
        `SELECT count(*) AS n FROM "Article" WHERE "channelId" = ? AND "status" = 'published' AND "publishedAt" <= ?`,
      )
      .get(channel.id, now).n;
  const before = visible();
  const need = Math.max(0, DEEP_PAGE * PER_PAGE - before);
  if (need > 0) {
    // Older than every existing story, so page 1 stays the demo content.
    const oldest = db
      .prepare(`SELECT min("publishedAt") AS t FROM "Article" WHERE "publishedAt" IS NOT NULL`)
      .get().t;
    const start = (oldest ? Date.parse(oldest) : Date.now()) - 3_600_000;
    const insert = db.prepare(
      `INSERT INTO "Article" ("externalKey", "channelId", "title", "summary", "body", "bodyHtml", "bodyText",
         "source", "byline", "status", "publishedAt", "createdAt", "updatedAt")
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'published', ?, ?, ?)`,
    );
    const t0 = Date.now();
    db.transaction(() => {
      for (let i = 0; i < need; i++) {
        const s = syntheticStory(i);
        const at = sqliteTime(start - i * 2 * 3_600_000);
        insert.run(
          `bench-synthetic-${i}`,
          channel.id,
          s.title,
          s.summary,
          s.body,
          s.bodyHtml,
          s.bodyText,
          s.source,
          s.byline,
          at,
          at,
          at,
        );
      }
    })();
    say(
      `added ${need} synthetic stories to ${CHANNEL} in ${Date.now() - t0} ms (one transaction; FTS triggers included)`,
    );
  }
  const info = {
    source: opts.db ?? "seeded (prisma/seed.ts)",
    stories: db.prepare(`SELECT count(*) AS n FROM "Article"`).get().n,
    channelStoriesVisible: visible(),
    syntheticAdded: need,
  };
  const tag = db
    .prepare(
      `SELECT t."name" AS name, count(*) AS n FROM "Tag" t JOIN "ArticleTag" at ON at."tagId" = t."id"
       JOIN "Article" a ON a."id" = at."articleId" WHERE a."status" = 'published' AND a."publishedAt" <= ?
       GROUP BY t."id" ORDER BY n DESC, t."name" LIMIT 1`,
    )
    .get(now);
  info.liveStory = liveStory(db, now);
  db.close();
  return { info, tag: tag?.name ?? null };
}

/**
 * The story whose live endpoint is polled: the demo's (prisma/demo/live.ts) or, in a database
 * from before live coverage, one made here on the newest visible story of 柳州新闻 (30 entries).
 */
function liveStory(db, now) {
  const find = () =>
    db
      .prepare(
        `SELECT a."id" AS id, c."slug" AS slug FROM "LiveCoverage" l
         JOIN "Article" a ON a."id" = l."articleId" JOIN "Channel" c ON c."id" = a."channelId"
         WHERE a."status" = 'published' AND a."publishedAt" <= ? ORDER BY a."id" LIMIT 1`,
      )
      .get(now);
  let row = find();
  if (!row) {
    const story = db
      .prepare(
        `SELECT a."id" AS id FROM "Article" a JOIN "Channel" c ON c."id" = a."channelId"
         WHERE c."slug" = 'liuzhou' AND a."status" = 'published' AND a."publishedAt" <= ?
         ORDER BY a."publishedAt" DESC LIMIT 1`,
      )
      .get(now);
    if (!story) throw new Error("no visible story for the live endpoint");
    const start = Date.now() - 3 * 3_600_000;
    db.transaction(() => {
      db.prepare(`INSERT INTO "LiveCoverage" ("articleId", "startedAt") VALUES (?, ?)`).run(
        story.id,
        sqliteTime(start),
      );
      const entry = db.prepare(
        `INSERT INTO "LiveEntry" ("articleId", "body", "quote", "quoteBy", "createdAt") VALUES (?, ?, ?, ?, ?)`,
      );
      for (let i = 0; i < 30; i++) {
        entry.run(
          story.id,
          `第 ${i + 1} 条直播：柳江水位观测点报告水位 ${(80 + i * 0.1).toFixed(1)} 米，沿江道路交通正常。`,
          i % 5 === 0 ? "请市民远离江边亲水平台。" : "",
          i % 5 === 0 ? "柳州市防汛办" : "",
          sqliteTime(start + i * 6 * 60_000),
        );
      }
    })();
    row = find();
  }
  return { id: row.id, page: `/${row.slug}/${row.id}`, endpoint: `/api/live/${row.id}` };
}

/** SQL statements the portal has sent so far (/api/health with DIFANG_COUNT_QUERIES=1). */
async function queriesSent(base) {
  const r = await get(`${base}/api/health`);
  const n = JSON.parse(r.body.toString("utf8")).queries;
  if (typeof n !== "number") throw new Error("/api/health reports no query count (DIFANG_COUNT_QUERIES)");
  return n;
}

/**
 * What a crowd on a warm live story costs the database: readers opening the page and their
 * pages polling the endpoint, then the endpoint alone polled across its 20-second revalidation
 * (a background re-render, whose reads are cached under the story's tag). Each figure is the
 * statements sent in between minus those of the health check that reads the count.
 */
async function liveQueryCheck(base, live) {
  // Warm: the page and the endpoint rendered once (a cold render reads the database).
  for (let i = 0; i < 3; i++) {
    await get(base + live.page);
    await get(base + live.endpoint);
  }
  const a = await queriesSent(base);
  const own = (await queriesSent(base)) - a;
  const before = await queriesSent(base);
  for (let i = 0; i < 20; i++) await get(base + live.page);
  for (let i = 0; i < 200; i++) await get(base + live.endpoint);
  const burst = (await queriesSent(base)) - before - own;
  const start = await queriesSent(base);
  const until = Date.now() + 25_000;
  let polls = 0;
  while (Date.now() < until) {
    await get(base + live.endpoint);
    polls++;
    await sleep(250);
  }
  const across = (await queriesSent(base)) - start - own;
  return {
    healthCheckStatements: own,
    warmPageAndPolls: { pageViews: 20, polls: 200, statements: burst },
    endpointAcrossRevalidation: { seconds: 25, polls, statements: across },
  };
}

// ---- Load runs.

const useWrk = opts.tool ? opts.tool === "wrk" : has("wrk");
let runNo = 0;

/** One load run against `url`; the result carries `name`, `url`, `connections`. */
async function load(
  { name, group, url, method = "GET", varyClientAddress = false },
  connections,
  duration,
  { quiet = false, threads = 2, pause = true } = {},
) {
  let result;
  if (useWrk) {
    const script = path.join(tmp, `wrk-${++runNo}.lua`);
    writeFileSync(script, wrkLuaScript({ method, headers: { "User-Agent": BROWSER_UA }, varyClientAddress }));
    const out = await procs.run(
      "wrk",
      [
        "-t",
        String(Math.min(threads, connections)),
        "-c",
        String(connections),
        "-d",
        `${duration}s`,
        "--timeout",
        "10s",
        "--latency",
        "-s",
        script,
        url,
      ],
      { timeoutMs: (duration + 30) * 1000 },
    );
    result = parseWrkOutput(out);
  } else {
    const { default: autocannon } = await import("autocannon");
    let n = 0;
    const raw = await new Promise((resolve, reject) =>
      autocannon(
        {
          url,
          connections,
          duration,
          timeout: 10,
          requests: [
            {
              method,
              headers: { "user-agent": BROWSER_UA },
              setupRequest: (req) =>
                varyClientAddress
                  ? {
                      ...req,
                      headers: {
                        ...req.headers,
                        "x-forwarded-for": `10.${(++n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`,
                      },
                    }
                  : req,
            },
          ],
        },
        (err, r) => (err ? reject(err) : resolve(r)),
      ),
    );
    result = fromAutocannon(raw);
  }
  const run = { name, group, url, method, connections, ...result };
  if (!quiet)
    say(
      `${name.padEnd(34)} c=${String(connections).padEnd(3)} ${run.rps.toFixed(0).padStart(7)} req/s  p50 ${run.latencyMs.p50} ms  p99 ${run.latencyMs.p99} ms  non-2xx ${run.non2xx}`,
    );
  if (pause) await sleep(500);
  return run;
}

/**
 * The two headline ratios measured again as alternating runs, ALTERNATION_ROUNDS rounds: the
 * article against the static Next page, and two processes behind nginx against one process.
 */
async function alternate(targets, connections) {
  const find = (name) => targets.find((t) => t.name === name);
  const pairs = [
    { key: "articleVsStaticNext", a: find("baseline: static next page"), b: find("article"), target: 0.8 },
    {
      key: "twoProcessesVsOne",
      a: find("article"),
      b: find("nginx no cache, 2 procs: article"),
      target: 1.6,
    },
  ].filter((p) => p.a && p.b);
  const out = {};
  for (const p of pairs) {
    const rounds = [];
    for (let r = 0; r < ALTERNATION_ROUNDS; r++) {
      const a = await load(p.a, connections, ALTERNATION_S, { quiet: true });
      const b = await load(p.b, connections, ALTERNATION_S, { quiet: true });
      rounds.push({ a, b });
    }
    const result = alternation(rounds, p.target);
    out[p.key] = { a: p.a.name, b: p.b.name, connections, durationS: ALTERNATION_S, ...result };
    say(
      `alternating c=${connections}: ${p.b.name} / ${p.a.name} = ${result.ratios.join(", ")} (median ${result.median})`,
    );
  }
  return out;
}

/**
 * What two processes get out of this machine, to read the scaling factor by (at the first
 * concurrency, LIMIT_S seconds a run): one process and then two at once (half the connections and
 * one wrk thread on each, no nginx) for Next's own static page and for the article (the portal,
 * then deploy-local's two app processes directly); and the article through nginx without the
 * micro-cache, with the cores the app processes, nginx and everything else (wrk, the kernel's
 * network work) used meanwhile (lib/cpu.mjs; Linux only).
 */
async function scalingLimits(
  { staticPage, secondStatic, article, appDirect, throughNginx, pids },
  connections,
) {
  const half = Math.max(1, Math.floor(connections / 2));
  const one = (t) => load(t, connections, LIMIT_S, { quiet: true });
  const two = async (a, b) => {
    const runs = await Promise.all([a, b].map((t) => load(t, half, LIMIT_S, { quiet: true, threads: 1 })));
    return { rps: Math.round((runs[0].rps + runs[1].rps) * 10) / 10, perProcess: runs.map((r) => r.rps) };
  };
  const pair = (oneRun, twoRun) => ({
    oneRps: oneRun.rps,
    twoRps: twoRun.rps,
    ...(twoRun.perProcess ? { perProcess: twoRun.perProcess } : {}),
    factor: scaling(oneRun, twoRun)?.factor ?? null,
  });
  const staticNext = pair(await one(staticPage), await two(staticPage, secondStatic));
  const articleOne = await one(article);
  const articleDirect = pair(articleOne, await two(appDirect[0], appDirect[1]));
  const before = readCpu(pids);
  const viaNginx = await load(throughNginx, connections, LIMIT_S, { quiet: true, pause: false });
  const after = readCpu(pids);
  await sleep(500);
  const result = {
    connections,
    durationS: LIMIT_S,
    staticNext,
    articleDirect,
    articleThroughNginx: {
      ...pair(articleOne, viaNginx),
      cpu: before && after ? cpuShares(before, after) : null,
    },
  };
  const cpu = result.articleThroughNginx.cpu;
  say(
    `scaling limits c=${connections}: 2 processes / 1: static Next page ${staticNext.factor}×, article ${articleDirect.factor}× (both direct), article through nginx ${result.articleThroughNginx.factor}×${
      cpu
        ? ` (cores: ${Object.entries(cpu.cores)
            .map(([k, v]) => `${k} ${v}`)
            .join(", ")})`
        : ""
    }`,
  );
  return result;
}

/** Several sequential requests; each must answer `expect`. Returns the last response. */
async function warm(target, times = 5) {
  let last;
  for (let i = 0; i < times; i++) {
    const headers = target.varyClientAddress ? { "x-forwarded-for": `10.255.255.${i + 1}` } : {};
    last = await get(target.url, { method: target.method ?? "GET", headers });
    const expect = target.expect ?? 200;
    if (last.status !== expect)
      throw new Error(`${target.name}: ${target.url} answered ${last.status}, expected ${expect}`);
  }
  return last;
}

// ---- 3b. The static Next fixture.

async function buildFixture(articleHtml) {
  const dir = path.join(tmp, "static-app");
  cpSync(path.join(root, "bench/static-app"), dir, { recursive: true });
  // A real node_modules next to the copy (hard links: instant, no space), not a symlink: Turbopack
  // refuses a node_modules that points outside its root.
  try {
    execFileSync("cp", ["-al", path.join(root, "node_modules"), path.join(dir, "node_modules")], {
      stdio: "pipe",
    });
  } catch {
    say("hard-linking node_modules failed (other file system?): copying it instead");
    execFileSync("cp", ["-a", path.join(root, "node_modules"), path.join(dir, "node_modules")], {
      stdio: "pipe",
    });
  }
  const content = fixtureContent(visibleTextLines(articleHtml.toString("utf8")), articleHtml.length);
  writeFileSync(path.join(dir, "content.json"), JSON.stringify(content));
  const env = { PATH: process.env.PATH, HOME: process.env.HOME ?? tmp, NEXT_TELEMETRY_DISABLED: "1" };
  const out = await procs.run(
    process.execPath,
    [path.join(dir, "node_modules/next/dist/bin/next"), "build"],
    { cwd: dir, env },
  );
  // Verify: the one page is prerendered static and nothing runs before routing.
  if (!/○ \/\s*$/m.test(out) || /Proxy|Middleware/.test(out)) {
    throw new Error(`the fixture did not build as one static page:\n${out.slice(-2000)}`);
  }
  return { dir, env };
}

// ---- 5. Freshness through the micro-cache.

async function freshness(dbFile, cachedBase, articlePath, articleId) {
  const db = new Database(dbFile);
  db.pragma("busy_timeout = 5000");
  try {
    const table = db
      .prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'CacheInvalidation'`)
      .get();
    if (!table) {
      const reason =
        'table "CacheInvalidation" does not exist in this database (it lands with the ISR change): freshness check skipped';
      say(reason);
      return { status: "skipped", reason };
    }
    const url = cachedBase + articlePath;
    // The old page must be in the micro-cache first.
    let cached = false;
    for (let i = 0; i < 30 && !cached; i++) {
      const r = await get(url);
      cached = r.status === 200 && r.headers.get("x-cache-status") === "HIT";
      if (!cached) await sleep(100);
    }
    const newTitle = `基准测试新标题${Date.now().toString(36)}`;
    db.transaction(() => {
      db.prepare(`UPDATE "Article" SET "title" = ?, "updatedAt" = ? WHERE "id" = ?`).run(
        newTitle,
        sqliteTime(Date.now()),
        articleId,
      );
      db.prepare(`INSERT INTO "CacheInvalidation" ("tag") VALUES ('site'), (?)`).run(`article:${articleId}`);
    })();
    const t0 = performance.now();
    const samples = [];
    const deadline = 15_000;
    for (;;) {
      const tReq = performance.now();
      const r = await get(url);
      const ms = Math.round(performance.now() - t0);
      const fresh = r.body.toString("utf8").includes(newTitle);
      samples.push({ ms, status: r.status, cache: r.headers.get("x-cache-status"), fresh });
      if (fresh) {
        const result = {
          status: ms <= FRESH_OK_MS ? "ok" : "slow",
          ms,
          // When the micro-cache entry holding the old page expired (first answer not a HIT):
          // the rest of `ms` is the app's own staleness plus one render.
          microCacheExpiredAfterMs: samples.find((x) => x.cache !== "HIT")?.ms ?? null,
          polls: samples.length,
          wasCachedBefore: cached,
          samples,
        };
        say(
          `freshness: new title visible through the micro-cache after ${ms} ms (${samples.length} polls; micro-cache entry expired after ${result.microCacheExpiredAfterMs} ms)`,
        );
        return result;
      }
      if (ms > deadline) {
        say(`freshness: new title NOT visible through the micro-cache after ${deadline / 1000} s`);
        return {
          status: "timeout",
          ms: null,
          polls: samples.length,
          wasCachedBefore: cached,
          samples: samples.slice(-20),
        };
      }
      await sleep(Math.max(0, 100 - (performance.now() - tReq)));
    }
  } finally {
    db.close();
  }
}

// ---- 6. JS weight.

async function jsWeight(pages) {
  const measured = {};
  const cache = new Map();
  for (const [name, url] of Object.entries(pages)) {
    const html = await get(url);
    const srcs = scriptSrcs(html.body.toString("utf8"));
    let jsBytes = 0;
    let jsGzipBytes = 0;
    for (const src of srcs) {
      const abs = new URL(src, url).href;
      if (!cache.has(abs)) {
        const r = await get(abs);
        if (r.status !== 200) throw new Error(`${abs} answered ${r.status}`);
        cache.set(abs, { raw: r.body.length, gzip: gzipSync(r.body, { level: 9 }).length });
      }
      jsBytes += cache.get(abs).raw;
      jsGzipBytes += cache.get(abs).gzip;
    }
    measured[name] = {
      url,
      htmlBytes: html.body.length,
      htmlGzipBytes: gzipSync(html.body, { level: 9 }).length,
      scripts: srcs.length,
      jsBytes,
      jsGzipBytes,
    };
  }
  return measured;
}

// ---- The run.

const loadAtStart = os.loadavg();

async function main() {
  if (!existsSync(path.join(root, ".next/BUILD_ID"))) {
    console.error(
      `No production build in ${root}/.next. Build it first:\n  npm run build\nthen run the benchmark again.`,
    );
    return 1;
  }
  if (loadAtStart[0] > 0.5) {
    say(
      `note: load average ${loadAtStart.map((l) => l.toFixed(2)).join(" ")} at start: other work is running, figures will be lower`,
    );
  }
  if (!useWrk) say("wrk not found (apt-get install -y wrk): using autocannon, whose figures are lower");
  const nginxOk = has("nginx") || existsSync("/usr/sbin/nginx");
  if (!nginxOk)
    say("nginx not found (apt-get install -y nginx): the nginx baseline and deployment runs are skipped");

  tmp = mkdtempSync(path.join(os.tmpdir(), "difang-bench-"));
  const dbFile = path.join(tmp, "bench.db");
  const uploads = opts.db
    ? path.resolve(root, opts.uploads ?? process.env.UPLOAD_DIR ?? "data/uploads")
    : path.join(tmp, "uploads");
  const appEnv = {
    ...process.env,
    DATABASE_URL: `file:${dbFile}`,
    UPLOAD_DIR: uploads,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    // The load generators on loopback stand in for a proxy in front of many readers: their
    // X-Forwarded-For names the reader (lib/client-address.ts believes it only from here).
    TRUSTED_PROXIES: "127.0.0.1,::1",
    // /api/health reports the SQL statements sent (lib/prisma-factory.ts): see liveQueryCheck.
    DIFANG_COUNT_QUERIES: "1",
  };

  // 1.
  const { info: database, tag } = await prepareDatabase(appEnv, dbFile);
  if (!tag) throw new Error("no tag with published stories in the database");

  // 2. One next start.
  const [portalPort, rawPort, fixturePort, fixturePort2] = await freePorts(4);
  const portalBase = `http://127.0.0.1:${portalPort}`;
  const portal = procs.start(
    "portal",
    process.execPath,
    [nextBin, "start", "-H", "127.0.0.1", "-p", String(portalPort)],
    {
      cwd: root,
      env: appEnv,
      log: path.join(tmp, "portal.log"),
    },
  );
  await waitForHttp(`${portalBase}/api/health`, {
    what: "next start",
    isAlive: () => portal.exitCode === null,
  }).catch((e) => {
    throw new Error(`${e.message}\n${Processes.tail(path.join(tmp, "portal.log"))}`);
  });
  const channelHtml = (await get(`${portalBase}/${CHANNEL}`)).body.toString("utf8");
  const articlePath = firstArticlePath(channelHtml, CHANNEL);
  if (!articlePath) throw new Error(`no story link on /${CHANNEL}`);
  const articleId = Number(articlePath.split("/").pop());
  const paths = {
    article: articlePath,
    home: "/",
    channel: `/${CHANNEL}`,
    channelDeep: `/${CHANNEL}?page=${DEEP_PAGE}`,
    tag: `/tag/${encodeURIComponent(tag)}`,
    search: `/search?q=${encodeURIComponent("柳州")}`,
    feed: "/rss.xml",
    beacon: `/api/views/${articleId}`,
    live: database.liveStory.endpoint,
    livePage: database.liveStory.page,
  };
  const appTargets = [
    { name: "article", url: portalBase + paths.article },
    { name: "home", url: portalBase + paths.home },
    { name: `channel page 1`, url: portalBase + paths.channel },
    { name: `channel page ${DEEP_PAGE}`, url: portalBase + paths.channelDeep },
    { name: "tag", url: portalBase + paths.tag },
    { name: "search", url: portalBase + paths.search },
    { name: "feed /rss.xml", url: portalBase + paths.feed },
    { name: "live endpoint (polled)", url: portalBase + paths.live },
    {
      name: "view beacon (POST)",
      url: portalBase + paths.beacon,
      method: "POST",
      varyClientAddress: true,
      expect: 204,
    },
  ].map((t) => ({ ...t, group: "app" }));
  say(`portal on ${portalBase}; warming ${appTargets.length} targets`);
  let articleHtml;
  for (const t of appTargets) {
    const r = await warm(t);
    if (t.name === "article") articleHtml = r.body;
  }
  let liveQueries = null;
  try {
    liveQueries = await liveQueryCheck(portalBase, database.liveStory);
    say(
      `live story ${paths.livePage}: ${liveQueries.warmPageAndPolls.statements} SQL statements for 20 warm page views + 200 polls; ${liveQueries.endpointAcrossRevalidation.statements} for ${liveQueries.endpointAcrossRevalidation.polls} polls over 25 s`,
    );
    if (
      liveQueries.warmPageAndPolls.statements !== 0 ||
      liveQueries.endpointAcrossRevalidation.statements !== 0
    )
      errors.push("a warm live story (page and polls) sent SQL statements");
  } catch (e) {
    errors.push(`live query check: ${e.message}`);
  }
  const beaconCheck = await get(portalBase + paths.beacon, {
    method: "POST",
    headers: { "x-forwarded-for": "10.254.0.1" },
  });
  if (beaconCheck.headers.get("x-view") !== "counted") {
    errors.push(
      `a beacon from a fresh reader was not counted (X-View: ${beaconCheck.headers.get("x-view")})`,
    );
  }

  // 3. Baselines. (a) raw node, (c) nginx static file: the article's bytes.
  const staticDir = path.join(tmp, "static");
  mkdirSync(staticDir);
  writeFileSync(path.join(staticDir, "article.html"), articleHtml);
  const rawServer = path.join(tmp, "raw-server.mjs");
  writeFileSync(
    rawServer,
    `import { createServer } from "node:http";
import { readFileSync } from "node:fs";
const body = readFileSync(process.argv[2]);
createServer((req, res) => {
  res.writeHead(200, { "content-type": "text/html; charset=utf-8", "content-length": body.length });
  res.end(body);
}).listen(Number(process.argv[3]), "127.0.0.1");
`,
  );
  const raw = procs.start(
    "raw node",
    process.execPath,
    [rawServer, path.join(staticDir, "article.html"), String(rawPort)],
    {
      log: path.join(tmp, "raw.log"),
    },
  );
  await waitForHttp(`http://127.0.0.1:${rawPort}/`, {
    what: "raw node server",
    isAlive: () => raw.exitCode === null,
  });
  const baselineTargets = [
    {
      key: "rawNode",
      name: "baseline: raw node (same bytes)",
      url: `http://127.0.0.1:${rawPort}/`,
      group: "baseline",
    },
  ];

  // (b) static next: build the fixture now, sized like the article page.
  let fixtureBase = null;
  let secondFixture = null;
  try {
    say("building the static fixture (bench/static-app in a temporary copy)");
    const fixture = await buildFixture(articleHtml);
    fixtureBase = `http://127.0.0.1:${fixturePort}`;
    // Two processes of it: the second only for scalingLimits() (what two processes of Next's own
    // static page get out of this machine).
    for (const [port, log] of [
      [fixturePort, "static-next.log"],
      [fixturePort2, "static-next-2.log"],
    ]) {
      const child = procs.start(
        "static next",
        process.execPath,
        [
          path.join(fixture.dir, "node_modules/next/dist/bin/next"),
          "start",
          "-H",
          "127.0.0.1",
          "-p",
          String(port),
        ],
        {
          cwd: fixture.dir,
          env: { ...fixture.env, NODE_ENV: "production" },
          log: path.join(tmp, log),
        },
      );
      await waitForHttp(`http://127.0.0.1:${port}/`, {
        what: "static fixture",
        isAlive: () => child.exitCode === null,
      });
    }
    secondFixture = {
      name: "static next page, second process",
      url: `http://127.0.0.1:${fixturePort2}/`,
      group: "limits",
    };
    await warm(secondFixture);
    const probe = await get(`${fixtureBase}/`);
    // (Next sends the header twice: "1, 1".)
    if (!/^1(,\s*1)*$/.test(probe.headers.get("x-nextjs-prerender") ?? "")) {
      throw new Error("the fixture page is not served as a prerendered page (no x-nextjs-prerender: 1)");
    }
    baselineTargets.push({
      key: "staticNext",
      name: "baseline: static next page",
      url: `${fixtureBase}/`,
      group: "baseline",
    });
  } catch (e) {
    errors.push(`static fixture: ${e.message}`);
    say(`static fixture failed: ${e.message.split("\n")[0]}`);
    fixtureBase = null;
  }

  // 4. The nginx deployment (also the nginx static baseline).
  let deploy = null;
  if (nginxOk) {
    try {
      deploy = await startDeployLocal(appEnv, staticDir);
      baselineTargets.push({
        key: "nginxStatic",
        name: "baseline: nginx static file",
        url: `http://127.0.0.1:${deploy.DIFANG_STATIC_PORT}/article.html`,
        group: "baseline",
      });
    } catch (e) {
      errors.push(`deploy-local: ${e.message}`);
      say(`deploy-local failed: ${e.message.split("\n")[0]}`);
    }
  }
  const nginxTargets = deploy
    ? [
        {
          name: "nginx micro-cache: article",
          url: `http://127.0.0.1:${deploy.DIFANG_CACHED_PORT}${paths.article}`,
          group: "nginx",
        },
        {
          name: "nginx no cache, 2 procs: article",
          url: `http://127.0.0.1:${deploy.DIFANG_DIRECT_PORT}${paths.article}`,
          group: "nginx",
          // Two fresh processes, each needing its own warm-up (measured: 430 → 960 req/s for one
          // of them from its first 4 s of load to its next).
          warmupS: 3 * WARMUP_S,
        },
      ]
    : [];
  for (const t of [...baselineTargets, ...nginxTargets]) await warm(t);

  // 6. JS weight (before loading: nothing else is running).
  let js = null;
  try {
    const pages = {
      home: portalBase + paths.home,
      channel: portalBase + paths.channel,
      article: portalBase + paths.article,
      tag: portalBase + paths.tag,
    };
    if (fixtureBase) pages["static fixture"] = `${fixtureBase}/`;
    js = jsWeightSummary(
      await jsWeight(pages),
      fixtureBase ? "static fixture" : null,
      "each <script src> fetched without Accept-Encoding and gzipped with zlib level 9; HTML bytes uncompressed",
    );
  } catch (e) {
    errors.push(`JS weight: ${e.message}`);
  }

  // The loads: every target at the first concurrency, then the others while the budget allows.
  const targets = [...appTargets, ...baselineTargets, ...nginxTargets];
  // First a short load on every target, not recorded: V8 optimizes a server's request path only
  // after it has run many times, so without it the first target measured (the article) paid for
  // the portal's warm-up and every other target did not (measured: 600 → 1,100 req/s for the same
  // page on its second run).
  say(`warm-up: ${WARMUP_S} s of load on each target, not recorded`);
  for (const t of [...targets, ...(secondFixture ? [secondFixture] : [])])
    await load(t, LEVELS[0], t.warmupS ?? WARMUP_S, { quiet: true });
  const runs = [];
  const levelsRun = [];
  let alternations = null;
  let limits = null;
  for (const [i, connections] of LEVELS.entries()) {
    let duration = DURATION;
    if (i > 0) {
      // Room left for this level (+ freshness, shutdown: ~30 s), at most DURATION, at least 4 s.
      const room = BUDGET_S - elapsedS() - 30;
      duration = Math.min(DURATION, Math.floor(room / targets.length - 1.5));
      if (duration < 4) {
        say(`c=${connections} skipped: it does not fit in the ${BUDGET_S} s budget (--budget, --duration)`);
        continue;
      }
    }
    levelsRun.push({ connections, durationS: duration });
    for (const t of targets) runs.push(await load(t, connections, duration));
    if (i === 0) alternations = await alternate(targets, connections);
    if (i === 0 && deploy && secondFixture) {
      const find = (name) => targets.find((t) => t.name === name);
      limits = await scalingLimits(
        {
          staticPage: find("baseline: static next page"),
          secondStatic: secondFixture,
          article: find("article"),
          appDirect: deploy.DIFANG_APP_PORTS.split(",").map((port, n) => ({
            name: `app process ${n + 1} (no nginx): article`,
            url: `http://127.0.0.1:${port}${paths.article}`,
            group: "limits",
          })),
          throughNginx: find("nginx no cache, 2 procs: article"),
          pids: {
            app: deploy.DIFANG_APP_PIDS.split(",").map(Number),
            nginx: childPids(Number(deploy.DIFANG_NGINX_PID)),
          },
        },
        connections,
      );
    }
  }

  // 5. Freshness (changes the database copy: last).
  let fresh = { status: "skipped", reason: "no nginx deployment" };
  if (deploy) {
    try {
      fresh = await freshness(
        dbFile,
        `http://127.0.0.1:${deploy.DIFANG_CACHED_PORT}`,
        paths.article,
        articleId,
      );
    } catch (e) {
      errors.push(`freshness: ${e.message}`);
      fresh = { status: "error", reason: e.message };
    }
  }

  // Results.
  const baselines = {};
  for (const r of runs.filter((x) => x.group === "baseline")) {
    const key = baselineTargets.find((b) => b.url === r.url).key;
    (baselines[key] ??= {})[r.connections] = r;
  }
  const first = LEVELS[0];
  const byName = (name, c = first) => runs.find((r) => r.name === name && r.connections === c);
  const sc = scaling(byName("article"), byName("nginx no cache, 2 procs: article"));
  const sizes = {
    articleHtmlBytes: articleHtml.length,
    fixtureHtmlBytes: fixtureBase ? (await get(`${fixtureBase}/`)).body.length : null,
  };

  const finishedAt = new Date();
  const result = buildResult({
    startedAt: started,
    finishedAt,
    machine: {
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model ?? null,
      loadAverageAtStart: loadAtStart,
      loadAverageAtEnd: os.loadavg(),
      node: process.version,
      next: JSON.parse(readFileSync(path.join(root, "node_modules/next/package.json"), "utf8")).version,
      buildId: readFileSync(path.join(root, ".next/BUILD_ID"), "utf8").trim(),
      gitHead: versionOf("git", ["-C", root, "rev-parse", "--short", "HEAD"]),
      tool: useWrk ? (versionOf("wrk", ["-v"]) ?? "wrk").split(" ").slice(0, 2).join(" ") : "autocannon",
      nginx: nginxOk ? versionOf(has("nginx") ? "nginx" : "/usr/sbin/nginx", ["-v"]) : null,
    },
    settings: {
      levels: levelsRun,
      threads: 2,
      budgetS: BUDGET_S,
      userAgent: BROWSER_UA,
      acceptEncoding: "none (uncompressed responses everywhere)",
    },
    database,
    targets: { ...paths, tagName: tag },
    runs,
    baselines,
    scaling: sc,
    scalingLimits: limits,
    alternations,
    freshness: fresh,
    liveQueries,
    jsWeight: js,
    sizes,
    errors,
  });

  const outDir = path.join(root, "bench/results");
  mkdirSync(outDir, { recursive: true });
  const outFile = path.join(outDir, resultFileName(finishedAt));
  writeFileSync(outFile, JSON.stringify(result, null, 2) + "\n");

  console.log("");
  console.log(
    `difang bench · ${result.machine.cpus} cores · next ${result.machine.next} · ${result.machine.tool} · ${levelsRun.map((l) => `c=${l.connections} ${l.durationS} s`).join(", ")} per target`,
  );
  console.log(
    `ratios to the baselines at the same concurrency (node = raw node http, next = static next page, nginx = nginx static file): rps/… = req/s as % of the baseline's (× when faster), p99/… = p99 as a multiple of the baseline's`,
  );
  console.log("");
  console.log(formatRunsTable(withRatios(runs, baselines)));
  console.log("");
  console.log(
    `sizes: article HTML ${sizes.articleHtmlBytes} B; static fixture page ${sizes.fixtureHtmlBytes ?? "–"} B; KiB/resp includes headers; non-2xx = status >= 400 (wrk), every target answered 2xx when warmed`,
  );
  if (sc)
    console.log(
      `scaling: 2 processes behind nginx (no cache) ${sc.twoProcessesRps} req/s vs 1 process ${sc.oneProcessRps} req/s = ${sc.factor}× (target ≥ ${sc.target}×: ${sc.meetsTarget ? "met" : "NOT met"})`,
    );
  if (limits) {
    const cpu = limits.articleThroughNginx.cpu;
    console.log(
      `scaling limits (${limits.durationS} s runs, c=${limits.connections}; two processes at once / one): Next's static page ${limits.staticNext.factor}×, the article ${limits.articleDirect.factor}× (no nginx: half the connections on each process); the article through nginx ${limits.articleThroughNginx.factor}×${
        cpu
          ? `, meanwhile cores used: ${Object.entries(cpu.cores)
              .map(([k, v]) => `${k} ${v}`)
              .join(", ")} (other = wrk and the kernel's network work)`
          : ""
      }`,
    );
  }
  for (const alt of Object.values(alternations ?? {}))
    console.log(
      `alternating runs (${alt.rounds.length} × ${alt.durationS} s each, c=${alt.connections}): ${alt.b} / ${alt.a} = ${alt.ratios.join(", ")}, median ${alt.median} (target ≥ ${alt.target}: ${alt.meetsTarget ? "met" : "NOT met"})`,
    );
  console.log(
    `freshness through the micro-cache: ${fresh.status === "skipped" || fresh.status === "error" ? `${fresh.status} (${fresh.reason})` : fresh.ms !== null ? `new title after ${fresh.ms} ms, micro-cache entry expired after ${fresh.microCacheExpiredAfterMs} ms (${fresh.status}: limit ${FRESH_OK_MS} ms = nginx's "1s" (1–2 s) + a render + polling)` : "not visible within 15 s"}`,
  );
  if (liveQueries)
    console.log(
      `live story (${paths.livePage}): SQL statements sent for 20 warm page views + 200 polls of ${paths.live}: ${liveQueries.warmPageAndPolls.statements}; for ${liveQueries.endpointAcrossRevalidation.polls} polls over 25 s (across a revalidation): ${liveQueries.endpointAcrossRevalidation.statements}`,
    );

  if (js) {
    console.log("");
    console.log(`JS weight (${js.method}):`);
    console.log(formatJsWeightTable(js));
  }
  if (errors.length) {
    console.log("");
    console.log("errors:");
    for (const e of errors) console.log(`  - ${e}`);
  }
  console.log("");
  console.log(
    `wall time ${result.wallSeconds} s; results: ${path.relative(process.cwd(), outFile) || outFile}`,
  );
  return errors.length ? 1 : 0;
}

/** scripts/deploy-local.sh in the background; resolves with its KEY=VALUE lines once ready. */
async function startDeployLocal(appEnv, staticDir) {
  const log = path.join(tmp, "deploy-local.log");
  const child = procs.start(
    "deploy-local",
    "bash",
    [path.join(root, "scripts/deploy-local.sh"), "--static-dir", staticDir],
    {
      cwd: root,
      env: appEnv,
      log,
      stdoutPipe: true,
      // SIGTERM to the script only: its trap stops nginx and both app processes in order.
      stopOptions: { group: false, graceMs: 30_000 },
    },
  );
  say("starting the nginx deployment (scripts/deploy-local.sh: 2 × next start + nginx)");
  const values = {};
  await new Promise((resolve, reject) => {
    let buf = "";
    const timer = setTimeout(
      () => reject(new Error(`not ready within 120 s\n${Processes.tail(log)}`)),
      120_000,
    );
    child.stdout.on("data", (d) => {
      buf += d;
      let nl;
      while ((nl = buf.indexOf("\n")) >= 0) {
        const line = buf.slice(0, nl);
        buf = buf.slice(nl + 1);
        const m = /^([A-Z_]+)=(.*)$/.exec(line);
        if (m) values[m[1]] = m[2];
        if (line === "DIFANG_READY=1") {
          clearTimeout(timer);
          resolve();
        }
      }
    });
    child.on("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`exited with ${code}\n${Processes.tail(log)}`));
    });
  });
  child.stdout.resume();
  say(
    `nginx: cached :${values.DIFANG_CACHED_PORT}, direct :${values.DIFANG_DIRECT_PORT}, static :${values.DIFANG_STATIC_PORT}; app :${values.DIFANG_APP_PORTS}`,
  );
  return values;
}

main().then(
  (code) => shutdown(code),
  (err) => {
    // After Ctrl-C/SIGTERM the children are stopped under the running step: not an error of its own.
    if (shuttingDown) return;
    console.error(`bench failed: ${err.stack ?? err}`);
    void shutdown(1);
  },
);
