import { beforeEach, describe, expect, it } from "vitest";
import { clearCache } from "@/lib/cache/memo";
import { getDb } from "@/lib/db";
import { searchArticles } from "@/lib/data/search";
import { SEARCH_MAX_MATCHES, parseSearchQuery } from "@/lib/search-text";
import { checkArticleSearch, rebuildArticleSearch } from "@/lib/search-store";
import { invalidate, makeArticle, makeChannel, uniq } from "@/lib/testing/fixtures";
import { minuteNow } from "@/lib/time";

const HOUR = 3_600_000;

function termsOf(q: string): string[] {
  const parsed = parseSearchQuery(q);
  return parsed.kind === "ok" ? parsed.terms : [];
}

async function search(q: string, channelId: number | null = null, page = 1) {
  return searchArticles({ terms: termsOf(q), channelId, page, nowMs: minuteNow().getTime() });
}

const ids = (r: { items: { id: number }[] }) => r.items.map((i) => i.id);

beforeEach(() => {
  clearCache();
});

describe("searchArticles", () => {
  it("finds a two-character place name (LIKE fallback) in titles and bodies, per channel", async () => {
    const a = await makeChannel();
    const b = await makeChannel();
    const inTitle = await makeArticle({ channelId: a.id, title: `融安金桔喜获丰收${uniq()}` });
    const inBody = await makeArticle({
      channelId: b.id,
      body: `本报讯 今年，融安县的香杉种植面积继续扩大。${uniq()}`,
    });
    const other = await makeArticle({
      channelId: a.id,
      title: `柳城蔗糖${uniq()}`,
      body: "与那个县无关的正文。",
    });

    const inA = await search("融安", a.id);
    expect(ids(inA)).toEqual([inTitle.id]);
    expect(inA.total).toBe(1);
    expect(ids(await search("融安", b.id))).toEqual([inBody.id]);
    expect(ids(await search("融安", a.id))).not.toContain(other.id);

    const everywhere = await search("融安");
    expect(everywhere.total).toBeGreaterThanOrEqual(2);
    const all = [...ids(everywhere), ...ids(await search("融安", null, 2))];
    expect(all).toEqual(expect.arrayContaining([inTitle.id, inBody.id]));
  });

  it("finds a phrase from the middle of a body through the trigram index", async () => {
    const ch = await makeChannel();
    const u = uniq("k");
    const story = await makeArticle({
      channelId: ch.id,
      body: `**导语：**开头的一段话。\n\n今年${u}村里修通了硬化路，群众出行更方便了。\n\n结尾的一段话。`,
    });
    const r = await search(`${u}村里修通`);
    expect(ids(r)).toEqual([story.id]);
    expect(r.items[0]?.snippet).toContain(`${u}村里修通`);
    // Case-insensitive for Latin letters, like the tokenizer.
    expect(ids(await search(`${u.toUpperCase()}村里`))).toEqual([story.id]);
    // Every word must occur.
    expect(ids(await search(`${u}村里 不存在的词语`))).toEqual([]);
    expect(ids(await search(`硬化路 ${u}`))).toEqual([story.id]);
  });

  it("finds a four-character name (柳州日报) through the trigram index, in titles and bodies", async () => {
    const ch = await makeChannel();
    const inBody = await makeArticle({
      channelId: ch.id,
      title: `蔗农喜迎开榨${uniq()}`,
      body: `据《柳州日报》报道，今年糖料蔗收购价保持稳定。${uniq()}`,
      publishedAt: new Date(Date.now() - HOUR),
    });
    const inTitle = await makeArticle({
      channelId: ch.id,
      title: `柳州日报社举办读者开放日${uniq()}`,
      publishedAt: new Date(Date.now() - 5 * HOUR),
    });
    await makeArticle({ channelId: ch.id, title: `柳州晚报${uniq()}`, body: "柳州 日报 分开写的不算。" });
    const r = await search("柳州日报", ch.id);
    // The title match first, though older.
    expect(ids(r)).toEqual([inTitle.id, inBody.id]);
    expect(r.items[1]?.snippet).toContain("《柳州日报》");
  });

  it("never throws on FTS syntax and never treats LIKE wildcards as wildcards", async () => {
    const ch = await makeChannel();
    await makeArticle({ channelId: ch.id, title: `普通标题${uniq()}`, body: "普通正文内容" });
    const nasty = [
      `" * NEAR : ( -`,
      `"`,
      `""""`,
      `NEAR(a b, 2)`,
      `title:普通`,
      `普通*`,
      `^普通 -正文`,
      `(普通 OR 正文) AND NOT x`,
      `a" OR "1"="1`,
      `'; DROP TABLE "Article"; --`,
      `{title summary}: 普通`,
      `\\`,
    ];
    for (const q of nasty) {
      const r = await search(q);
      expect(Array.isArray(r.items), q).toBe(true);
      expect(Number.isInteger(r.total), q).toBe(true);
    }
    expect((await search("%", ch.id)).total).toBe(0);
    expect((await search("_", ch.id)).total).toBe(0);
    expect((await search("%%%", ch.id)).total).toBe(0);
    const db = await getDb();
    expect(await db.article.count()).toBeGreaterThan(0);
  });

  it("finds literal %, _ and quotes when stories contain them", async () => {
    const ch = await makeChannel();
    const story = await makeArticle({ channelId: ch.id, title: `增长5%_与"引号"${uniq()}` });
    expect(ids(await search("5%", ch.id))).toEqual([story.id]);
    expect(ids(await search("%_", ch.id))).toEqual([story.id]);
    expect(ids(await search(`"引号"`, ch.id))).toEqual([story.id]);
  });

  it("never finds drafts, unpublished or not-yet-due stories", async () => {
    const ch = await makeChannel();
    const u = uniq("v");
    const visible = await makeArticle({ channelId: ch.id, title: `${u}可见稿件` });
    await makeArticle({ channelId: ch.id, title: `${u}草稿`, status: "draft", publishedAt: null });
    await makeArticle({ channelId: ch.id, title: `${u}撤稿`, status: "unpublished" });
    await makeArticle({
      channelId: ch.id,
      title: `${u}定时稿`,
      publishedAt: new Date(Date.now() + 2 * HOUR),
    });
    const r = await search(u);
    expect(ids(r)).toEqual([visible.id]);
    expect(r.total).toBe(1);
    expect(ids(await search("草稿", ch.id))).toEqual([]);
    expect(ids(await search("定时稿", ch.id))).toEqual([]);
  });

  it("ranks title matches first, then newest first", async () => {
    const ch = await makeChannel();
    const u = uniq("r");
    const oldTitle = await makeArticle({
      channelId: ch.id,
      title: `${u}旧标题`,
      publishedAt: new Date(Date.now() - 48 * HOUR),
    });
    const newBody = await makeArticle({
      channelId: ch.id,
      body: `正文提到${u}一次`,
      publishedAt: new Date(Date.now() - HOUR),
    });
    const newTitle = await makeArticle({
      channelId: ch.id,
      title: `${u}新标题`,
      publishedAt: new Date(Date.now() - 2 * HOUR),
    });
    const oldBody = await makeArticle({
      channelId: ch.id,
      body: `较早的正文提到${u}`,
      publishedAt: new Date(Date.now() - 72 * HOUR),
    });
    expect(ids(await search(u))).toEqual([newTitle.id, oldTitle.id, newBody.id, oldBody.id]);
  });

  it("pages through results 20 at a time", async () => {
    const ch = await makeChannel();
    const u = uniq("p");
    for (let i = 0; i < 25; i++) {
      await makeArticle({
        channelId: ch.id,
        title: `${u}第${i}条`,
        publishedAt: new Date(Date.now() - (i + 1) * HOUR),
      });
    }
    const p1 = await search(u, null, 1);
    const p2 = await search(u, null, 2);
    expect(p1.total).toBe(25);
    expect(p1.items).toHaveLength(20);
    expect(p2.items).toHaveLength(5);
    expect(new Set([...ids(p1), ...ids(p2)]).size).toBe(25);
    expect(p1.items[0]?.title).toBe(`${u}第0条`);
  });

  it("keeps the index in step with edits and deletions (triggers)", async () => {
    const ch = await makeChannel();
    const before = uniq("old");
    const after = uniq("new");
    const story = await makeArticle({ channelId: ch.id, title: `${before}标题` });
    const db = await getDb();
    await db.article.update({ where: { id: story.id }, data: { viewCount: { increment: 3 } } });
    expect(ids(await search(before))).toEqual([story.id]);
    await db.article.update({
      where: { id: story.id },
      data: { title: `${after}标题`, bodyText: `改过的正文${after}` },
    });
    // Raw edits, so record what an editorial write records: cached results are dropped.
    await invalidate("site");
    expect(ids(await search(before))).toEqual([]);
    expect(ids(await search(after))).toEqual([story.id]);
    expect(await checkArticleSearch(db)).toBe(true);
    await rebuildArticleSearch(db);
    expect(ids(await search(after))).toEqual([story.id]);
    await db.article.delete({ where: { id: story.id } });
    await invalidate("site");
    expect(ids(await search(after))).toEqual([]);
    expect(await checkArticleSearch(db)).toBe(true);
  });

  it("looks at the newest SEARCH_MAX_MATCHES matches and says there are more", async () => {
    const ch = await makeChannel();
    const db = await getDb();
    const word = uniq("多");
    const short = uniq("z").slice(0, 2); // a two-character word: the LIKE path
    const now = minuteNow().getTime();
    await db.article.createMany({
      data: Array.from({ length: SEARCH_MAX_MATCHES + 5 }, (_, i) => ({
        channelId: ch.id,
        title: `${word} ${i}`,
        body: "正文",
        bodyHtml: "<p>正文</p>",
        bodyText: `正文 ${short}`,
        status: "published",
        publishedAt: new Date(now - (i + 1) * 60_000),
      })),
    });
    for (const q of [word, short]) {
      clearCache();
      const first = await search(q, ch.id);
      expect(first.total, q).toBe(SEARCH_MAX_MATCHES);
      expect(first.capped, q).toBe(true);
      // Newest first: the story published a minute ago leads.
      expect(first.items[0]?.title, q).toBe(`${word} 0`);
    }
    clearCache();
    const few = await search(uniq("少"), ch.id);
    expect(few.capped).toBe(false);
  });
});
