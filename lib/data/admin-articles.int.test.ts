// The editor's story list at archive scale (keyset pages, filters, title search) on the real
// store: SQLite by default, PostgreSQL with TEST_POSTGRES_URL.
import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import {
  ADMIN_PAGE_SIZE,
  TITLE_WALK_WINDOW,
  listAdminArticles,
  type AdminArticleFilter,
} from "@/lib/data/admin-articles";
import { titleMatchIds } from "@/lib/search-store";
import { storedBody } from "@/lib/body/stored";
import { makeArticle, makeChannel, uniq } from "@/lib/testing/fixtures";

const HOUR = 3_600_000;
const anywhere = { channelId: null, storedStatus: null };
const all: AdminArticleFilter = { q: "", channelId: null, status: null, after: null, before: null };

/** Every page from the first on through `next`, then back through `prev`. */
async function walk(filter: AdminArticleFilter, nowMs: number) {
  const forward: number[][] = [];
  let page = await listAdminArticles(filter, nowMs);
  forward.push(page.items.map((i) => i.id));
  expect(page.prev).toBeNull();
  while (page.next) {
    page = await listAdminArticles({ ...filter, after: page.next, before: null }, nowMs);
    forward.push(page.items.map((i) => i.id));
    expect(page.prev).not.toBeNull();
  }
  const backward: number[][] = [page.items.map((i) => i.id)];
  while (page.prev) {
    page = await listAdminArticles({ ...filter, after: null, before: page.prev }, nowMs);
    backward.unshift(page.items.map((i) => i.id));
  }
  return { forward, backward };
}

describe("listAdminArticles: keyset pages", () => {
  it("cover every story exactly once, newest change first, ties by id, forward and back", async () => {
    const db = await getDb();
    const ch = await makeChannel();
    const base = Date.UTC(2026, 0, 1);
    const made: { id: number; updatedAt: Date }[] = [];
    for (let i = 0; i < 2 * ADMIN_PAGE_SIZE + 7; i++) {
      const a = await makeArticle({ channelId: ch.id, title: uniq("翻页") });
      // Groups of seven share one updatedAt: pages must cut through ties without losing any.
      const updatedAt = new Date(base + Math.floor(i / 7) * 1000);
      await db.article.update({ where: { id: a.id }, data: { updatedAt } });
      made.push({ id: a.id, updatedAt });
    }
    const expected = made
      .sort((x, y) => y.updatedAt.getTime() - x.updatedAt.getTime() || y.id - x.id)
      .map((m) => m.id);
    const { forward, backward } = await walk({ ...all, channelId: ch.id }, Date.now());
    expect(forward.map((p) => p.length)).toEqual([30, 30, 7]);
    expect(forward.flat()).toEqual(expected);
    // Going back from the last page gives the same pages.
    expect(backward).toEqual(forward);
  });

  it("a page before the first few stories is the first page; a story changed meanwhile moves to the top", async () => {
    const db = await getDb();
    const ch = await makeChannel();
    const ids: number[] = [];
    for (let i = 0; i < ADMIN_PAGE_SIZE + 3; i++) ids.push((await makeArticle({ channelId: ch.id })).id);
    const filter = { ...all, channelId: ch.id };
    const first = await listAdminArticles(filter, Date.now());
    const second = await listAdminArticles({ ...filter, after: first.next }, Date.now());
    expect(second.items).toHaveLength(3);
    const back = await listAdminArticles({ ...filter, before: second.prev }, Date.now());
    expect(back.items.map((i) => i.id)).toEqual(first.items.map((i) => i.id));
    expect(back.prev).toBeNull();
    // The oldest story is edited: it leaves the second page and heads the first.
    const oldest = ids[0] ?? 0;
    await db.article.update({ where: { id: oldest }, data: { summary: "改过" } });
    const again = await listAdminArticles({ ...filter, after: first.next }, Date.now());
    expect(again.items.map((i) => i.id)).not.toContain(oldest);
    expect((await listAdminArticles(filter, Date.now())).items[0]?.id).toBe(oldest);
  });

  it("filters by channel, status and title words together", async () => {
    const [a, b] = [await makeChannel(), await makeChannel()];
    const word = uniq("组合");
    const now = Date.now();
    const rows = [
      await makeArticle({ channelId: a.id, title: `${word} 洪水 已发布` }),
      await makeArticle({ channelId: a.id, title: `${word} 洪水 草稿`, status: "draft", publishedAt: null }),
      await makeArticle({ channelId: a.id, title: `${word} 定时`, publishedAt: new Date(now + HOUR) }),
      await makeArticle({ channelId: b.id, title: `${word} 洪水 已发布` }),
      await makeArticle({ channelId: b.id, title: `${word} 撤下`, status: "unpublished" }),
    ];
    const ids = async (f: Partial<AdminArticleFilter>) =>
      (await listAdminArticles({ ...all, ...f }, now)).items.map((i) => i.id).sort((x, y) => x - y);
    const pick = (...i: number[]) => i.map((n) => rows[n]?.id).sort((x = 0, y = 0) => x - y);
    expect(await ids({ q: word })).toEqual(pick(0, 1, 2, 3, 4));
    expect(await ids({ q: `${word} 洪水` })).toEqual(pick(0, 1, 3));
    expect(await ids({ q: `洪水 ${word}`, channelId: a.id })).toEqual(pick(0, 1));
    expect(await ids({ q: `${word} 洪水`, channelId: a.id, status: "published" })).toEqual(pick(0));
    expect(await ids({ q: word, status: "scheduled" })).toEqual(pick(2));
    expect(await ids({ q: word, status: "draft" })).toEqual(pick(1));
    expect(await ids({ q: word, channelId: b.id, status: "unpublished" })).toEqual(pick(4));
    expect(await ids({ q: word, channelId: b.id, status: "draft" })).toEqual([]);
    expect(await ids({ q: `${word} 没有这个词` })).toEqual([]);
  });
});

