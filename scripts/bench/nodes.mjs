// One node over SQLite beside two nodes over PostgreSQL, in one run (README § Benchmarks).
//
//   npm run bench:nodes                    (node scripts/bench/nodes.mjs; needs `npm run build`)
//
// Options: --duration <s> seconds per load run (default 8)
//          --connections <n> wrk connections (default 50)
//          --keep          keep the temporary directory (databases, logs)
//
// 1. A fresh demo database on SQLite (migrate + prisma/seed.ts), copied into a throw-away
//    PostgreSQL server that this script starts (scripts/pg/cluster.sh) with `npm run db:copy`:
//    the same content on both sides.
// 2. One `next start` on the SQLite file; two `next start` on the PostgreSQL database.
// 3. nginx in front of each side, the same way (no micro-cache; `least_conn` upstream with
//    keepalive): one upstream server for SQLite, two for PostgreSQL, so that both sides pay the
//    same proxy cost and the PostgreSQL side is what a load balancer in front of N nodes gives.
// 4. Every page warmed on every node, then wrk against each side in turn, page by page:
//    article, home, channel, search (融安, rendered per request: it queries the database).
// Results: a table of req/s and p99 per side, and bench/results/nodes-<ISO timestamp>.json.
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { Processes, freePorts, waitForHttp } from "./lib/procs.mjs";
import { parseWrkOutput, wrkLuaScript } from "./lib/wrk.mjs";
import { firstArticlePath } from "./lib/html.mjs";
import { formatTable } from "./lib/report.mjs";

const root = path.resolve(import.meta.dirname, "../..");
const nextBin = path.join(root, "node_modules/next/dist/bin/next");
const BROWSER_UA =
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";

const { values: opts } = parseArgs({
  options: {
    duration: { type: "string", default: "8" },
    connections: { type: "string", default: "50" },
    keep: { type: "boolean", default: false },
  },
});
const DURATION = Number(opts.duration);
const CONNECTIONS = Number(opts.connections);
if (!(DURATION > 0) || !(CONNECTIONS > 0)) {
  console.error("bad --duration or --connections");
  process.exit(2);
}
if (!existsSync(path.join(root, ".next/BUILD_ID"))) {
  console.error("no production build: run `npm run build` first");
  process.exit(2);
}

const started = Date.now();
const say = (msg) => console.log(`[${((Date.now() - started) / 1000).toFixed(0).padStart(3)} s] ${msg}`);
const procs = new Processes();
const tmp = mkdtempSync(path.join(os.tmpdir(), "difang-bench-nodes-"));
const pgDir = path.join(tmp, "pg");
// As root the server runs as "postgres" (scripts/pg/cluster.sh), which must be able to reach pgDir.
chmodSync(tmp, 0o755);

let shuttingDown = false;
async function shutdown(code) {
  if (shuttingDown) return;
  shuttingDown = true;
  await procs.stopAll();
  await procs.run("bash", [path.join(root, "scripts/pg/cluster.sh"), "stop", pgDir]).catch(() => {});
  if (!opts.keep) rmSync(tmp, { recursive: true, force: true });
  else console.log(`kept ${tmp}`);
  process.exit(code);
}
process.on("SIGINT", () => void shutdown(130));
process.on("SIGTERM", () => void shutdown(143));
process.on("exit", () => procs.killAllNow());

const secrets = {
  APP_SECRET: "bench-nodes-app-secret-0123456789",
  IP_HASH_SALT: "bench-nodes-ip-hash-salt-0123",
};

