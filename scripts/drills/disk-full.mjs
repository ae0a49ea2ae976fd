// Disk-full drill: the portal's data directory fills up while readers send views and comments and
// an editor uploads an image; then space comes back.
//
//   sudo npm run drill:disk-full    (root: mounts a small tmpfs; needs `npm run build`; ~40 s)
//
// 1. A 12 MB tmpfs under a temporary directory holds the database and UPLOAD_DIR; a migrated
//    database with 20 stories, an editor session, `next start` on 127.0.0.1:3348.
// 2. Before: 100 views (flushed), an image upload (201), comments (202).
// 3. A filler file takes every free byte. During: 150 more views (acknowledged: they are in
//    memory), comment posts and an image upload must be refused with a clear message, and the
//    server log must say why the view flush fails.
// 4. The filler goes. After: the buffered views reach the database, uploads and comments work.
// 5. SIGTERM; integrity_check; every acknowledged view and comment is stored; no Image row without
//    its files.
import { execFileSync } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import {
  closeSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  rmSync,
  statSync,
  writeSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import sharp from "sharp";
import {
  checkDatabaseFile,
  commentTokens,
  insertStories,
  isoTime,
  migrate,
  portalIn,
  readerAgent,
  requireBuild,
  sleep,
  startPortal,
  stopPortal,
} from "./lib.mjs";

const PORT = Number(process.env.DRILL_PORT ?? 3348);
const SITE = `http://127.0.0.1:${PORT}`;
const STORIES = 20;

requireBuild();
if (process.getuid?.() !== 0) {
  console.error("drill:disk-full mounts a small tmpfs and needs root (sudo npm run drill:disk-full).");
  process.exit(2);
}
const outer = mkdtempSync(path.join(tmpdir(), "difang-drill-diskfull-"));
const mount = path.join(outer, "fs");
mkdirSync(mount);
execFileSync("mount", ["-t", "tmpfs", "-o", "size=12m", "tmpfs", mount]);
const portal = portalIn(mount);
const env = { ...portal.env, SITE_URL: SITE, COMMENT_RATE_LIMIT: "1000" };
let failed = false;
const check = (ok, message) => {
  console.log(`${ok ? "ok  " : "FAIL"} ${message}`);
  if (!ok) failed = true;
};

/** Fills the file system to the last byte; returns the filler's path. */
function fillDisk() {
  const filler = path.join(mount, "filler");
  const fd = openSync(filler, "w");
  for (const size of [1 << 20, 1 << 16, 1 << 12, 512, 1]) {
    const chunk = Buffer.alloc(size, 1);
    try {
      for (;;) writeSync(fd, chunk);
    } catch (e) {
      if (e.code !== "ENOSPC") throw e;
    }
  }
  closeSync(fd);
  return filler;
}

function editorSession() {
  const db = new Database(portal.dbFile);
  const now = isoTime(Date.now());
  const user = db
    .prepare(
      `INSERT INTO "User" ("username","passwordHash","role","createdAt","updatedAt") VALUES ('drill','x','editor',?,?)`,
    )
    .run(now, now).lastInsertRowid;
  const token = randomBytes(32).toString("base64url");
  db.prepare(
    `INSERT INTO "Session" ("id","userId","createdAt","expiresAt","lastSeenAt") VALUES (?,?,?,?,?)`,
  ).run(createHash("sha256").update(token).digest("hex"), user, now, isoTime(Date.now() + 86_400_000), now);
  db.close();
  return `difang_session=${token}`;
}

const treeFiles = (dir) =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath ?? e.path, e.name)));

let readers = 0;
async function sendViews(base, count) {
  let acked = 0;
  await Promise.all(
    Array.from({ length: 10 }, async (_, w) => {
      for (let i = w; i < count; i += 10) {
        const n = ++readers;
        const res = await fetch(`${base}/api/views/${1 + (n % STORIES)}`, {
          method: "POST",
          headers: { "user-agent": readerAgent(n) },
        });
        if (res.status === 204 && res.headers.get("x-view") === "counted") acked++;
      }
    }),
  );
  return acked;
}

let posts = 0;
async function postComments(base, tokens, count) {
  const answers = [];
  for (let i = 0; i < count; i++) {
    const n = ++posts;
    const story = 1 + (n % STORIES);
    const body = `磁盘演练评论 ${n}：确认过的评论一条也不能少。`;
    const res = await fetch(`${base}/api/articles/${story}/comments`, {
      method: "POST",
      headers: { "content-type": "application/json", "user-agent": readerAgent(n), origin: SITE },
      body: JSON.stringify({ body, nickname: `读者${n}`, token: tokens.get(story) }),
    });
    const text = await res.text();
    answers.push({ body, status: res.status, text: text.slice(0, 160) });
  }
  return answers;
}

/** Deterministic noise: the same seed gives the same image bytes (a re-upload). */
function noise(seed, length) {
  const out = Buffer.alloc(length);
  let x = seed * 2654435761;
  for (let i = 0; i < length; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    out[i] = x >>> 24;
  }
  return out;
}

async function upload(base, cookie, seed) {
  const bytes = await sharp({
    create: { width: 1200, height: 800, channels: 3, background: { r: seed % 256, g: 90, b: 160 } },
  })
    .composite([
      { input: noise(seed, 200 * 200 * 3), raw: { width: 200, height: 200, channels: 3 }, left: 40, top: 40 },
    ])
    .jpeg({ quality: 90 })
    .toBuffer();
  const form = new FormData();
  form.set("file", new Blob([bytes], { type: "image/jpeg" }), `drill-${seed}.jpg`);
  form.set("alt", "演练图片");
  form.set("caption", "磁盘演练");
  form.set("credit", "");
  const res = await fetch(`${base}/admin/api/images`, {
    method: "POST",
    headers: { cookie, origin: SITE },
    body: form,
  });
  return { status: res.status, text: (await res.text()).slice(0, 200), bytes: bytes.length };
}

