// Two `next start` nodes on one PostgreSQL database: view beacons spread over both from many
// connections, readers hitting both nodes, then SIGTERM to both at once. The stored counts must
// equal the de-duplicated beacons exactly (one view per reader and story in the 30-minute window,
// whichever node it reached and whether or not the node had written it before it was stopped).
// Part of `npm test` (scripts/test-all.sh); needs `npm run build`.
//
//   node scripts/load/views-two-nodes.mjs --server postgresql://postgres@127.0.0.1:5432/postgres
//
// Options: --server <url>      a PostgreSQL server (any database on it; default $TEST_POSTGRES_URL):
//                              a database difang_views_<time> is created there and dropped after
//          --beacons <n>       beacons in all (default 20000)
//          --connections <n>   beacons in flight at once (default 50)
//          --readers <n>       distinct readers (default 3000), each with its own address
//          --stories <n>       stories (default 12)
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { Agent } from "node:http";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { Processes, freePorts, waitForHttp } from "../bench/lib/procs.mjs";
import { migratePostgres } from "../db/migrate.mjs";
import { prng } from "../bench/lib/synthetic.mjs";

const root = path.resolve(import.meta.dirname, "../..");
const { values: opts } = parseArgs({
  options: {
    server: { type: "string", default: process.env.TEST_POSTGRES_URL },
    beacons: { type: "string", default: "20000" },
    connections: { type: "string", default: "50" },
    readers: { type: "string", default: "3000" },
    stories: { type: "string", default: "12" },
  },
});
const BEACONS = Number(opts.beacons);
const CONNECTIONS = Number(opts.connections);
const READERS = Number(opts.readers);
const STORIES = Number(opts.stories);
if (!opts.server || !/^postgres(ql)?:\/\//.test(opts.server)) {
  console.error("--server postgresql://… (or TEST_POSTGRES_URL) is required");
  process.exit(2);
}
if (!existsSync(path.join(root, ".next/BUILD_ID"))) {
  console.error("no production build: run `npm run build` first");
  process.exit(2);
}

const UA =
  "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Mobile Safari/537.36";
const say = (msg) => console.log(`views-two-nodes: ${msg}`);

/** A deterministic stream of (reader, story) beacons with many repeats. */
export function beaconPlan(count, readers, stories, seed = 20261130) {
  const next = prng(seed);
  return Array.from({ length: count }, () => ({
    reader: Math.floor(next() * readers),
    story: Math.floor(next() * stories),
    node: next() < 0.5 ? 0 : 1,
  }));
}

