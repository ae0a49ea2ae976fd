// Words of one or two characters go through the gram index (SQLite: the FTS5 table
// "ArticleSearchGrams"; PostgreSQL: the GIN index over difang_search_grams), which must find what
// LIKE over the stories found before it: the same stories, visibility and order.
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { isPostgres } from "@/lib/database-url";
import { env } from "@/lib/env";
import { SEARCH_MAX_MATCHES, SEARCH_RECENT_WINDOW, parseSearchQuery } from "@/lib/search-text";
import { checkArticleSearch, rebuildArticleSearch, searchArticleIds } from "@/lib/search-store";
import { makeChannel } from "@/lib/testing/fixtures";
// @ts-expect-error: plain ES module without types (the seed script's bulk twin of the SQL view)
import { gramText } from "../../scripts/seed-large/grams.mjs";

const HOUR = 3_600_000;
const YEAR = 365 * 24 * HOUR;
const postgres = isPostgres(env.DATABASE_URL);

/** Texts with CJK, Latin of both cases, digits, full-width forms, emoji, LIKE's wildcards. */
const TEXTS = [
  "柳州新闻：融安金桔喜获丰收",
  "A股收涨，5G基站建设提速",
  "a股 5g 手机",
  "鹿寨县 中渡镇 古镇游",
  "ＡＢＣ全角字母与１２３数字",
  '增长5%_与"引号"',
  "表情😀与鹿角😀😀",
  "Liuzhou luosifen 螺蛳粉 LUOSIFEN",
  "换行前\n换行后",
  "",
  "融",
  "安融",
];

/** The short queries compared with LIKE. */
const QUERIES = [
  "鹿",
  "融安",
  "融",
  "安融",
  "5G",
  "5g",
  "A股",
  "a股",
  "g",
  "G",
  "5",
  "%",
  "_",
  "%_",
  "😀",
  "😀😀",
  "Ａ",
  "ａ",
  "１２",
  "前换",
  "州新",
  "鹿 融",
  "5g 股",
  "无此",
];

/**
 * Case as LIKE folds it: SQLite's folds ASCII letters only, PostgreSQL's ILIKE every letter (so Ａ
 * finds ａ there only). No test text has a letter whose lower case is longer.
 */
const fold = postgres
  ? (s: string) => s.toLowerCase()
  : (s: string) => s.replace(/[A-Z]/g, (c) => c.toLowerCase());

interface Story {
  id: number;
  title: string;
  summary: string;
  bodyText: string;
  status: string;
  publishedAt: Date | null;
}

let channelId: number;
let stories: Story[];
const now = new Date();

/** What LIKE found: visible stories containing every term, title hits first, then newest first. */
function expected(terms: readonly string[]): number[] {
  const hits = (s: string) => terms.filter((t) => fold(s).includes(fold(t))).length;
  return stories
    .filter((s) => s.status === "published" && s.publishedAt !== null && s.publishedAt <= now)
    .filter((s) =>
      terms.every((t) => [s.title, s.summary, s.bodyText].some((c) => fold(c).includes(fold(t)))),
    )
    .sort(
      (x, y) =>
        hits(y.title) - hits(x.title) || y.publishedAt!.getTime() - x.publishedAt!.getTime() || y.id - x.id,
    )
    .map((s) => s.id);
}

function termsOf(q: string): string[] {
  const parsed = parseSearchQuery(q);
  if (parsed.kind !== "ok") throw new Error(q);
  return parsed.terms;
}

beforeAll(async () => {
  channelId = (await makeChannel()).id;
  const db = await getDb();
  const statuses = ["published", "published", "published", "draft", "unpublished"] as const;
  // Every text in every column, published out of id order, some hidden or not yet due.
  let n = 0;
  for (const [i, title] of TEXTS.entries())
    for (const [j, body] of TEXTS.entries()) {
      if ((i + j) % 3 !== 0 && i !== j) continue;
      const status = statuses[n % statuses.length]!;
      // A year ago and before, out of id order (a few not due yet): no other test's lists of
      // recent stories see them.
      const offset = ((n * 7919) % 97) - 5;
      await db.article.create({
        data: {
          channelId,
          title,
          summary: TEXTS[(i + j) % TEXTS.length]!,
          body: "正文",
          bodyHtml: "<p>正文</p>",
          bodyText: body,
          status,
          publishedAt:
            status === "draft"
              ? null
              : new Date(now.getTime() - (offset < 0 ? offset * HOUR : YEAR + offset * HOUR)),
        },
      });
      n++;
    }
  // The newest visible stories, matching no query: more than the window that search checks one
  // by one before it goes to the index (and fewer would be answered by the window alone).
  await db.article.createMany({
    data: Array.from({ length: SEARCH_RECENT_WINDOW }, () => ({
      channelId,
      title: "",
      summary: "",
      body: "",
      bodyHtml: "",
      bodyText: "",
      status: "published",
      publishedAt: new Date(now.getTime() - YEAR + HOUR),
    })),
  });
  stories = await db.article.findMany({
    where: { channelId },
    select: { id: true, title: true, summary: true, bodyText: true, status: true, publishedAt: true },
  });
});

