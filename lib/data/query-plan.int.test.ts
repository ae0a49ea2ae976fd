// The query budget of the reader pages: every statement the reader data functions run is
// explained (EXPLAIN QUERY PLAN) with the planner statistics of a database of 1,000,000 stories
// (lib/testing/large-planner-stats.json, taken from `npm run seed:large -- --articles 1000000`
// with ANALYZE), and none may read a whole table of stories, tags, comments or views.
// The statements are the real ones: better-sqlite3, under Prisma's adapter, is watched while the
// functions run against the test database. SHOW_PLANS=1 prints every statement with its plan.
// Limits: the planner's choices for the full-text index (a virtual table) do not depend on these
// statistics, and a count or sort over every match of a common word is not visible in a plan;
// `npm run bench` against the large database measures those.
// SQLite only: it reads SQLite's planner (EXPLAIN QUERY PLAN, sqlite_stat1) through better-sqlite3.
// PostgreSQL's plans for search are chosen in lib/postgres/search.ts (see its comment); a twin of
// this budget would need the statistics of a large PostgreSQL database, which the test cannot fake.
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { maintainHotLists } from "@/lib/views/record-view";
import { clearCache } from "@/lib/cache/memo";
import {
  getArticle,
  listChannelArticles,
  listHeadlines,
  listLatest,
  listLatestInChannel,
} from "@/lib/data/articles";
import { getChannelBySlug, listChannels } from "@/lib/data/channels";
import { listApprovedComments } from "@/lib/data/comments";
import { listFeedStories } from "@/lib/data/feeds";
import { getSidebarData } from "@/lib/data/page-data";
import { searchArticles } from "@/lib/data/search";
import { getRecommended, getStoryRecommendations } from "@/lib/data/sidebars";
import { listRecentStories, listSitemapStories, maxStoryId } from "@/lib/data/sitemap";
import { getTagByName, listTagArticles } from "@/lib/data/tags";
import { listHomeTopics, listSectionStories, listStoryTopics, listTopicFeedStories } from "@/lib/data/topics";
import { isPostgres } from "@/lib/database-url";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { SEARCH_RECENT_WINDOW, parseSearchQuery } from "@/lib/search-text";
import largeStats from "@/lib/testing/large-planner-stats.json";
import { makeArticle, makeChannel, uniq } from "@/lib/testing/fixtures";

/** Tables whose size grows with the archive and its traffic. */
const BIG_TABLES = ["Article", "ArticleTag", "Comment", "ArticleViewBucket"] as const;

interface Ran {
  sql: string;
  args: unknown[];
}

const file = env.DATABASE_URL.replace(/^file:/, "");
const ran: Ran[] = [];

// Watch every statement run through better-sqlite3 in this process (Prisma's adapter included).
type Method = (...args: unknown[]) => unknown;
const statementProto = Object.getPrototypeOf(new Database(":memory:").prepare("SELECT 1")) as Record<
  string,
  Method
>;
const originals = new Map<string, Method>();
// Prisma's adapter binds the parameters first (bind), then runs without any.
for (const name of ["bind", "all", "get", "run", "iterate"]) {
  const original = statementProto[name]!;
  originals.set(name, original);
  statementProto[name] = function (this: { source: string }, ...args: unknown[]) {
    if (name === "bind" || args.length > 0) ran.push({ sql: this.source, args });
    return original.apply(this, args);
  };
}

/** Replace this database's planner statistics with the large database's. */
function useStats(rows: readonly { tbl: string; idx: string | null; stat: string }[]): void {
  const db = new Database(file);
  db.exec("ANALYZE");
  db.exec("DELETE FROM sqlite_stat1");
  // better-sqlite3's SQLite is built with STAT4: ANALYZE also samples this small database into
  // sqlite_stat4, and the planner would weigh those samples (of whatever the test files before
  // this one wrote) with the large statistics, whose own samples are not kept.
  db.exec("DELETE FROM sqlite_stat4");
  const insert = db.prepare("INSERT INTO sqlite_stat1 (tbl, idx, stat) VALUES (?, ?, ?)");
  for (const r of rows) insert.run(r.tbl, r.idx, r.stat);
  db.close();
}

