// `npm run db:copy` end to end: a migrated SQLite file with rows in every table (dates in each form
// SQLite holds, booleans, nulls, unicode and characters PostgreSQL's array syntax must escape) is
// copied by the command itself into new databases on the TEST_POSTGRES_URL server.
// Needs both stores, so it runs only with TEST_POSTGRES_URL (scripts/test-all.sh sets it):
//   TEST_POSTGRES_URL=postgresql://postgres@127.0.0.1:<port>/postgres npx vitest run scripts/db/copy.int.test.mjs
import { execFileSync, spawnSync } from "node:child_process";
import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sqliteTimeMs } from "./copy.mjs";

const root = path.resolve(import.meta.dirname, "../..");
const server = process.env.TEST_POSTGRES_URL;

const TRICKY = "He said \"地方\" \\ {a,b} NULL, 😀 e\u0301 'quote' \t tab\nline";
const T1 = "2026-11-25T02:05:50.943+00:00"; // Prisma's better-sqlite3 adapter
const T1_MS = Date.UTC(2026, 10, 25, 2, 5, 50, 943);
const T2 = "2026-11-25 02:05:50"; // SQLite's CURRENT_TIMESTAMP (UTC)
const T2_MS = Date.UTC(2026, 10, 25, 2, 5, 50);
const T3 = "2026-12-01T08:30:00.000Z";
const T3_MS = Date.UTC(2026, 11, 1, 8, 30);

