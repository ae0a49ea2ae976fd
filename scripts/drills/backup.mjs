// Backup drill: an online backup taken under load restores to a working portal.
//
//   npm run drill:backup         (needs `npm run build`; 1–3 min, most of it the demo seed; loopback only)
//
// 1. Portal A in a temporary directory: migrated, seeded with the demo content (stories, images
//    in its own UPLOAD_DIR, comments), `next start` on 127.0.0.1:3346.
// 2. Load: view beacons and comment posts without pause; meanwhile `npm run db:backup` (the same
//    script, scripts/backup/backup.mjs) writes a backup of A; the load goes on for a second after.
// 3. A stops. Portal B: a fresh, empty directory; `npm run db:restore` puts the backup there;
//    `next start` on 127.0.0.1:3347 must answer the home page, a story with a lead image and that
//    image with 200, and hold every comment acknowledged before the backup began.
import { execFile, execFileSync } from "node:child_process";
import { promisify } from "node:util";
import { rmSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import {
  checkDatabaseFile,
  commentTokens,
  migrate,
  portalIn,
  readerAgent,
  requireBuild,
  ROOT,
  sleep,
  startPortal,
  stopPortal,
  tempPortal,
} from "./lib.mjs";

const PORT_A = Number(process.env.DRILL_PORT ?? 3346);
const PORT_B = PORT_A + 1;

requireBuild();
const a = tempPortal("backup");
const b = portalIn(path.join(a.dir, "restored"), { createUploads: false });
const backupDir = path.join(a.dir, "backup");
const envA = { ...a.env, COMMENT_RATE_LIMIT: "1000" };
let failed = false;
const check = (ok, message) => {
  console.log(`${ok ? "ok  " : "FAIL"} ${message}`);
  if (!ok) failed = true;
};
/** Runs one of the repository's scripts without blocking this process (the load goes on). */
const run = async (script, args, env) => {
  const t0 = performance.now();
  const { stdout } = await promisify(execFile)(process.execPath, [path.join(ROOT, script), ...args], {
    cwd: ROOT,
    env,
    encoding: "utf8",
  });
  return { out: stdout.trim(), ms: Math.round(performance.now() - t0) };
};

try {
  migrate(envA);
  const seedStart = performance.now();
  execFileSync("npx", ["tsx", "prisma/seed.ts"], { cwd: ROOT, env: envA, stdio: "ignore" });
  console.log(
    `portal A seeded with the demo content in ${((performance.now() - seedStart) / 1000).toFixed(1)} s`,
  );
  const seeded = new Database(a.dbFile, { readonly: true });
  const ids = seeded
    .prepare(
      `SELECT "id" FROM "Article" WHERE "status" = 'published' AND "publishedAt" <= ? ORDER BY "id" LIMIT 20`,
    )
    .pluck()
    .all(new Date().toISOString().replace("Z", "+00:00"));
  seeded.close();

  const portalA = await startPortal(envA, PORT_A);
  const tokens = await commentTokens(portalA.base, ids);
  await sleep(3_200);
  let stop = false;
  let n = 0;
  const acked = []; // { body, at }
  let beacons = 0;
  const viewWorker = async () => {
    while (!stop) {
      const i = ++n;
      await fetch(`${portalA.base}/api/views/${ids[i % ids.length]}`, {
        method: "POST",
        headers: { "user-agent": readerAgent(i) },
      }).catch(() => null);
      beacons++;
    }
  };
  const commentWorker = async () => {
    while (!stop) {
      const i = ++n;
      const story = ids[i % ids.length];
      const body = `备份演练评论 ${i}：备份开始之前确认的评论必须在备份里。`;
      const res = await fetch(`${portalA.base}/api/articles/${story}/comments`, {
        method: "POST",
        headers: { "content-type": "application/json", "user-agent": readerAgent(i) },
        body: JSON.stringify({ body, nickname: `读者${i}`, token: tokens.get(story) }),
      }).catch(() => null);
      if (res && (res.status === 201 || res.status === 202)) acked.push({ body, at: Date.now() });
    }
  };
  const workers = [...Array.from({ length: 8 }, viewWorker), ...Array.from({ length: 2 }, commentWorker)];
  await sleep(3_000);
  const backupStarted = Date.now();
  const backup = await run("scripts/backup/backup.mjs", ["--out", backupDir], envA);
  console.log(`npm run db:backup under load (${backup.ms} ms):\n${backup.out}`);
  await sleep(1_000);
  stop = true;
  await Promise.all(workers);
  await stopPortal(portalA);
  const before = acked.filter((c) => c.at < backupStarted);
  const during = acked.filter((c) => c.at >= backupStarted && c.at <= backupStarted + backup.ms);
  console.log(
    `load on A: ${beacons} view beacons and ${acked.length} acknowledged comments (${before.length} before the backup began, ${during.length} while it ran)`,
  );

  // B: a fresh place; restore; start; read.
  const restore = await run("scripts/backup/restore.mjs", [backupDir], b.env);
  console.log(`npm run db:restore into a fresh directory (${restore.ms} ms):\n${restore.out}`);
  const health = checkDatabaseFile(b.dbFile);
  check(
    health.integrity === "ok" && health.search === "ok",
    `restored database: integrity ${health.integrity}, search index ${health.search}`,
  );
  const restored = new Database(b.dbFile, { readonly: true });
  const bodies = new Set(restored.prepare(`SELECT "body" FROM "Comment"`).pluck().all());
  const story = restored
    .prepare(
      `SELECT a."id", c."slug" FROM "Article" a JOIN "Channel" c ON c."id" = a."channelId"
       WHERE a."status" = 'published' AND a."leadImageId" IS NOT NULL AND a."publishedAt" <= ? ORDER BY a."publishedAt" DESC LIMIT 1`,
    )
    .get(new Date().toISOString().replace("Z", "+00:00"));
  restored.close();
  const missing = before.filter((c) => !bodies.has(c.body)).length;
  check(
    missing === 0,
    `comments acknowledged before the backup began, all in the restored copy: ${before.length - missing}/${before.length}`,
  );

  const portalB = await startPortal(b.env, PORT_B);
  try {
    const home = await fetch(`${portalB.base}/`);
    check(home.status === 200, `restored portal: GET / → ${home.status}`);
    const page = await fetch(`${portalB.base}/${story.slug}/${story.id}`);
    const html = await page.text();
    check(page.status === 200, `restored portal: GET /${story.slug}/${story.id} → ${page.status}`);
    const media = html.match(/(\/media\/[^"'\s,?]+)/)?.[1];
    const image = media ? await fetch(`${portalB.base}${media}`) : null;
    check(
      image?.status === 200,
      `restored portal: the story's lead image ${media ?? "(none found)"} → ${image?.status}`,
    );
  } finally {
    await stopPortal(portalB);
  }
} finally {
  rmSync(a.dir, { recursive: true, force: true });
}
console.log(failed ? "drill:backup FAILED" : "drill:backup passed");
process.exit(failed ? 1 : 0);
