#!/usr/bin/env node
// A large portal database, for measuring difang at the size of a city portal that has published
// for years (README § Benchmarks and load proofs).
//
//   npm run seed:large                              200,000 stories into data/large/difang.db
//   npm run seed:large -- --articles 1000000        a million
//
// Options: --articles N (default 200000) --db file:<path> (default file:./data/large/difang.db)
//          --uploads <dir> (default next to the database) --years Y (10) --seed S (1)
//          --view-days D (365: hourly view history kept for stories of the last D days)
//          --planner-stats <file.json> write the database's planner statistics (sqlite_stat1) there,
//            for the query-budget test (lib/data/query-plan.int.test.ts)
//
// A database that does not exist yet is migrated and given the demo content first (channels,
// images, editors, 353 stories). Then N synthetic stories are added over the seven channels and
// the last Y years, with tags (place, subject, Zipf-distributed topics), lead images from the demo
// pool (35 %), comments and view history shaped like real traffic (Pareto popularity: a long tail
// and a few stories read by tens of thousands). Bodies are 3–5 short paragraphs (190–560
// characters, 355 on average), shorter than real stories, to keep the file within a few GB.
// Prepared statements in transactions of 10,000 stories; the trigram search index is built once at
// the end, the index of single characters and pairs (short words) as the stories go in, its text
// computed here (grams.mjs) rather than by its trigger's SQL; statistics for the query planner (ANALYZE) last. Every running portal process drops its
// cached pages (a `site` invalidation).
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import Database from "better-sqlite3";
import { prng, sqliteTime, syntheticStory } from "../bench/lib/synthetic.mjs";
import { gramText } from "./grams.mjs";
import { CHANNEL_SHAPES, channelPicker, storyShape, storyTags, viewBuckets } from "./shape.mjs";

const root = path.resolve(import.meta.dirname, "../..");
const { values: opts } = parseArgs({
  options: {
    articles: { type: "string", default: "200000" },
    db: { type: "string", default: "file:./data/large/difang.db" },
    uploads: { type: "string" },
    years: { type: "string", default: "10" },
    seed: { type: "string", default: "1" },
    "view-days": { type: "string", default: "365" },
    "planner-stats": { type: "string" },
  },
});

const N = Number(opts.articles);
const YEARS = Number(opts.years);
const SEED = Number(opts.seed);
const VIEW_DAYS = Number(opts["view-days"]);
for (const [name, v] of [
  ["--articles", N],
  ["--years", YEARS],
  ["--seed", SEED],
  ["--view-days", VIEW_DAYS],
]) {
  if (!Number.isInteger(v) || v < 0) fail(`${name} must be a whole number ≥ 0`);
}
if (!opts.db.startsWith("file:")) fail("--db must be a file: URL such as file:./data/large/difang.db");
const dbFile = path.resolve(root, opts.db.slice("file:".length));
const uploads = path.resolve(root, opts.uploads ?? path.join(path.dirname(dbFile), "uploads"));
const BATCH = 10_000;
const NICKNAMES = [
  "网友",
  "柳州市民",
  "老柳州",
  "螺蛳粉爱好者",
  "融水人",
  "三江侗家",
  "鹿寨老乡",
  "热心读者",
];
const COMMENTS = [
  "点赞！家乡越来越好了。",
  "希望早日建成，方便群众出行。",
  "这个政策好，实实在在为老百姓办事。",
  "我们村也在搞，效果不错。",
  "什么时候能推广到我们镇？",
  "报道很及时，感谢记者。",
  "去看过了，确实变化很大。",
  "建议多关注一下后续进展。",
];

function fail(message) {
  console.error(`seed:large: ${message}`);
  process.exit(1);
}

function say(message) {
  console.error(`[seed:large] ${message}`);
}

/** A progress bar on a terminal, a line every 10 % otherwise (CI logs). */
function progress(label, total) {
  const t0 = Date.now();
  let lastTenth = -1;
  return (done) => {
    const pct = total === 0 ? 1 : done / total;
    const s = ((Date.now() - t0) / 1000).toFixed(0);
    const line = `${label} [${"#".repeat(Math.round(pct * 30)).padEnd(30)}] ${(pct * 100).toFixed(0).padStart(3)} % ${done.toLocaleString("en")}/${total.toLocaleString("en")} ${s} s`;
    if (process.stderr.isTTY) process.stderr.write(`\r${line}${done >= total ? "\n" : ""}`);
    else if (Math.floor(pct * 10) > lastTenth) {
      lastTenth = Math.floor(pct * 10);
      console.error(line);
    }
  };
}

/** The planner statistics of the app's tables, as JSON rows of sqlite_stat1 (--planner-stats). */
function writePlannerStats(db) {
  if (!opts["planner-stats"]) return;
  const rows = db
    .prepare(
      `SELECT "tbl", "idx", "stat" FROM sqlite_stat1 WHERE "tbl" NOT LIKE 'ArticleSearch%' ORDER BY "tbl", "idx"`,
    )
    .all();
  const out = path.resolve(root, opts["planner-stats"]);
  const stories = db.prepare(`SELECT count(*) AS n FROM "Article"`).get().n;
  writeFileSync(
    out,
    `${JSON.stringify({ source: `npm run seed:large, ${stories} stories`, rows }, null, 2)}\n`,
  );
  say(`planner statistics (${rows.length} rows) written to ${out}`);
}