/** One or more rows in every table, through plain SQL (the SQLite triggers fill the copies). */
function fillSource(file) {
  const db = new Database(file);
  db.exec(`
    INSERT INTO "Region" ("id", "name", "slug", "level", "parentId") VALUES
      (1, '广西壮族自治区', 'guangxi', 'province', NULL), (4, '柳州市', 'liuzhou', 'city', 1),
      (3, '柳北区', 'liubei', 'county', 4);
    INSERT INTO "Channel" ("id", "slug", "name", "regionId", "sortOrder", "slogan", "createdAt", "updatedAt")
      VALUES (2, 'liuzhou', '柳州新闻', 4, 10, '${TRICKY.replaceAll("'", "''")}', '${T1}', '${T2}'),
             (5, 'empty', '空频道', 3, 20, '', '${T1}', '${T1}');
    INSERT INTO "ChannelRedirect" ("slug", "channelId", "createdAt") VALUES ('old-liuzhou', 2, '${T2}');
    INSERT INTO "Image" ("id", "key", "mime", "width", "height", "bytes", "alt", "createdAt")
      VALUES (7, '2026/11/abc', 'image/webp', 1200, 800, 123456, '图片', '${T1}');
    INSERT INTO "User" ("id", "username", "displayName", "passwordHash", "role", "disabled", "createdAt", "updatedAt")
      VALUES (3, 'admin', '管理员', '$argon2id$v=19$x', 'admin', 0, '${T1}', '${T1}'),
             (9, 'old', '', 'x', 'editor', 1, '${T2}', '${T2}');
    INSERT INTO "Article" ("id", "externalKey", "channelId", "title", "body", "bodyHtml", "bodyText",
        "status", "publishedAt", "isHeadline", "isRecommended", "isCommunity", "leadImageId",
        "viewCount", "authorId", "createdAt", "updatedAt") VALUES
      (10, NULL, 2, '${TRICKY.replaceAll("'", "''")}', '正文', '<p>正文</p>', '正文', 'published', '${T1}', 1, 0, 1, 7, 42, 3, '${T1}', '${T2}'),
      (11, 'demo:x', 2, '草稿', '', '', '', 'draft', NULL, 0, 1, 0, NULL, 0, NULL, '${T2}', '${T2}'),
      (15, 'demo:y', 5, '定时', 'b', 'b', 'b', 'published', '${T3}', 0, 0, 0, NULL, 0, 9, '${T1}', '${T1}');
    INSERT INTO "Tag" ("id", "name") VALUES (1, '柳州'), (6, '螺蛳粉');
    INSERT INTO "ArticleTag" ("articleId", "tagId") VALUES (10, 1), (10, 6), (11, 1), (15, 6);
    INSERT INTO "Comment" ("id", "articleId", "nickname", "body", "status", "ipHash", "createdAt")
      VALUES (100, 10, '网友', '点赞！👍', 'approved', 'abc', '${T1}'), (101, 10, 'x', '', 'pending', '', '${T2}');
    INSERT INTO "ArticleViewBucket" ("articleId", "bucket", "count") VALUES
      (10, '2026-11-25T02:00:00.000+00:00', 5), (10, '2026-11-25T03:00:00.000+00:00', 1);
    INSERT INTO "HotScore" ("list", "articleId", "weight", "views") VALUES ('24h', 10, 0.1 + 0.2, 6);
    INSERT INTO "HotListState" ("list", "epochHour", "expiredThroughHour") VALUES ('24h', 499000, 498999);
    INSERT INTO "ArticleSimilar" ("articleId", "similarId", "score") VALUES (10, 15, 0.123456789012345678);
    INSERT INTO "Session" ("id", "userId", "createdAt", "expiresAt", "lastSeenAt", "userAgent")
      VALUES ('sha256-token', 3, '${T1}', '${T3}', '${T2}', 'Mozilla/5.0 火狐');
    INSERT INTO "LoginAttempt" ("id", "username", "ipHash", "success", "createdAt")
      VALUES (20, 'admin', 'h1', 1, '${T1}'), (21, 'admin', 'h2', 0, '${T2}');
    INSERT INTO "ArticleRevision" ("id", "articleId", "userId", "snapshot", "createdAt")
      VALUES (30, 10, NULL, '{"title":"地方 \\"x\\""}', '${T1}');
    INSERT INTO "AuditLog" ("id", "userId", "action", "articleId", "detail", "createdAt")
      VALUES (40, 3, 'publish', 10, '', '${T1}'), (41, NULL, 'login', NULL, '失败', '${T2}');
    INSERT INTO "Ban" ("ipHash", "until", "reason", "createdAt") VALUES ('h2', '${T3}', '广告', '${T1}');
    INSERT INTO "ViewSeen" ("key", "until") VALUES ('c0ffee:101', '${T3}'), ('c0ffee:102', '${T1}');
    INSERT INTO "CommentAttempt" ("id", "ipHash", "bodyHash", "createdAt") VALUES (60, 'abc', '10:x7Yq', '${T1}');
    INSERT INTO "Author" ("id", "slug", "name", "desk", "bio", "photoId", "createdAt", "updatedAt")
      VALUES (70, 'wei-li', '韦莉', '柳州新闻部', '跑民生线。', 7, '${T1}', '${T2}');
    INSERT INTO "ArticleAuthor" ("articleId", "authorId", "position") VALUES (10, 70, 0), (15, 70, 1);
    INSERT INTO "BreakingBanner" ("id", "text", "articleId", "endsAt", "createdById", "createdAt")
      VALUES (1, '突发：柳江水位上涨', 10, '${T3}', 3, '${T2}');
    INSERT INTO "Topic" ("id", "slug", "title", "intro", "bannerImageId", "published", "publishedAt",
        "featuredOnHome", "homeOrder", "createdAt", "updatedAt")
      VALUES (70, 'luosifen', '柳州螺蛳粉', '一碗粉', 7, 1, '${T1}', 1, 2, '${T1}', '${T2}');
    INSERT INTO "TopicSection" ("id", "topicId", "position", "title", "kind", "tagId")
      VALUES (71, 70, 0, '精选', 'picked', NULL), (72, 70, 1, '最新', 'tag', 6);
    INSERT INTO "TopicStory" ("sectionId", "articleId", "position") VALUES (71, 10, 0), (71, 15, 1);
    INSERT INTO "GalleryImage" ("id", "articleId", "imageId", "position", "caption", "credit", "createdAt")
      VALUES (70, 10, 7, 0, '柳江两岸', '本报记者 摄', '${T1}');
    INSERT INTO "LiveCoverage" ("articleId", "startedAt", "endedAt") VALUES (10, '${T1}', NULL), (15, '${T1}', '${T2}');
    INSERT INTO "LiveEntry" ("id", "articleId", "body", "quote", "quoteBy", "imageId", "pinned", "createdAt", "correctedAt", "removedAt")
      VALUES (70, 10, '${TRICKY.replaceAll("'", "''")}', '“水位还在涨”', '水文站', 7, 1, '${T1}', '${T2}', NULL),
             (71, 10, '第二条', '', '', NULL, 0, '${T2}', NULL, '${T2}');
    INSERT INTO "ArticleCorrection" ("id", "articleId", "kind", "text", "createdAt")
      VALUES (70, 10, 'correction', '${TRICKY.replaceAll("'", "''")}', '${T2}'), (71, 15, 'update', '补充了通车时间', '${T3}');
    INSERT INTO "SensitiveWord" ("id", "word", "kind", "category", "createdAt")
      VALUES (70, '代开发票', 'block', '广告', '${T1}'), (71, '打击赌博', 'allow', '', '${T2}');
    INSERT INTO "UserChannel" ("userId", "channelId") VALUES (9, 2), (9, 5);
    INSERT INTO "ArticleReviewEvent" ("id", "articleId", "userId", "action", "step", "note", "createdAt")
      VALUES (70, 11, 9, 'submit', 1, '', '${T1}'), (71, 11, 3, 'return', 1, '${TRICKY.replaceAll("'", "''")}', '${T2}');
    INSERT INTO "ArticleAutosave" ("userId", "slot", "articleId", "fields", "savedAt")
      VALUES (3, '10', 10, '{"title":"柳江 \\"x\\""}', '${T2}'), (9, 'new', NULL, '{}', '${T1}');
    INSERT INTO "ArticleLock" ("articleId", "userId", "since", "expiresAt") VALUES (10, 3, '${T1}', '${T2}');
    INSERT INTO "CacheInvalidation" ("id", "tag", "dueAt", "createdAt")
      VALUES (50, 'site', NULL, '${T1}'), (51, 'article:15', '${T3}', '${T2}');
  `);
  db.close();
}