async function main() {
  const procs = new Processes();
  const tmp = mkdtempSync(path.join(os.tmpdir(), "difang-views-two-nodes-"));
  const name = `difang_views_${Date.now()}`;
  const admin = new pg.Client({ connectionString: opts.server });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  const url = new URL(opts.server);
  url.pathname = `/${name}`;
  const databaseUrl = url.toString();
  let failed = false;
  try {
    await migratePostgres(databaseUrl, () => {});
    const db = new pg.Client({ connectionString: databaseUrl });
    await db.connect();
    const region = await db.query(
      `INSERT INTO "Region" ("name", "slug", "level") VALUES ('柳州市', 'liuzhou', 'city') RETURNING "id"`,
    );
    const channel = await db.query(
      `INSERT INTO "Channel" ("slug", "name", "regionId", "updatedAt") VALUES ('liuzhou', '柳州新闻', $1, now()) RETURNING "id"`,
      [region.rows[0].id],
    );
    const ids = [];
    for (let i = 0; i < STORIES; i++) {
      const r = await db.query(
        `INSERT INTO "Article" ("channelId", "title", "body", "bodyHtml", "status", "publishedAt", "updatedAt")
         VALUES ($1, $2, '正文', '<p>正文</p>', 'published', (now() AT TIME ZONE 'UTC') - interval '1 hour', now())
         RETURNING "id"`,
        [channel.rows[0].id, `柳州新闻测试稿件 ${i + 1}`],
      );
      ids.push(r.rows[0].id);
    }

    const ports = await freePorts(2);
    const nodes = ports.map((port, i) => {
      const log = path.join(tmp, `node-${i}.log`);
      const child = procs.start(
        `node-${i}`,
        process.execPath,
        [path.join(root, "node_modules/next/dist/bin/next"), "start", "-H", "127.0.0.1", "-p", String(port)],
        {
          cwd: root,
          env: {
            ...process.env,
            NODE_ENV: "production",
            NEXT_TELEMETRY_DISABLED: "1",
            DATABASE_URL: databaseUrl,
            UPLOAD_DIR: path.join(tmp, "uploads"),
            APP_SECRET: "views-two-nodes-app-secret-0123",
            IP_HASH_SALT: "views-two-nodes-salt-0123",
            // Readers are told apart by X-Forwarded-For, believed from loopback only.
            TRUSTED_PROXIES: "127.0.0.1",
          },
          log,
        },
      );
      return { port, child, log };
    });
    for (const n of nodes)
      await waitForHttp(`http://127.0.0.1:${n.port}/api/health`, {
        isAlive: () => n.child.exitCode === null,
        what: "next start",
      });

    const plan = beaconPlan(BEACONS, READERS, STORIES);
    const expected = new Map(ids.map((id) => [id, new Set()]));
    for (const b of plan) expected.get(ids[b.story]).add(b.reader);
    const distinct = [...expected.values()].reduce((s, set) => s + set.size, 0);
    say(
      `${BEACONS} beacons from ${READERS} readers over ${STORIES} stories (${distinct} distinct reader-story pairs), ${CONNECTIONS} connections, two nodes`,
    );

    const agent = new Agent({ keepAlive: true, maxSockets: CONNECTIONS });
    const outcomes = { counted: 0, duplicate: 0, ignored: 0, failed: 0 };
    const send = (b) =>
      new Promise((resolve) => {
        const req = http.request(
          {
            host: "127.0.0.1",
            port: nodes[b.node].port,
            method: "POST",
            path: `/api/views/${ids[b.story]}`,
            agent,
            headers: {
              "user-agent": UA,
              "x-forwarded-for": `10.${(b.reader >> 16) & 255}.${(b.reader >> 8) & 255}.${b.reader & 255}`,
              "content-length": 0,
            },
          },
          (res) => {
            res.resume();
            res.on("end", () => {
              const outcome = res.headers["x-view"];
              if (res.statusCode === 204 && outcome in outcomes) outcomes[outcome]++;
              else outcomes.failed++;
              resolve();
            });
          },
        );
        req.on("error", () => {
          outcomes.failed++;
          resolve();
        });
        req.end();
      });
    let cursor = 0;
    const t0 = Date.now();
    await Promise.all(
      Array.from({ length: CONNECTIONS }, async () => {
        while (cursor < plan.length) await send(plan[cursor++]);
      }),
    );
    const seconds = (Date.now() - t0) / 1000;
    agent.destroy();
    say(`sent in ${seconds.toFixed(1)} s (${(BEACONS / seconds).toFixed(0)}/s): ${JSON.stringify(outcomes)}`);
    if (outcomes.failed > 0) throw new Error(`${outcomes.failed} beacons were not acknowledged`);

    // At once, while views still wait in both nodes' buffers: SIGTERM to both.
    await Promise.all(
      nodes.map((n) => procs.stop(n.child, { signal: "SIGTERM", group: false, graceMs: 30_000 })),
    );
    for (const n of nodes) {
      if (n.child.signalCode === "SIGKILL")
        throw new Error(`a node did not stop within 30 s (log: ${n.log})`);
    }

    const stored = new Map(
      (await db.query(`SELECT "id", "viewCount" FROM "Article" WHERE "id" = ANY($1::int[])`, [ids])).rows.map(
        (r) => [r.id, r.viewCount],
      ),
    );
    const buckets = Number(
      (await db.query(`SELECT coalesce(sum("count"), 0) AS n FROM "ArticleViewBucket"`)).rows[0].n,
    );
    await db.end();
    const total = [...stored.values()].reduce((s, n) => s + n, 0);
    const wrong = ids.filter((id) => stored.get(id) !== expected.get(id).size);
    say(`stored ${total} views (hourly buckets: ${buckets}); expected ${distinct}`);
    if (wrong.length > 0 || total !== distinct || buckets !== distinct) {
      for (const id of wrong)
        say(`  story ${id}: stored ${stored.get(id)}, expected ${expected.get(id).size}`);
      throw new Error("stored view counts differ from the de-duplicated beacons");
    }
    say("ok: stored counts equal the de-duplicated beacons exactly");
  } catch (error) {
    failed = true;
    console.error(`views-two-nodes: FAILED: ${error instanceof Error ? error.message : error}`);
    console.error(`logs kept in ${tmp}`);
  } finally {
    await procs.stopAll();
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
    if (!failed) rmSync(tmp, { recursive: true, force: true });
  }
  process.exit(failed ? 1 : 0);
}

if (import.meta.url === `file://${process.argv[1]}`) void main();