function npx(bin, args) {
  const env = {
    ...process.env,
    DATABASE_URL: `file:${dbFile}`,
    UPLOAD_DIR: uploads,
    NEXT_TELEMETRY_DISABLED: "1",
  };
  const r = spawnSync(path.join(root, "node_modules/.bin", bin), args, { cwd: root, env, stdio: "inherit" });
  if (r.status !== 0) fail(`${bin} ${args.join(" ")} failed`);
}

const started = Date.now();
if (!existsSync(dbFile)) {
  mkdirSync(path.dirname(dbFile), { recursive: true });
  say(`new database ${dbFile}: migrating and adding the demo content`);
  npx("prisma", ["migrate", "deploy"]);
  npx("tsx", ["prisma/seed.ts"]);
}

const db = new Database(dbFile);
db.pragma("journal_mode = WAL");
db.pragma("busy_timeout = 10000");
// Bulk load: a crash mid-way means starting over (the file is new or a copy), so no fsyncs.
db.pragma("synchronous = OFF");
db.pragma("cache_size = -262144");
db.pragma("temp_store = MEMORY");

const existing = db.prepare(`SELECT count(*) AS n FROM "Article" WHERE "externalKey" LIKE 'large-%'`).get().n;
if (existing === N) {
  say(`${dbFile} already holds ${N.toLocaleString("en")} synthetic stories: nothing to add`);
  writePlannerStats(db);
  process.exit(0);
}
if (existing > 0)
  fail(
    `${dbFile} holds ${existing} synthetic stories, not ${N}: delete it (and its -wal/-shm) to generate anew`,
  );

const channels = new Map(
  db
    .prepare(`SELECT "slug", "id" FROM "Channel"`)
    .all()
    .map((c) => [c.slug, c.id]),
);
const pickChannel = channelPicker([...channels.keys()]);
const images = db
  .prepare(`SELECT "id" FROM "Image" ORDER BY "id"`)
  .all()
  .map((r) => r.id);
const tagIds = new Map(
  db
    .prepare(`SELECT "name", "id" FROM "Tag"`)
    .all()
    .map((t) => [t.name, t.id]),
);

