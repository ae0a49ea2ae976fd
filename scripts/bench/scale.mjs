// Does a reader page cost the same at a million stories as on the demo database? One run, two
// `next start` processes side by side: one on a copy of the demo database, one on a large one
// (`npm run seed:large`). For each reader target: the cold time (first answer after every cache
// was dropped by a `site` invalidation, so every sidebar and list is read again from the
// database) and warm throughput (wrk), with the large/demo ratio. Loopback only, stops by itself.
//
//   npm run bench:scale -- --large file:./data/large/difang.db
//
// Options: --large <file:url> the large database, used in place (migrated; the run writes a few
//            invalidation rows and, through the page loads, nothing else)
//          --demo <file:url> the demo database to copy (default: file:./data/dev/difang.db)
//          --duration <s> seconds of load per warm target (default 5)
//          --cold <n> cold measurements per target, the median is kept (default 3)
// Needs `npm run build` and wrk. Results: a table and bench/results/scale-<timestamp>.json.
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import Database from "better-sqlite3";
import { Processes, freePorts, waitForHttp } from "./lib/procs.mjs";
import { parseWrkOutput, wrkLuaScript } from "./lib/wrk.mjs";
import { formatTable } from "./lib/report.mjs";

const root = path.resolve(import.meta.dirname, "../..");
const { values: opts } = parseArgs({
  options: {
    large: { type: "string" },
    demo: { type: "string", default: "file:./data/dev/difang.db" },
    duration: { type: "string", default: "5" },
    cold: { type: "string", default: "3" },
  },
});
const say = (m) => console.error(`[bench:scale] ${m}`);
const BROWSER_UA =
  "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Safari/537.36";
const procs = new Processes();
const fileOf = (url) => path.resolve(root, url.replace(/^file:/, ""));
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function get(url) {
  const res = await fetch(url, { headers: { "user-agent": BROWSER_UA }, redirect: "manual" });
  const body = await res.text();
  return { status: res.status, body };
}

/** Drop every cached page and read on every process of this database, as an editorial write does. */
function invalidateAll(dbFile) {
  const db = new Database(dbFile);
  db.pragma("busy_timeout = 5000");
  db.prepare(`INSERT INTO "CacheInvalidation" ("tag", "createdAt") VALUES ('site', ?)`).run(
    new Date().toISOString().replace("Z", "+00:00"),
  );
  db.close();
}

/** The reader addresses of one portal: found by following its own links. */
async function targets(base, dbFile) {
  const home = (await get(`${base}/`)).body;
  const article = /href="(\/liuzhou\/\d+)"/.exec(home)?.[1] ?? /href="(\/[a-z]+\/\d+)"/.exec(home)?.[1];
  if (!article) throw new Error(`no story link on ${base}/`);
  const tag = /href="(\/tag\/[^"]+)"/.exec((await get(`${base}${article}`)).body)?.[1];
  const db = new Database(dbFile, { readonly: true });
  const { n } = db
    .prepare(
      `SELECT count(*) AS n FROM "Article" a JOIN "Channel" c ON c."id" = a."channelId"
       WHERE c."slug" = 'liuzhou' AND a."status" = 'published'`,
    )
    .get();
  db.close();
  const deep = Math.min(5000, Math.max(1, Math.floor(n / 20)));
  return [
    ["home", "/"],
    ["article", article],
    ["channel page 1", "/liuzhou"],
    [`channel, deepest page ≤ 5,000`, `/liuzhou?page=${deep}`],
    ["tag page", tag ?? "/tag/%E6%B0%91%E7%94%9F"],
    ["search, 2 characters", "/search?q=%E6%9F%B3%E5%B7%9E"],
    ["search, 4 characters", "/search?q=%E4%B9%A1%E6%9D%91%E6%8C%AF%E5%85%B4"],
    ["feed", "/rss.xml"],
    ["sitemap index", "/sitemap.xml"],
  ];
}

async function cold(base, dbFile, url, times) {
  const ms = [];
  for (let i = 0; i < times; i++) {
    invalidateAll(dbFile);
    await new Promise((r) => setTimeout(r, 50));
    const t = performance.now();
    const r = await get(`${base}${url}`);
    ms.push(performance.now() - t);
    if (r.status >= 500) throw new Error(`${url}: ${r.status}`);
  }
  return median(ms);
}

async function warm(tmp, base, url, duration) {
  for (let i = 0; i < 5; i++) await get(`${base}${url}`);
  const script = path.join(tmp, `wrk-${Math.random().toString(36).slice(2)}.lua`);
  writeFileSync(script, wrkLuaScript({ headers: { "User-Agent": BROWSER_UA } }));
  const out = await procs.run(
    "wrk",
    ["-t", "1", "-c", "10", "-d", `${duration}s`, "--latency", "-s", script, `${base}${url}`],
    { timeoutMs: (duration + 30) * 1000 },
  );
  return parseWrkOutput(out);
}