async function main() {
  const [pgPort, sqlitePort, pgA, pgB, nginxSqlite, nginxPg] = await freePorts(6);
  const uploads = path.join(tmp, "uploads");
  const sqliteUrl = `file:${path.join(tmp, "sqlite/difang.db")}`;
  mkdirSync(path.join(tmp, "sqlite"), { recursive: true });
  const base = {
    ...process.env,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    UPLOAD_DIR: uploads,
    ...secrets,
  };
  const sqliteEnv = { ...base, DATABASE_URL: sqliteUrl };

  say("seeding the demo database on SQLite (migrate + prisma/seed.ts)");
  await procs.run(process.execPath, ["scripts/db/migrate.mjs"], { cwd: root, env: sqliteEnv });
  await procs.run(path.join(root, "node_modules/.bin/tsx"), ["prisma/seed.ts"], {
    cwd: root,
    env: sqliteEnv,
  });

  say("starting PostgreSQL and copying the same content into it (npm run db:copy)");
  const server = (
    await procs.run("bash", [path.join(root, "scripts/pg/cluster.sh"), "start", pgDir, String(pgPort)])
  ).trim();
  await procs.run(process.execPath, ["scripts/db/copy.mjs", "--from", sqliteUrl, "--to", server], {
    cwd: root,
    env: base,
  });
  const pgEnv = { ...base, DATABASE_URL: server };

  const nodes = [
    { name: "sqlite", port: sqlitePort, env: sqliteEnv },
    { name: "pg-a", port: pgA, env: pgEnv },
    { name: "pg-b", port: pgB, env: pgEnv },
  ];
  for (const n of nodes) {
    const log = path.join(tmp, `${n.name}.log`);
    const child = procs.start(
      n.name,
      process.execPath,
      [nextBin, "start", "-H", "127.0.0.1", "-p", String(n.port)],
      {
        cwd: root,
        env: { ...n.env, PORT: String(n.port), TRUSTED_PROXIES: "127.0.0.1" },
        log,
      },
    );
    n.alive = () => child.exitCode === null;
    n.log = log;
  }
  for (const n of nodes) {
    await waitForHttp(`http://127.0.0.1:${n.port}/api/health`, {
      isAlive: n.alive,
      what: `next start (${n.name})`,
    });
  }
  say("three nodes up: one on SQLite, two on PostgreSQL");

  const nginxDir = path.join(tmp, "nginx");
  mkdirSync(path.join(nginxDir, "logs"), { recursive: true });
  const upstream = (name, ports) =>
    `upstream ${name} { least_conn; ${ports.map((p) => `server 127.0.0.1:${p};`).join(" ")} keepalive 64; }`;
  const site = (port, up) => `server {
    listen 127.0.0.1:${port};
    location / {
      proxy_pass http://${up};
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $http_host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
    }
  }`;
  writeFileSync(
    path.join(nginxDir, "nginx.conf"),
    `worker_processes 1; pid ${nginxDir}/nginx.pid; error_log ${nginxDir}/logs/error.log;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path ${nginxDir}/body; proxy_temp_path ${nginxDir}/proxy;
  fastcgi_temp_path ${nginxDir}/fcgi; uwsgi_temp_path ${nginxDir}/uwsgi; scgi_temp_path ${nginxDir}/scgi;
  ${upstream("sqlite_one", [sqlitePort])}
  ${upstream("pg_two", [pgA, pgB])}
  ${site(nginxSqlite, "sqlite_one")}
  ${site(nginxPg, "pg_two")}
}
`,
  );
  const nginx = procs.start(
    "nginx",
    "nginx",
    ["-p", nginxDir, "-c", path.join(nginxDir, "nginx.conf"), "-g", "daemon off;"],
    {
      log: path.join(nginxDir, "logs/stdout.log"),
    },
  );
  await waitForHttp(`http://127.0.0.1:${nginxSqlite}/api/health`, {
    isAlive: () => nginx.exitCode === null,
    what: "nginx",
  });
  await waitForHttp(`http://127.0.0.1:${nginxPg}/api/health`, {
    isAlive: () => nginx.exitCode === null,
    what: "nginx",
  });

  const home = await (await fetch(`http://127.0.0.1:${sqlitePort}/`)).text();
  const article = firstArticlePath(home, "liuzhou");
  if (!article) throw new Error("no liuzhou story on the home page");
  const pages = [
    { name: "article", path: article },
    { name: "home", path: "/" },
    { name: "channel", path: "/liuzhou" },
    { name: "search 融安", path: `/search?q=${encodeURIComponent("融安")}` },
  ];
  // Both sides must answer the same page: a 404 or 500 on one would make its figures meaningless.
  for (const n of nodes)
    for (const p of pages) {
      for (let i = 0; i < 3; i++) {
        const res = await fetch(`http://127.0.0.1:${n.port}${p.path}`, {
          headers: { "user-agent": BROWSER_UA },
        });
        await res.arrayBuffer();
        if (res.status !== 200) throw new Error(`${n.name} ${p.path}: ${res.status}`);
      }
    }
  say(`warmed ${pages.length} pages on each node (article ${article})`);

  const sides = [
    { key: "sqlite1", label: "SQLite, 1 node", port: nginxSqlite },
    { key: "pg2", label: "PostgreSQL, 2 nodes", port: nginxPg },
  ];
  const script = path.join(tmp, "wrk.lua");
  writeFileSync(script, wrkLuaScript({ headers: { "User-Agent": BROWSER_UA } }));
  const runs = [];
  for (const p of pages)
    for (const s of sides) {
      const url = `http://127.0.0.1:${s.port}${p.path}`;
      const out = await procs.run(
        "wrk",
        [
          "-t",
          "2",
          "-c",
          String(CONNECTIONS),
          "-d",
          `${DURATION}s`,
          "--timeout",
          "10s",
          "--latency",
          "-s",
          script,
          url,
        ],
        { timeoutMs: (DURATION + 30) * 1000 },
      );
      const r = parseWrkOutput(out);
      runs.push({ page: p.name, side: s.key, ...r });
      say(
        `${p.name.padEnd(12)} ${s.label.padEnd(20)} ${r.rps.toFixed(0).padStart(6)} req/s  p99 ${r.latencyMs.p99} ms  non-2xx ${r.non2xx}`,
      );
    }

  const rows = pages.map((p) => {
    const a = runs.find((r) => r.page === p.name && r.side === "sqlite1");
    const b = runs.find((r) => r.page === p.name && r.side === "pg2");
    return [
      p.name,
      a.rps.toFixed(0),
      `${a.latencyMs.p99} ms`,
      b.rps.toFixed(0),
      `${b.latencyMs.p99} ms`,
      `${(b.rps / a.rps).toFixed(2)}×`,
    ];
  });
  console.log(
    `\n${formatTable(["page", "SQLite 1 node req/s", "p99", "PostgreSQL 2 nodes req/s", "p99", "PG÷SQLite"], rows)}`,
  );
  console.log(
    `\n${os.cpus().length} CPUs, load average ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(" ")}; wrk -c ${CONNECTIONS} -d ${DURATION}s through nginx (no cache).`,
  );
  const out = path.join(root, "bench/results");
  mkdirSync(out, { recursive: true });
  const file = path.join(out, `nodes-${new Date(started).toISOString().replace(/[:.]/g, "-")}.json`);
  writeFileSync(
    file,
    JSON.stringify(
      {
        schema: "difang-bench-nodes/1",
        startedAt: new Date(started).toISOString(),
        cpus: os.cpus().length,
        connections: CONNECTIONS,
        duration: DURATION,
        runs,
      },
      null,
      2,
    ),
  );
  say(`results: ${path.relative(root, file)}`);
}

main().then(
  () => shutdown(0),
  (error) => {
    console.error(error instanceof Error ? error.message : error);
    void shutdown(1);
  },
);