describe("search for words of one or two characters (the gram index)", () => {
  it.each(QUERIES)("%s: the stories LIKE finds, in the same order", async (q) => {
    const terms = termsOf(q);
    const db = await getDb();
    const found = await searchArticleIds(db, { terms, channelId, now, limit: 1000, offset: 0 });
    const want = expected(terms);
    expect(found.ids).toEqual(want);
    expect(found.total).toBe(want.length);
    expect(found.capped).toBe(false);
  });

  it.skipIf(postgres)("the seed's JavaScript gives the tokens of the SQL view", async () => {
    const db = await getDb();
    const rows = await db.$queryRaw<{ id: bigint | number; grams: string | null }[]>`
      SELECT "id", "grams" FROM "ArticleSearchGramText" WHERE "id" IN (SELECT "id" FROM "Article" WHERE "channelId" = ${channelId})`;
    expect(rows.length).toBe(stories.length);
    for (const row of rows) {
      const s = stories.find((x) => x.id === Number(row.id))!;
      const js = new Set((gramText(s.title, s.summary, s.bodyText) as string).split(","));
      expect(new Set((row.grams ?? "").split(",")), `${s.title}|${s.summary}|${s.bodyText}`).toEqual(js);
    }
  });

  it("keeps the index in step with edits and deletions, and survives a rebuild", async () => {
    const db = await getDb();
    const story = await db.article.create({
      data: {
        channelId,
        title: "䶮",
        summary: "",
        body: "",
        bodyHtml: "",
        bodyText: "",
        status: "published",
        publishedAt: new Date(now.getTime() - YEAR),
      },
    });
    const find = async (q: string) =>
      (await searchArticleIds(db, { terms: termsOf(q), channelId, now, limit: 20, offset: 0 })).ids;
    expect(await find("䶮")).toEqual([story.id]);
    await db.article.update({ where: { id: story.id }, data: { viewCount: { increment: 1 } } });
    expect(await find("䶮")).toEqual([story.id]);
    await db.article.update({ where: { id: story.id }, data: { title: "鼋鼍", bodyText: "Qx" } });
    expect(await find("䶮")).toEqual([]);
    expect(await find("鼍")).toEqual([story.id]);
    expect(await find("qX")).toEqual([story.id]);
    expect(await checkArticleSearch(db)).toBe(true);
    await rebuildArticleSearch(db);
    expect(await checkArticleSearch(db)).toBe(true);
    expect(await find("鼋鼍")).toEqual([story.id]);
    await db.article.delete({ where: { id: story.id } });
    expect(await find("鼋鼍")).toEqual([]);
    expect(await checkArticleSearch(db)).toBe(true);
  });

  it("caps a word with more matches than the newest stories hold at the newest SEARCH_MAX_MATCHES", async () => {
    const db = await getDb();
    const ch = (await makeChannel()).id;
    const at = (minutesAgo: number) => new Date(now.getTime() - YEAR - minutesAgo * 60_000);
    const row = (bodyText: string, minutesAgo: number) => ({
      channelId: ch,
      title: "标题",
      summary: "",
      body: "",
      bodyHtml: "",
      bodyText,
      status: "published",
      publishedAt: at(minutesAgo),
    });
    // Older stories with the word, then more newer ones without it than the window holds.
    await db.article.createMany({
      data: Array.from({ length: SEARCH_MAX_MATCHES + 5 }, (_, i) =>
        row("鼋", SEARCH_RECENT_WINDOW + 10 + i),
      ),
    });
    await db.article.createMany({
      data: Array.from({ length: SEARCH_RECENT_WINDOW }, (_, i) => row("别的", i + 1)),
    });
    const found = await searchArticleIds(db, { terms: ["鼋"], channelId: ch, now, limit: 20, offset: 0 });
    expect(found.total).toBe(SEARCH_MAX_MATCHES);
    expect(found.capped).toBe(true);
    const newest = await db.article.findFirst({
      where: { channelId: ch, bodyText: "鼋" },
      orderBy: { publishedAt: "desc" },
    });
    expect(found.ids[0]).toBe(newest!.id);
  });
});