function stored() {
  const db = new Database(portal.dbFile, { readonly: true });
  try {
    return {
      views: db.prepare(`SELECT coalesce(sum("viewCount"),0) FROM "Article"`).pluck().get(),
      bodies: new Set(db.prepare(`SELECT "body" FROM "Comment"`).pluck().all()),
      images: db.prepare(`SELECT "key" FROM "Image"`).pluck().all(),
    };
  } finally {
    db.close();
  }
}

const df = () =>
  execFileSync("df", ["-k", "--output=avail", mount], { encoding: "utf8" }).split("\n")[1].trim();

let server;
try {
  migrate(env);
  insertStories(portal.dbFile, STORIES);
  const cookie = editorSession();
  server = await startPortal(env, PORT);
  const tokens = await commentTokens(
    server.base,
    Array.from({ length: STORIES }, (_, i) => i + 1),
  );
  await sleep(3_200);

  // Before.
  let viewsAcked = await sendViews(server.base, 100);
  const firstUpload = await upload(server.base, cookie, 1);
  const ackedComments = (await postComments(server.base, tokens, 5)).filter((a) => a.status === 202);
  await sleep(1_500);
  check(stored().views === viewsAcked, `before: ${viewsAcked} views acknowledged and stored`);
  check(firstUpload.status === 201, `before: image upload → ${firstUpload.status}`);

  // Full.
  const filler = fillDisk();
  console.log(`disk full: ${df()} KB free on the tmpfs`);
  const logMark = server.log().length;
  const fullViews = await sendViews(server.base, 150);
  viewsAcked += fullViews;
  const fullComments = await postComments(server.base, tokens, 3);
  const filesBefore = treeFiles(portal.uploads);
  const fullUpload = await upload(server.base, cookie, 2);
  const leftovers = treeFiles(portal.uploads).filter((f) => !filesBefore.includes(f));
  // The editor tries again with an image the portal already has (it is on published pages).
  const sizesBefore = new Map(filesBefore.map((f) => [f, statSync(path.join(portal.uploads, f)).size]));
  const reUpload = await upload(server.base, cookie, 1);
  const damaged = filesBefore.filter(
    (f) => statSync(path.join(portal.uploads, f)).size !== sizesBefore.get(f),
  );
  await sleep(2_500);
  const during = stored();
  console.log(`during: ${fullViews} views acknowledged (held in memory), ${during.views} stored so far`);
  for (const c of fullComments) console.log(`during: comment post → ${c.status} ${c.text}`);
  console.log(`during: image upload (${fullUpload.bytes} bytes) → ${fullUpload.status} ${fullUpload.text}`);
  console.log(
    `during: files the refused upload left in UPLOAD_DIR: ${leftovers.length === 0 ? "none" : leftovers.map((f) => `${f} (${statSync(path.join(portal.uploads, f)).size} bytes)`).join(", ")}`,
  );
  ackedComments.push(...fullComments.filter((a) => a.status === 201 || a.status === 202));
  const flushLog = server
    .log()
    .slice(logMark)
    .split("\n")
    .filter((l) => /view/i.test(l));
  console.log(`during: server log about views:\n  ${flushLog.slice(0, 3).join("\n  ") || "(nothing)"}`);
  check(
    fullComments.every((c) => c.status === 503 && c.text.includes("存储空间")),
    "comment posts on a full disk: 503 with a message",
  );
  console.log(
    `during: re-upload of an image already stored → ${reUpload.status} ${reUpload.text.slice(0, 100)}`,
  );
  check(
    damaged.length === 0,
    `files of images already stored are untouched by uploads on a full disk${damaged.length ? `: truncated ${damaged.join(", ")}` : ""}`,
  );
  check(
    fullUpload.status === 507 && fullUpload.text.includes("存储空间"),
    `upload on a full disk: ${fullUpload.status} with a message`,
  );

  // Space again.
  rmSync(filler);
  await sleep(2_500);
  const afterUpload = await upload(server.base, cookie, 3);
  ackedComments.push(...(await postComments(server.base, tokens, 3)).filter((a) => a.status === 202));
  viewsAcked += await sendViews(server.base, 20);
  await stopPortal(server, "SIGTERM");
  server = null;
  check(afterUpload.status === 201, `after: image upload → ${afterUpload.status}`);

  const health = checkDatabaseFile(portal.dbFile);
  check(health.integrity === "ok", `PRAGMA integrity_check: ${health.integrity}`);
  const end = stored();
  check(end.views === viewsAcked, `views: ${viewsAcked} acknowledged, ${end.views} stored`);
  const lostComments = ackedComments.filter((c) => !end.bodies.has(c.body)).length;
  check(lostComments === 0, `comments: ${ackedComments.length} acknowledged, ${lostComments} lost`);
  const orphanRows = end.images.filter((key) => !existsSync(path.join(portal.uploads, `${key}-320.webp`)));
  check(
    orphanRows.length === 0,
    `images: ${end.images.length} rows, ${orphanRows.length} without their files`,
  );
} finally {
  if (server) await stopPortal(server, "SIGKILL").catch(() => null);
  execFileSync("umount", [mount]);
  rmSync(outer, { recursive: true, force: true });
}
console.log(failed ? "drill:disk-full FAILED" : "drill:disk-full passed");
process.exit(failed ? 1 : 0);