const insertArticle = db.prepare(
  `INSERT INTO "Article" ("externalKey", "channelId", "title", "summary", "body", "bodyHtml", "bodyText",
     "source", "byline", "status", "publishedAt", "isHeadline", "isRecommended", "isCommunity", "leadImageId",
     "viewCount", "createdAt", "updatedAt")
   VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
);
const insertTag = db.prepare(`INSERT INTO "Tag" ("name") VALUES (?)`);
const insertGrams = db.prepare(`INSERT INTO "ArticleSearchGrams" ("rowid", "grams") VALUES (?, ?)`);
const insertArticleTag = db.prepare(
  `INSERT OR IGNORE INTO "ArticleTag" ("articleId", "tagId", "status", "publishedAt") VALUES (?, ?, ?, ?)`,
);
const insertComment = db.prepare(
  `INSERT INTO "Comment" ("articleId", "nickname", "body", "status", "ipHash", "createdAt") VALUES (?, ?, ?, ?, ?, ?)`,
);
const insertBucket = db.prepare(
  `INSERT INTO "ArticleViewBucket" ("articleId", "bucket", "count") VALUES (?, ?, ?)
   ON CONFLICT ("articleId", "bucket") DO UPDATE SET "count" = "count" + excluded."count"`,
);

function tagId(name) {
  let id = tagIds.get(name);
  if (id === undefined) {
    id = Number(insertTag.run(name).lastInsertRowid);
    tagIds.set(name, id);
  }
  return id;
}

// Triggers that would run once per row: the search index is rebuilt once at the end instead, as
// are the channels' day and month counts, the tag links get their story's status and time as
// they are written, and the short-word index gets its grams from JavaScript (several times faster
// than the trigger's SQL).
const triggers = [
  "Article_search_ai",
  "Article_search_grams_ai",
  "ArticleTag_story_copy_ai",
  "Article_channel_day_ai",
].map((name) => {
  const sql = db
    .prepare(`SELECT "sql" FROM sqlite_master WHERE "type" = 'trigger' AND "name" = ?`)
    .get(name)?.sql;
  if (!sql) fail(`the database lacks the trigger ${name}: is it migrated (npx prisma migrate deploy)?`);
  return { name, sql };
});

const now = Date.now();
const viewSince = now - VIEW_DAYS * 24 * 3_600_000;
const counts = { articles: 0, tags: 0, comments: 0, buckets: 0 };
const ipHashes = Array.from({ length: 5_000 }, () => randomBytes(32).toString("hex"));
const tick = progress("stories", N);

const addBatch = db.transaction((from, to) => {
  for (let i = from; i < to; i++) {
    const shape = storyShape(i, N, { seed: SEED, now, years: YEARS, pickChannel });
    const where = CHANNEL_SHAPES[shape.slug];
    const story = syntheticStory(SEED * 10_000_019 + i, where);
    const at = shape.at;
    const created = sqliteTime(at - 1_800_000);
    const articleId = Number(
      insertArticle.run(
        `large-${i}`,
        channels.get(shape.slug),
        story.title,
        story.summary,
        story.body,
        story.bodyHtml,
        story.bodyText,
        story.source,
        story.byline,
        shape.status,
        shape.publishedAt === null ? null : sqliteTime(shape.publishedAt),
        shape.isHeadline ? 1 : 0,
        shape.isRecommended ? 1 : 0,
        shape.isCommunity ? 1 : 0,
        shape.hasImage && images.length > 0 ? images[Math.floor(shape.imagePick * images.length)] : null,
        shape.status === "published" ? shape.views : 0,
        created,
        sqliteTime(at),
      ).lastInsertRowid,
    );
    insertGrams.run(articleId, gramText(story.title, story.summary, story.bodyText));
    counts.articles++;
    for (const name of storyTags(story, shape)) {
      insertArticleTag.run(
        articleId,
        tagId(name),
        shape.status,
        shape.publishedAt === null ? null : sqliteTime(shape.publishedAt),
      );
      counts.tags++;
    }
    if (shape.status !== "published") continue;
    const rand = prng(SEED + i * 31);
    for (let c = 0; c < shape.comments; c++) {
      const u = rand();
      insertComment.run(
        articleId,
        NICKNAMES[Math.floor(rand() * NICKNAMES.length)],
        COMMENTS[Math.floor(rand() * COMMENTS.length)],
        u < 0.9 ? "approved" : u < 0.97 ? "pending" : "rejected",
        ipHashes[Math.floor(rand() * ipHashes.length)],
        sqliteTime(Math.min(now - 60_000, at + Math.floor(rand() * 3 * 24 * 3_600_000))),
      );
      counts.comments++;
    }
    if (at >= viewSince) {
      for (const [bucket, count] of viewBuckets(shape.views, at, now, rand)) {
        insertBucket.run(articleId, sqliteTime(bucket), count);
        counts.buckets++;
      }
    }
  }
});

say(`adding ${N.toLocaleString("en")} stories over ${YEARS} years to ${dbFile}`);
const t0 = Date.now();
for (const t of triggers) db.exec(`DROP TRIGGER "${t.name}"`);
try {
  for (let from = 0; from < N; from += BATCH) {
    addBatch(from, Math.min(N, from + BATCH));
    tick(Math.min(N, from + BATCH));
  }
} finally {
  for (const t of triggers) db.exec(t.sql);
}
const tStories = Date.now() - t0;

say("counting every channel's stories per day and month");
const tDays = Date.now();
// As prisma/migrations/20261130200400_channel_day_counts counts them, over every story (the demo
// content's too).
db.transaction(() => {
  db.exec(`
    DELETE FROM "ChannelDayCount";
    DELETE FROM "ChannelMonthCount";
    INSERT INTO "ChannelDayCount" ("channelId", "day", "published")
    SELECT "channelId", substr("publishedAt", 1, 10), count(*) FROM "Article"
    WHERE "status" = 'published' AND "publishedAt" IS NOT NULL
    GROUP BY "channelId", substr("publishedAt", 1, 10);
    INSERT INTO "ChannelMonthCount" ("channelId", "month", "published")
    SELECT "channelId", substr("day", 1, 7), sum("published") FROM "ChannelDayCount"
    GROUP BY "channelId", substr("day", 1, 7);`);
})();
const tDayCounts = Date.now() - tDays;

say("building the search index (FTS5 trigram) over every story");
const t1 = Date.now();
db.exec(`INSERT INTO "ArticleSearch" ("ArticleSearch") VALUES ('rebuild')`);
const tSearch = Date.now() - t1;

say("statistics for the query planner (ANALYZE)");
const t2 = Date.now();
db.exec("ANALYZE");
const tAnalyze = Date.now() - t2;

db.prepare(`INSERT INTO "CacheInvalidation" ("tag", "createdAt") VALUES ('site', ?)`).run(
  sqliteTime(Date.now()),
);
db.pragma("wal_checkpoint(TRUNCATE)");
writePlannerStats(db);
db.close();

const mb = (f) => (existsSync(f) ? statSync(f).size / 1024 / 1024 : 0);
const summary = {
  database: dbFile,
  stories: N,
  years: YEARS,
  seconds: {
    stories: +(tStories / 1000).toFixed(1),
    dayCounts: +(tDayCounts / 1000).toFixed(1),
    searchIndex: +(tSearch / 1000).toFixed(1),
    analyze: +(tAnalyze / 1000).toFixed(1),
    total: +((Date.now() - started) / 1000).toFixed(1),
  },
  rows: {
    articleTags: counts.tags,
    tags: tagIds.size,
    comments: counts.comments,
    viewBuckets: counts.buckets,
  },
  sizeMB: Math.round(mb(dbFile) + mb(`${dbFile}-wal`)),
};
console.log(JSON.stringify(summary, null, 2));