async function main() {
  if (!opts.large) throw new Error("--large file:<path> is required (npm run seed:large makes one)");
  if (!existsSync(path.join(root, ".next/BUILD_ID"))) throw new Error("no production build: npm run build");
  const tmp = mkdtempSync(path.join(os.tmpdir(), "difang-scale-"));
  const demoCopy = path.join(tmp, "demo.db");
  const src = new Database(fileOf(opts.demo), { readonly: true, fileMustExist: true });
  await src.backup(demoCopy);
  src.close();
  const large = fileOf(opts.large);
  const sides = [
    { name: "demo", dbFile: demoCopy, uploads: path.join(path.dirname(fileOf(opts.demo)), "uploads") },
    { name: "large", dbFile: large, uploads: path.join(path.dirname(large), "uploads") },
  ];
  const ports = await freePorts(2);
  for (const [i, side] of sides.entries()) {
    side.env = {
      ...process.env,
      DATABASE_URL: `file:${side.dbFile}`,
      UPLOAD_DIR: side.uploads,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
    };
    await procs.run(path.join(root, "node_modules/.bin/prisma"), ["migrate", "deploy"], {
      cwd: root,
      env: side.env,
    });
    side.base = `http://127.0.0.1:${ports[i]}`;
    const child = procs.start(
      side.name,
      process.execPath,
      [
        path.join(root, "node_modules/next/dist/bin/next"),
        "start",
        "-H",
        "127.0.0.1",
        "-p",
        String(ports[i]),
      ],
      {
        cwd: root,
        env: side.env,
        log: path.join(tmp, `${side.name}.log`),
      },
    );
    await waitForHttp(`${side.base}/api/health`, {
      what: `next start (${side.name})`,
      isAlive: () => child.exitCode === null,
    });
    const db = new Database(side.dbFile, { readonly: true });
    side.stories = db.prepare(`SELECT count(*) AS n FROM "Article"`).get().n;
    db.close();
    side.targets = await targets(side.base, side.dbFile);
    say(`${side.name}: ${side.stories.toLocaleString("en")} stories, ${side.base}`);
  }
  const duration = Number(opts.duration);
  const rows = [];
  const results = [];
  for (let t = 0; t < sides[0].targets.length; t++) {
    const name = sides[0].targets[t][0];
    const measured = [];
    for (const side of sides) {
      const url = side.targets[t][1];
      const coldMs = await cold(side.base, side.dbFile, url, Number(opts.cold));
      const w = await warm(tmp, side.base, url, duration);
      measured.push({ side: side.name, url, coldMs, rps: w.rps, p99: w.latencyMs.p99, non2xx: w.non2xx });
    }
    const [d, l] = measured;
    say(
      `${name}: cold ${d.coldMs.toFixed(0)} → ${l.coldMs.toFixed(0)} ms, warm ${d.rps.toFixed(0)} → ${l.rps.toFixed(0)} req/s`,
    );
    results.push({ target: name, demo: d, large: l });
    rows.push([
      name,
      d.coldMs.toFixed(1),
      l.coldMs.toFixed(1),
      `${(l.coldMs / d.coldMs).toFixed(2)}×`,
      d.rps.toFixed(0),
      l.rps.toFixed(0),
      `${(d.rps / l.rps).toFixed(2)}×`,
    ]);
  }
  console.log(
    formatTable(
      [
        "target",
        "demo cold ms",
        "large cold ms",
        "cold large/demo",
        "demo warm req/s",
        "large warm req/s",
        "warm demo/large",
      ],
      rows,
    ),
  );
  console.log(
    `\nstories: demo ${sides[0].stories.toLocaleString("en")}, large ${sides[1].stories.toLocaleString("en")}; cold = median of ${opts.cold} first answers after a site invalidation; warm = wrk c=10, ${duration} s`,
  );
  mkdirSync(path.join(root, "bench/results"), { recursive: true });
  const out = path.join(root, `bench/results/scale-${new Date().toISOString().replace(/[:.]/g, "-")}.json`);
  writeFileSync(
    out,
    `${JSON.stringify({ schema: "difang-bench-scale/1", at: new Date().toISOString(), stories: { demo: sides[0].stories, large: sides[1].stories }, results }, null, 2)}\n`,
  );
  say(`results: ${out}`);
  await procs.stopAll();
  rmSync(tmp, { recursive: true, force: true });
}

main().catch(async (e) => {
  console.error(e);
  await procs.stopAll();
  process.exit(1);
});