function runCopy(from, to) {
  return spawnSync("node", [path.join(root, "scripts/db/copy.mjs"), "--from", from, "--to", to], {
    cwd: root,
    encoding: "utf8",
    env: process.env,
  });
}

/** Rows of a table in comparable form (timestamps as ms, booleans, numbers), sorted. */
async function pgRows(client, table, columns) {
  const select = columns
    .map((c) =>
      c.udt === "timestamp"
        ? `floor(extract(epoch FROM "${c.name}") * 1000)::float8 AS "${c.name}"`
        : `"${c.name}"`,
    )
    .join(", ");
  const { rows } = await client.query(`SELECT ${select} FROM "${table}"`);
  return sortRows(rows);
}

function sqliteRows(db, table, columns) {
  const rows = db.prepare(`SELECT * FROM "${table}"`).all();
  return sortRows(
    rows.map((row) =>
      Object.fromEntries(
        columns.map((c) => {
          const v = row[c.name];
          if (v === null) return [c.name, null];
          if (c.udt === "timestamp") return [c.name, sqliteTimeMs(v)];
          if (c.udt === "bool") return [c.name, v === 1];
          return [c.name, v];
        }),
      ),
    ),
  );
}

const sortRows = (rows) => rows.map((r) => JSON.stringify(r)).sort();

