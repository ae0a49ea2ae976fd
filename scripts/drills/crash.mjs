// Crash drill: kill -9 a `next start` in the middle of a burst of view beacons and comment posts,
// restart it, and account for every acknowledged write.
//
//   npm run drill:crash          (needs `npm run build`; about 30 s; loopback only; stops by itself)
//
// 1. A temporary data directory (never data/dev or data/e2e): migrated database, 20 stories.
// 2. `next start` on 127.0.0.1:3345; comment form tokens fetched as the form does, 3 s wait.
// 3. Burst: 16 connections sending view beacons (each a distinct reader) and 4 posting comments
//    (distinct bodies), for DRILL_BURST_MS (default 6 s); then SIGKILL to the server's process group
//    while requests are in flight.
// 4. Restart `next start` on the same data: /api/health and a story page must answer 200; stop it.
// 5. PRAGMA integrity_check and the search index check; acknowledged vs stored views and comments.
// Passes when the database is clean, no acknowledged comment is missing or doubled, and the views
// lost are at most those acknowledged in the last flush interval before the kill.
import { rmSync } from "node:fs";
import Database from "better-sqlite3";
import {
  checkDatabaseFile,
  commentLoss,
  commentTokens,
  insertStories,
  migrate,
  readerAgent,
  requireBuild,
  sleep,
  startPortal,
  stopPortal,
  tempPortal,
  viewLoss,
} from "./lib.mjs";

const PORT = Number(process.env.DRILL_PORT ?? 3345);
const STORIES = 20;
const BURST_MS = Number(process.env.DRILL_BURST_MS ?? 6_000);
const VIEW_CONNECTIONS = 16;
const COMMENT_CONNECTIONS = 4;
const FLUSH_MS = 1_000; // VIEW_FLUSH_INTERVAL_MS in lib/views/record-view.ts

requireBuild();
const portal = tempPortal("crash");
const env = { ...portal.env, COMMENT_RATE_LIMIT: "1000" }; // one loopback address posts them all
let failed = false;
const check = (ok, message) => {
  console.log(`${ok ? "ok  " : "FAIL"} ${message}`);
  if (!ok) failed = true;
};

try {
  migrate(env);
  insertStories(portal.dbFile, STORIES);
  const first = await startPortal(env, PORT);
  const ids = Array.from({ length: STORIES }, (_, i) => i + 1);
  const tokens = await commentTokens(first.base, ids);
  // Warm the routes (the first requests of a fresh process compile and open what they use).
  for (const id of ids) await fetch(`${first.base}/api/views/${id}`);
  await sleep(3_200); // the form's minimum fill time

  const viewAcks = [];
  const commentAcks = [];
  const counts = { viewRequests: 0, commentRequests: 0, refused: {} };
  let reader = 0;
  let posted = 0;
  let killed = false;
  const viewWorker = async () => {
    while (!killed) {
      const n = ++reader;
      counts.viewRequests++;
      try {
        const res = await fetch(`${first.base}/api/views/${1 + (n % STORIES)}`, {
          method: "POST",
          headers: { "user-agent": readerAgent(n) },
        });
        if (res.status === 204 && res.headers.get("x-view") === "counted") viewAcks.push(Date.now());
      } catch {
        // connection cut by the kill: not acknowledged
      }
    }
  };
  const commentWorker = async () => {
    while (!killed) {
      const n = ++posted;
      const story = 1 + (n % STORIES);
      const body = `演练评论 ${n}：断电之前写下的这一条必须留下。`;
      counts.commentRequests++;
      try {
        const res = await fetch(`${first.base}/api/articles/${story}/comments`, {
          method: "POST",
          headers: { "content-type": "application/json", "user-agent": readerAgent(n) },
          body: JSON.stringify({ body, nickname: `读者${n}`, token: tokens.get(story) }),
        });
        if (res.status === 201 || res.status === 202) commentAcks.push(body);
        else counts.refused[res.status] = (counts.refused[res.status] ?? 0) + 1;
      } catch {
        // connection cut by the kill
      }
    }
  };
  const workers = [
    ...Array.from({ length: VIEW_CONNECTIONS }, viewWorker),
    ...Array.from({ length: COMMENT_CONNECTIONS }, commentWorker),
  ];
  await sleep(BURST_MS);
  const killAt = Date.now();
  process.kill(-first.server.pid, "SIGKILL");
  const exit = await stopPortal(first, "SIGKILL");
  killed = true;
  await Promise.all(workers);
  console.log(
    `burst: ${BURST_MS} ms, ${counts.viewRequests} beacons and ${counts.commentRequests} comment posts sent; server ended by ${exit.signal ?? exit.code}`,
  );
  if (Object.keys(counts.refused).length > 0)
    console.log(`refused comment posts: ${JSON.stringify(counts.refused)}`);

  // Restart on the same data, as systemd would.
  const second = await startPortal(env, PORT);
  const page = await fetch(`${second.base}/drill/1`);
  check(page.status === 200, `restarted portal answers a story page: ${page.status}`);
  await stopPortal(second, "SIGTERM");

  const health = checkDatabaseFile(portal.dbFile);
  check(health.integrity === "ok", `PRAGMA integrity_check: ${health.integrity}`);
  check(health.search === "ok", `search index check: ${health.search}`);

  const db = new Database(portal.dbFile, { readonly: true });
  const storedViews = db.prepare(`SELECT coalesce(sum("viewCount"), 0) FROM "Article"`).pluck().get();
  const bucketViews = db.prepare(`SELECT coalesce(sum("count"), 0) FROM "ArticleViewBucket"`).pluck().get();
  const storedBodies = db.prepare(`SELECT "body" FROM "Comment"`).pluck().all();
  db.close();

  const views = viewLoss({ ackTimes: viewAcks, killAt, stored: storedViews, flushMs: FLUSH_MS });
  const comments = commentLoss({ acknowledged: commentAcks, storedBodies });
  console.log(
    `views: ${views.acked} acknowledged, ${views.stored} stored (hourly buckets ${bucketViews}), ${views.lost} lost; ${views.lastIntervalAcked} acknowledged in the last ${FLUSH_MS} ms before the kill`,
  );
  console.log(
    `comments: ${comments.acked} acknowledged, ${comments.stored} stored, ${comments.lost} lost, ${comments.doubled} doubled, ${comments.unacknowledged} stored whose answer the kill cut off`,
  );
  check(storedViews === bucketViews, "story totals equal the hourly buckets (one transaction per flush)");
  check(views.withinOneInterval, "views lost ≤ views acknowledged in the last flush interval");
  check(comments.lost === 0 && comments.doubled === 0, "no acknowledged comment lost or doubled");
} finally {
  rmSync(portal.dir, { recursive: true, force: true });
}
console.log(failed ? "drill:crash FAILED" : "drill:crash passed");
process.exit(failed ? 1 : 0);