/** Rows a statement may read from one index, by the planner statistics: `[nRow, avg rows per
 * distinct prefix of 1, 2, … columns]` from sqlite_stat1. */
type Stats = ReadonlyMap<string, readonly number[]>;

/** Most rows a reader statement may read from a table of stories, tags, comments or views. */
export const ROW_BUDGET = 10_000;

interface Statement {
  sql: string;
  /** The values bound, in order (LIMIT and OFFSET last when the statement ends with them). */
  params: readonly unknown[];
  plan: readonly string[];
}

/**
 * The plan lines of `statement` that may read more than ROW_BUDGET rows of a big table: a
 * full scan, or an index search whose equality prefix matches more rows than the budget, unless
 * the statement stops after LIMIT + OFFSET rows taken in index order (no aggregate, no sort), or
 * the search runs in a subquery ending in `LIMIT ?)` that SQLite runs as a co-routine (the outer
 * query reads its rows one at a time, so the index walk stops at that LIMIT).
 */
export function overBudget({ sql, params, plan }: Statement, stats: Stats): string[] {
  const tables = new Map<string, string>(BIG_TABLES.map((t) => [t, t]));
  for (const m of sql.matchAll(/[`"](\w+)[`"]\s+(?:AS\s+)?[`"]?(\w+)[`"]?/gi)) {
    if (
      (BIG_TABLES as readonly string[]).includes(m[1]!) &&
      !/^(WHERE|ON|JOIN|LEFT|INNER|CROSS|SET)$/i.test(m[2]!)
    )
      tables.set(m[2]!, m[1]!);
  }
  const aggregate =
    /\b(COUNT|SUM|GROUP BY)\b/i.test(sql) || plan.some((l) => l.startsWith("USE TEMP B-TREE"));
  const limited = /LIMIT \? OFFSET \?\s*$/.exec(sql) !== null && params.length >= 2;
  const limit = limited ? Number(params.at(-2)) : -1;
  const stopAfter = !aggregate && limit >= 0 ? limit + Number(params.at(-1)) : Infinity;
  const sub = /LIMIT \?\)/.exec(sql);
  const subLimit =
    sub && !aggregate && plan.some((l) => l.startsWith("CO-ROUTINE"))
      ? Number(params[(sql.slice(0, sub.index).match(/\?/g) ?? []).length])
      : Infinity;
  return plan.filter((line) => {
    const m = /^(SCAN|SEARCH) (?:main\.)?(\w+)(?: USING (?:COVERING )?INDEX (\w+)(?: \((.*)\))?)?/.exec(line);
    if (!m || !tables.has(m[2]!) || /VIRTUAL TABLE|PRIMARY KEY/.test(line)) return false;
    const [, kind, , index, constraints] = m;
    const stat = index ? stats.get(index) : undefined;
    const total = stats.get(tables.get(m[2]!)!)?.[0] ?? Infinity;
    let rows = total;
    if (kind === "SEARCH" && stat && constraints) {
      const equal = constraints.split(" AND ").filter((c) => /^\w+=\?$/.test(c)).length;
      rows = stat[equal] ?? total;
    }
    return Math.min(rows, stopAfter, subLimit) > ROW_BUDGET;
  });
}

function explain(sql: string, params: unknown[]): string[] {
  const db = new Database(file, { readonly: true });
  try {
    return db
      .prepare(`EXPLAIN QUERY PLAN ${sql}`)
      .all(...params)
      .map((r) => (r as { detail: string }).detail);
  } finally {
    db.close();
  }
}

/** Stories a day in the channel counts of the large archive the channel pages are planned for. */
const STORIES_A_DAY = 100;
let article: { id: number; channelId: number };
let channelSlug: string;
let tagName: string;
let searchChannelId: number;
let restoreStats: { tbl: string; idx: string | null; stat: string }[] = [];

const postgres = isPostgres(env.DATABASE_URL);

beforeAll(async () => {
  if (postgres) return;
  const channel = await makeChannel();
  channelSlug = channel.slug;
  tagName = uniq("标签");
  // The channel's stories are published this month, after every day whose counts are made below
  // (the triggers count them by UTC day; early on the 1st, an hour ago is last month).
  const monthStart = Date.parse(`${new Date().toISOString().slice(0, 7)}-01T00:00:00.000Z`);
  const made = await makeArticle({
    channelId: channel.id,
    title: "柳州螺蛳粉产业园扩建",
    tags: [tagName],
    publishedAt: new Date(Math.max(Date.now() - 3_600_000, monthStart)),
  });
  article = { id: made.id, channelId: channel.id };
  // A story withdrawn by its unpublish time (定时撤稿): the tag and channel lists leave it out by id.
  await makeArticle({
    channelId: channel.id,
    tags: [tagName],
    publishedAt: new Date(Math.max(Date.now() - 7_200_000, monthStart)),
    unpublishAt: new Date(Date.now() - 1_000),
  });
  // The channel's counts of a large archive, 100 stories a day for 1,200 days before this month
  // (the stories themselves are not needed: page 5,000's statements and their parameters are
  // what the counts make them), so that page 5,000 reads the day holding its first story.
  const prisma = await getDb();
  // A channel with more visible stories than search checks one by one, so that a search there
  // goes on to its indexes; a year old, so that no other test's lists of recent stories see them.
  const searched = await makeChannel();
  searchChannelId = searched.id;
  await makeArticle({ channelId: searched.id, title: "柳州螺蛳粉产业园扩建", body: "鹿寨" });
  await prisma.article.createMany({
    data: Array.from({ length: SEARCH_RECENT_WINDOW }, (_, i) => ({
      channelId: searched.id,
      title: `第${i}条`,
      body: "",
      bodyHtml: "",
      status: "published",
      publishedAt: new Date(Date.now() - 365 * 86_400_000),
    })),
  });
  const days = Array.from({ length: 1_200 }, (_, i) =>
    new Date(monthStart - (i + 1) * 86_400_000).toISOString().slice(0, 10),
  );
  await prisma.channelDayCount.createMany({
    data: days.map((day) => ({ channelId: channel.id, day, published: STORIES_A_DAY })),
  });
  const months = new Map<string, number>();
  for (const day of days) months.set(day.slice(0, 7), (months.get(day.slice(0, 7)) ?? 0) + 1);
  await prisma.channelMonthCount.createMany({
    data: [...months].map(([month, n]) => ({ channelId: channel.id, month, published: n * STORIES_A_DAY })),
  });
  const db = new Database(file);
  const hasStats = db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'").get() !== undefined;
  if (hasStats)
    restoreStats = db.prepare("SELECT tbl, idx, stat FROM sqlite_stat1").all() as typeof restoreStats;
  db.close();
  useStats(largeStats.rows);
  // The hot lists are built from the view buckets once, when first needed: not a reader's cost.
  await maintainHotLists(Date.now());
});

afterAll(() => {
  if (!postgres) useStats(restoreStats);
  for (const [name, original] of originals) statementProto[name] = original;
});

/** Run the data functions of one reader page from cold caches; the statements they ran. */
async function statementsOf(load: () => Promise<unknown>): Promise<Ran[]> {
  clearCache();
  ran.length = 0;
  await load();
  return ran.filter((r) => /^\s*(SELECT|WITH)\b/i.test(r.sql));
}

const now = () => Date.now();

const PAGES: Record<string, () => Promise<unknown>> = {
  home: () =>
    Promise.all([
      listChannels(),
      listHeadlines(6, now()),
      listLatest(20, now()),
      listLatestInChannel(article.channelId, 8, now()),
      getSidebarData(null, now()),
    ]),
  "channel page 1": () =>
    Promise.all([
      getChannelBySlug(channelSlug),
      listChannelArticles(article.channelId, 1, now()),
      getSidebarData(article.channelId, now()),
    ]),
  "channel page 5,000": () => listChannelArticles(article.channelId, 5_000, now()),
  article: async () => {
    await getArticle(article.id);
    await Promise.all([
      listApprovedComments(article.id, 1),
      getRecommended(article.channelId, article.id, 6, now()),
      getStoryRecommendations(article.id, article.channelId, [], now()),
      getSidebarData(article.channelId, now()),
    ]);
  },
  "tag page": async () => {
    const tag = await getTagByName(tagName);
    await listTagArticles(tag!.id, 1, now());
  },
  // 专题: a tag section's page, the home slot, 本文所属专题 and a topic's feed (id 0: no picked rows).
  topics: async () => {
    const tag = await getTagByName(tagName);
    const section = { id: 0, kind: "tag" as const, tagId: tag!.id };
    await Promise.all([
      listSectionStories(section, 1, 20, now()),
      listHomeTopics(),
      listStoryTopics(article.id),
      listTopicFeedStories({ id: 0, sections: [{ ...section, position: 0, title: "t" }] }, 50, now()),
    ]);
  },
  "search, 1 character": () => searchQuery("鹿"),
  "search, 2 characters": () => searchQuery("柳州"),
  "search, 4 characters": () => searchQuery("螺蛳粉产"),
  feeds: () => Promise.all([listFeedStories(null, 30, now()), listFeedStories(article.channelId, 30, now())]),
  sitemaps: () =>
    Promise.all([
      maxStoryId(),
      listSitemapStories(990_000, 1_000_000, now()),
      listRecentStories(now() - 2 * 86_400_000, 1000, now()),
    ]),
};

async function searchQuery(q: string): Promise<unknown> {
  const parsed = parseSearchQuery(q);
  if (parsed.kind !== "ok") throw new Error(`bad query ${q}`);
  return searchArticles({ terms: parsed.terms, channelId: searchChannelId, page: 1, nowMs: now() });
}

/** The planner statistics as used by overBudget: per index, and per table (its row count). */
function statsMap(rows: readonly { tbl: string; idx: string | null; stat: string }[]): Stats {
  const map = new Map<string, number[]>();
  for (const r of rows) {
    const numbers = r.stat.split(" ").map(Number);
    if (r.idx) map.set(r.idx, numbers);
    if (!map.has(r.tbl)) map.set(r.tbl, [numbers[0]!]);
  }
  return map;
}

const LARGE = statsMap(largeStats.rows);

describe.skipIf(postgres)(
  "query budget at 1,000,000 stories (planner statistics of the large database)",
  () => {
    const stats: Stats = new Map([
      ["Article", [1_000_000]],
      ["Article_channelId_status_publishedAt_idx", [1_000_000, 140_000, 47_000, 1]],
      ["ArticleViewBucket_bucket_articleId_count_idx", [1_100_000, 30, 1, 1]],
      ["Comment_articleId_status_createdAt_idx", [660_000, 5, 2, 1]],
    ]);
    const run = (sql: string, plan: string[], params: unknown[] = []) =>
      overBudget({ sql, params, plan }, stats);

    it("finds full scans, also under an alias, and leaves small tables alone", () => {
      expect(run(`SELECT * FROM "Article"`, ["SCAN Article"])).toEqual(["SCAN Article"]);
      expect(run(`SELECT * FROM "Comment" AS c WHERE x`, ["SCAN c"])).toEqual(["SCAN c"]);
      expect(run(`SELECT * FROM "Channel"`, ["SCAN Channel"])).toEqual([]);
      expect(
        run(`SELECT * FROM "Article" WHERE id = ?`, ["SEARCH Article USING INTEGER PRIMARY KEY (rowid=?)"]),
      ).toEqual([]);
    });

    it("counts rows by the index's equality prefix, and stops at LIMIT + OFFSET in index order", () => {
      const page = `SELECT id FROM \`main\`.\`Article\` WHERE channelId = ? ORDER BY publishedAt DESC LIMIT ? OFFSET ?`;
      const line =
        "SEARCH main.Article USING COVERING INDEX Article_channelId_status_publishedAt_idx (channelId=? AND status=? AND publishedAt<?)";
      expect(run(page, [line], [3, "published", 0, 20, 0])).toEqual([]); // page 1
      expect(run(page, [line], [3, "published", 0, 20, 100_000])).toEqual([line]); // page 5,001
      const count = `SELECT COUNT(*) FROM (SELECT id FROM \`main\`.\`Article\` WHERE channelId = ? LIMIT ? OFFSET ?)`;
      expect(run(count, [line], [3, "published", 0, -1, 0])).toEqual([line]);
      const window =
        "SEARCH main.ArticleViewBucket USING COVERING INDEX ArticleViewBucket_bucket_articleId_count_idx (bucket>? AND bucket<?)";
      expect(
        run(`SELECT SUM(count) FROM \`main\`.\`ArticleViewBucket\` GROUP BY articleId`, [window]),
      ).toEqual([window]);
      const recent = `SELECT r.id FROM (SELECT a.id, a.title FROM "Article" a WHERE a.status = 'published' ORDER BY a.publishedAt DESC LIMIT ?) AS r WHERE r.title LIKE ? LIMIT ?`;
      const walk = "SEARCH a USING INDEX Article_status_publishedAt_idx (status=?)";
      expect(run(recent, ["CO-ROUTINE r", walk, "SCAN r"], [2_000, "%x%", 1_001])).toEqual([]);
      expect(run(recent, ["CO-ROUTINE r", walk, "SCAN r"], [50_000, "%x%", 1_001])).toEqual([walk]);
      const comments =
        "SEARCH main.Comment USING INDEX Comment_articleId_status_createdAt_idx (articleId=? AND status=?)";
      expect(run(`SELECT COUNT(*) FROM \`main\`.\`Comment\` WHERE articleId = ?`, [comments])).toEqual([]);
    });

    for (const [page, load] of Object.entries(PAGES)) {
      it(`${page}: every statement reads at most ${ROW_BUDGET.toLocaleString("en")} rows of a big table`, async () => {
        const statements = await statementsOf(load);
        expect(statements.length).toBeGreaterThan(0);
        const problems: string[] = [];
        // Statements over the full-text index are left out: its plans depend on its contents, not
        // on these statistics (see the top of this file).
        for (const { sql, args } of statements.filter((st) => !st.sql.includes('"ArticleSearch"'))) {
          const params = args.length === 1 && Array.isArray(args[0]) ? (args[0] as unknown[]) : args;
          const plan = explain(sql, params);
          const lines = overBudget({ sql, params, plan }, LARGE);
          if (process.env.SHOW_PLANS)
            console.log(`${page}\n  ${sql.replace(/\s+/g, " ")}\n  => ${plan.join(" | ")}`);
          if (lines.length > 0)
            problems.push(
              `${lines.join(", ")}\n  in: ${sql.replace(/\s+/g, " ")}\n  plan: ${plan.join(" | ")}`,
            );
        }
        expect(problems, problems.join("\n\n")).toEqual([]);
      });
    }

    it("the unpublish time is checked on rows the list's own index found (定时撤稿)", async () => {
      const statements = [
        ...(await statementsOf(PAGES.home!)),
        ...(await statementsOf(PAGES["channel page 1"]!)),
        ...(await statementsOf(PAGES["tag page"]!)),
      ];
      const plans = statements.map(({ sql, args }) => {
        const params = args.length === 1 && Array.isArray(args[0]) ? (args[0] as unknown[]) : args;
        return { sql, plan: explain(sql, params) };
      });
      const checked = plans.filter((p) => p.sql.includes("`unpublishAt` IS NULL OR"));
      expect(checked.length).toBeGreaterThan(0);
      // Never an OR of two index searches: the list's (…, status, publishedAt) index, or the
      // primary key of the ids a list found, as before.
      for (const p of checked) {
        expect(p.plan.join(" | ")).not.toMatch(/MULTI-INDEX OR/);
        expect(p.plan.join(" | ")).toMatch(/_status_publishedAt_idx|INTEGER PRIMARY KEY/);
      }
      // The tag page's links leave the withdrawn story out on their own index entries.
      const tagPage = plans.filter((p) => p.sql.includes("FROM `main`.`ArticleTag`"));
      expect(tagPage.length).toBeGreaterThan(0);
      for (const p of tagPage) {
        expect(p.sql).toMatch(/`articleId` NOT IN/);
        expect(p.plan.join(" | ")).toMatch(/ArticleTag_tagId_status_publishedAt_articleId_idx/);
      }
    });

    it("channel page 5,000 skips fewer stories than one day holds", async () => {
      const skipped = (await statementsOf(PAGES["channel page 5,000"]!))
        .filter((st) => /FROM `main`\.`Article`.* LIMIT \? OFFSET \?$/.test(st.sql))
        .map(({ args }) => Number((args.length === 1 && Array.isArray(args[0]) ? args[0] : args).at(-1)));
      expect(skipped.length).toBeGreaterThan(0);
      expect(Math.max(...skipped)).toBeLessThan(STORIES_A_DAY);
    });
  },
);