describe.skipIf(!server)("npm run db:copy (SQLite → PostgreSQL)", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "difang-copy-"));
  const source = path.join(dir, "source.db");
  const broken = path.join(dir, "broken.db");
  const stamp = `${process.pid}_${Date.now()}`;
  const names = [`difang_copy_${stamp}_a`, `difang_copy_${stamp}_b`];
  const urlOf = (name) => {
    const url = new URL(server ?? "postgresql://localhost/postgres");
    url.pathname = `/${name}`;
    return url.toString();
  };
  const target = urlOf(names[0]);
  const rerunTarget = urlOf(names[1]);
  let admin;
  let client;
  let columns; // table → [{ name, udt }]
  let result;

  beforeAll(async () => {
    execFileSync("npx", ["prisma", "migrate", "deploy"], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: `file:${source}` },
      stdio: "pipe",
    });
    fillSource(source);
    copyFileSync(source, broken);
    const db = new Database(broken);
    db.exec(`UPDATE "Comment" SET "body" = 'a' || char(0) || 'b' WHERE "id" = 101`);
    db.close();

    admin = new pg.Client({ connectionString: server });
    await admin.connect();
    // Two empty databases, not migrated: the command migrates them itself.
    for (const name of names) await admin.query(`CREATE DATABASE "${name}"`);
    result = runCopy(`file:${source}`, target);
    client = new pg.Client({ connectionString: target });
    await client.connect();
    const info = await client.query(
      `SELECT table_name, column_name, udt_name FROM information_schema.columns
       WHERE table_schema = 'public' AND table_name NOT LIKE '\\_%' ORDER BY table_name, ordinal_position`,
    );
    columns = new Map();
    for (const r of info.rows) {
      if (!columns.has(r.table_name)) columns.set(r.table_name, []);
      columns.get(r.table_name).push({ name: r.column_name, udt: r.udt_name });
    }
  }, 120_000);

  afterAll(async () => {
    await client?.end();
    for (const name of names) await admin?.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin?.end();
    rmSync(dir, { recursive: true, force: true });
  });

  it("copies every table and prints equal counts", () => {
    expect(result.stderr).not.toMatch(/db:copy:/);
    expect(result.status).toBe(0);
    expect(columns.size).toBeGreaterThanOrEqual(20);
    for (const table of columns.keys()) {
      expect(result.stdout).toMatch(new RegExp(`^${table} +[\\d,]+ +[\\d,]+  yes$`, "m"));
    }
    expect(result.stdout).not.toMatch(/ NO$/m);
  });

  it("copies every row of every table exactly (dates to the ms, booleans, nulls, unicode, floats)", async () => {
    const db = new Database(source, { readonly: true });
    try {
      for (const [table, cols] of columns) {
        const expected = sqliteRows(db, table, cols);
        // Each table has rows in the fixture: a new model needs a row in fillSource above.
        expect(expected.length, `${table}: add rows to fillSource`).toBeGreaterThan(0);
        expect(await pgRows(client, table, cols), table).toEqual(expected);
      }
    } finally {
      db.close();
    }
  });

  it("keeps the exact values, in whatever form SQLite held them", async () => {
    const ms = (col) => `floor(extract(epoch FROM "${col}") * 1000)::float8 AS "${col}"`;
    const article = (
      await client.query(
        `SELECT "title", "externalKey", "leadImageId", "isHeadline", "isRecommended", "isCommunity",
                ${ms("publishedAt")}, ${ms("updatedAt")} FROM "Article" WHERE "id" = 10`,
      )
    ).rows[0];
    expect(article).toEqual({
      title: TRICKY,
      externalKey: null,
      leadImageId: 7,
      isHeadline: true,
      isRecommended: false,
      isCommunity: true,
      publishedAt: T1_MS,
      updatedAt: T2_MS,
    });
    const draft = (await client.query(`SELECT ${ms("publishedAt")} FROM "Article" WHERE "id" = 11`)).rows[0];
    expect(draft.publishedAt).toBeNull();
    const ban = (await client.query(`SELECT ${ms("until")} FROM "Ban"`)).rows[0];
    expect(ban.until).toBe(T3_MS);
    const hot = (await client.query(`SELECT "weight" FROM "HotScore"`)).rows[0];
    expect(hot.weight).toBe(0.1 + 0.2);
    const users = (await client.query(`SELECT "id", "disabled" FROM "User" ORDER BY "id"`)).rows;
    expect(users).toEqual([
      { id: 3, disabled: false },
      { id: 9, disabled: true },
    ]);
  });

  it("copies the trigger-maintained data and leaves the triggers on", async () => {
    const counts = (await client.query(`SELECT "channelId", "published" FROM "ChannelStoryCount" ORDER BY 1`))
      .rows;
    expect(counts).toEqual([
      { channelId: 2, published: 1 },
      { channelId: 5, published: 1 },
    ]);
    const days = (
      await client.query(`SELECT "channelId", "day", "published" FROM "ChannelDayCount" ORDER BY 1`)
    ).rows;
    expect(days).toEqual([
      { channelId: 2, day: "2026-11-25", published: 1 },
      { channelId: 5, day: "2026-12-01", published: 1 },
    ]);
    const disabled = await client.query(
      `SELECT tgname FROM pg_trigger WHERE NOT tgisinternal AND tgenabled <> 'O'`,
    );
    expect(disabled.rows).toEqual([]);
    await client.query(`INSERT INTO "ArticleTag" ("articleId", "tagId") VALUES (15, 1)`);
    const copy = (
      await client.query(
        `SELECT "status", floor(extract(epoch FROM "publishedAt") * 1000)::float8 AS at
         FROM "ArticleTag" WHERE "articleId" = 15 AND "tagId" = 1`,
      )
    ).rows[0];
    expect(copy).toEqual({ status: "published", at: T3_MS });
    await client.query(`DELETE FROM "ArticleTag" WHERE "articleId" = 15 AND "tagId" = 1`);
  });

  it("sets every serial sequence after the largest copied id", async () => {
    const tag = await client.query(`INSERT INTO "Tag" ("name") VALUES ('新标签') RETURNING "id"`);
    expect(tag.rows[0].id).toBe(7);
    await client.query(`DELETE FROM "Tag" WHERE "id" = 7`);
    const serials = await client.query(
      `SELECT table_name, column_name, pg_get_serial_sequence(format('%I', table_name), column_name) AS seq
       FROM information_schema.columns WHERE table_schema = 'public'
         AND pg_get_serial_sequence(format('%I', table_name), column_name) IS NOT NULL`,
    );
    expect(serials.rows.length).toBeGreaterThanOrEqual(10);
    for (const { table_name: table, column_name: column, seq } of serials.rows) {
      if (table === "Tag") continue;
      const { max } = (await client.query(`SELECT max("${column}")::int AS max FROM "${table}"`)).rows[0];
      const { next } = (await client.query(`SELECT nextval($1)::int AS next FROM (SELECT 1) x`, [seq]))
        .rows[0];
      expect(next, table).toBe(max + 1);
    }
  });

  it("refuses a target that already has rows, writing nothing (exit 2)", async () => {
    const before = (await client.query(`SELECT count(*)::int AS n FROM "Article"`)).rows[0].n;
    const again = runCopy(`file:${source}`, target);
    expect(again.status).toBe(2);
    expect(again.stderr).toMatch(/already has rows in .*Article/);
    expect((await client.query(`SELECT count(*)::int AS n FROM "Article"`)).rows[0].n).toBe(before);
  });

  it("refuses a source that is not an existing file: URL and a target that is not postgresql://", () => {
    for (const [from, to, message] of [
      [`file:${dir}/missing.db`, target, /no file/],
      [source, target, /--from must be a SQLite file: URL/],
      [`file:${source}`, "mysql://localhost/difang", /--to must be a postgresql:\/\/ URL/],
    ]) {
      const run = runCopy(from, to);
      expect(run.status).toBe(2);
      expect(run.stderr).toMatch(message);
    }
  });

  it("leaves nothing behind when a copy fails, so it can be run again", async () => {
    const failed = runCopy(`file:${broken}`, rerunTarget);
    expect(failed.status).toBe(1);
    expect(failed.stderr).toMatch(/Comment\.body \(row with id = 101\): text with a NUL character/);
    const other = new pg.Client({ connectionString: rerunTarget });
    await other.connect();
    try {
      for (const table of columns.keys()) {
        const { n } = (await other.query(`SELECT count(*)::int AS n FROM "${table}"`)).rows[0];
        expect(n, table).toBe(0);
      }
      const rerun = runCopy(`file:${source}`, rerunTarget);
      expect(rerun.status).toBe(0);
      const { n } = (await other.query(`SELECT count(*)::int AS n FROM "Comment"`)).rows[0];
      expect(n).toBe(2);
    } finally {
      await other.end();
    }
  }, 60_000);
});