describe("title search", () => {
  it("titleMatchIds finds every title holding all words, LIKE's meaning, and says when there are too many", async () => {
    const ch = await makeChannel();
    const tag = uniq("x").toLowerCase();
    const titles = [
      `${tag} 融安县 金桔节开幕`,
      `${tag} 融水 芦笙节`,
      `${tag} 柳州 螺蛳粉 100% 原料`,
      `${tag} 5G 基站 a_b`,
      `${tag} 鹿寨 新闻`,
    ];
    const ids: number[] = [];
    for (const title of titles) ids.push((await makeArticle({ channelId: ch.id, title })).id);
    const db = await getDb();
    const find = async (...terms: string[]) => {
      const found = await titleMatchIds(db, [tag, ...terms], anywhere, 100);
      return found === null ? null : found.sort((x, y) => x - y);
    };
    const pick = (...i: number[]) => i.map((n) => ids[n]);
    expect(await find()).toEqual(pick(0, 1, 2, 3, 4));
    expect(await find("融")).toEqual(pick(0, 1));
    expect(await find("融安")).toEqual(pick(0));
    expect(await find("金桔节")).toEqual(pick(0));
    expect(await find("县金")).toEqual([]); // pairs present apart, not together
    expect(await find("鹿")).toEqual(pick(4));
    expect(await find("螺蛳粉", "100%")).toEqual(pick(2));
    expect(await find("0%")).toEqual(pick(2));
    expect(await find("%")).toEqual(pick(2));
    expect(await find("a_b")).toEqual(pick(3));
    expect(await find("基站", "5G")).toEqual(pick(3)); // two words
    expect(await find("1000")).toEqual([]);
    expect(await find("_")).toEqual(pick(3));
    expect(await find("5G")).toEqual(pick(3));
    expect(await find("芦笙节", "融水")).toEqual(pick(1));
    expect(await find("芦笙节", "融安")).toEqual([]);
    expect(await titleMatchIds(db, [tag], anywhere, 4)).toBeNull();
    expect((await titleMatchIds(db, [tag], anywhere, 5))?.length).toBe(5);
    // Narrowed to a channel and a stored status inside the index; a moved or unpublished story
    // is found under its new ones.
    const other = await makeChannel();
    await db.article.update({ where: { id: ids[1] }, data: { channelId: other.id } });
    await db.article.update({ where: { id: ids[0] }, data: { status: "unpublished" } });
    const narrowed = async (channelId: number | null, storedStatus: string | null) =>
      (await titleMatchIds(db, [tag], { channelId, storedStatus }, 100))?.sort((x, y) => x - y);
    expect(await narrowed(ch.id, null)).toEqual(pick(0, 2, 3, 4));
    expect(await narrowed(other.id, null)).toEqual(pick(1));
    expect(await narrowed(ch.id, "published")).toEqual(pick(2, 3, 4));
    expect(await narrowed(null, "unpublished")).toEqual(pick(0));
    expect(await narrowed(other.id, "unpublished")).toEqual([]);
    // A new title is indexed, an old one forgotten; a deleted story too.
    await db.article.update({ where: { id: ids[4] }, data: { title: `${tag} 三江 侗族` } });
    expect(await find("鹿")).toEqual([]);
    expect(await find("侗族")).toEqual(pick(4));
    await db.article.delete({ where: { id: ids[4] } });
    expect(await find("侗族")).toEqual([]);
  });

  it(`the list finds a rare word beyond the newest ${TITLE_WALK_WINDOW} stories and a common one within them, in order`, async () => {
    const db = await getDb();
    const ch = await makeChannel();
    const rare = uniq("罕");
    const common = uniq("常");
    const body = storedBody("正文");
    const base = Date.UTC(2026, 0, 1);
    // Two old stories with the rare word (the walk's window does not reach them), then enough
    // newer ones to fill the window, every tenth with the common word.
    const old = [];
    for (let i = 0; i < 2; i++) {
      const a = await makeArticle({ channelId: ch.id, title: `${rare} 旧闻 ${i}` });
      old.push(await db.article.update({ where: { id: a.id }, data: { updatedAt: new Date(base + i) } }));
    }
    const n = TITLE_WALK_WINDOW + 50;
    await db.article.createMany({
      data: Array.from({ length: n }, (_, i) => ({
        channelId: ch.id,
        title: i % 10 === 0 ? `${common} 第${i}篇` : `稿件 第${i}篇`,
        ...body,
        status: "published",
        publishedAt: new Date(base),
        updatedAt: new Date(base + 1000 + i),
      })),
    });
    const now = Date.now();
    const found = await listAdminArticles({ ...all, channelId: ch.id, q: rare }, now);
    expect(found.items.map((i) => i.id)).toEqual([old[1]?.id, old[0]?.id]);
    expect(found.next).toBeNull();
    // Also without the channel (the whole archive of the test database) and from a cursor.
    const anywhere = await listAdminArticles({ ...all, q: rare }, now);
    expect(anywhere.items.map((i) => i.id)).toEqual([old[1]?.id, old[0]?.id]);
    const commonPages = await walk({ ...all, channelId: ch.id, q: common }, now);
    const titles = commonPages.forward.flat();
    expect(titles).toHaveLength(n / 10);
    expect(new Set(titles).size).toBe(n / 10);
    const rows = await db.article.findMany({
      where: { id: { in: titles } },
      select: { id: true, updatedAt: true },
    });
    const sorted = [...rows]
      .sort((x, y) => y.updatedAt.getTime() - x.updatedAt.getTime() || y.id - x.id)
      .map((r) => r.id);
    expect(titles).toEqual(sorted);
    expect(commonPages.backward).toEqual(commonPages.forward);
  }, 60_000);
});
