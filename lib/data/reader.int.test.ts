// Integration tests of the reader-side data functions against the real temporary SQLite database
// (lib/testing/global-setup.ts). Other test files share the database, so assertions are scoped to
// rows made here; site-wide lists are checked by membership and relative order only.
import { beforeEach, describe, expect, it } from "vitest";
import { flushViews, recordView } from "@/lib/views/record-view";

const BROWSER_UA =
  "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Safari/537.36";
let clientNo = 0;
/** One reader's view (a new client each time, so dedupe does not apply), written at once. */
async function view(articleId: number, at: number = Date.now()): Promise<void> {
  recordView(articleId, { address: `198.51.100.${clientNo++ % 250}:${clientNo}`, userAgent: BROWSER_UA }, at);
  await flushViews();
}
import { clearCache } from "@/lib/cache/memo";
import { getDb } from "@/lib/db";
import {
  getArticle,
  listCardsByIds,
  listChannelArticles,
  listLatest,
  listLatestInChannel,
} from "@/lib/data/articles";
import { TAGS } from "@/lib/data/cache-tags";
import { listApprovedComments } from "@/lib/data/comments";
import {
  getCommunityStories,
  getHotRanking,
  getPictureHighlights,
  getRecommended,
  getStoryRecommendations,
  TAG_CANDIDATES,
} from "@/lib/data/sidebars";
import { isVisible } from "@/lib/data/visibility";
import { isPostgres } from "@/lib/database-url";
import { env } from "@/lib/env";
import { PAGE_SIZE } from "@/lib/pagination";
import { POSTGRES_SESSION } from "@/lib/prisma-factory";
import { readSqlitePragma } from "@/lib/sqlite";
import { HOUR_MS } from "@/lib/time";
import { invalidate, makeArticle, makeChannel, uniq } from "@/lib/testing/fixtures";

const MINUTE = 60_000;

beforeEach(() => {
  clearCache();
});

const idsOf = (rows: readonly { id: number }[]) => rows.map((r) => r.id);

// Each store's connection settings; the other store has no such settings.
describe.skipIf(isPostgres(env.DATABASE_URL))("SQLite connection", () => {
  it("has the pragmas applied", async () => {
    const db = await getDb();
    expect((await readSqlitePragma(db, "journal_mode")).toLowerCase()).toBe("wal");
    expect(await readSqlitePragma(db, "foreign_keys")).toBe("1");
    expect(await readSqlitePragma(db, "busy_timeout")).toBe("5000");
    expect(await readSqlitePragma(db, "synchronous")).toBe("1"); // NORMAL
  });
});

describe.skipIf(!isPostgres(env.DATABASE_URL))("PostgreSQL connection", () => {
  it("has the session settings on every connection of the pool", async () => {
    const db = await getDb();
    // Three transactions open at once hold three connections of the pool.
    const sessions = await Promise.all(
      [0, 1, 2].map(() =>
        db.$transaction(async (tx) => {
          const [row] = await tx.$queryRaw<
            { pid: number; timeZone: string; timeout: string; app: string }[]
          >`SELECT pg_backend_pid() AS "pid", current_setting('TimeZone') AS "timeZone",
                   current_setting('statement_timeout') AS "timeout",
                   current_setting('application_name') AS "app", pg_sleep(0.1)::text`;
          return row;
        }),
      ),
    );
    expect(new Set(sessions.map((s) => s?.pid)).size).toBe(3);
    for (const s of sessions) {
      expect(s?.timeZone).toBe(POSTGRES_SESSION.timeZone);
      expect(s?.timeout).toBe(`${POSTGRES_SESSION.statementTimeoutMs / 1000}s`);
      expect(s?.app).toBe(POSTGRES_SESSION.applicationName);
    }
  });
});

describe("getArticle", () => {
  it("returns the story with its tags (sorted), rendered body and channel link", async () => {
    const ch = await makeChannel();
    const tagB = uniq("乙标签");
    const tagA = uniq("甲标签");
    const a = await makeArticle({
      channelId: ch.id,
      title: "柳江区新建三座桥",
      body: "**重点**内容\n\n[来源](https://example.com/src)",
      tags: [tagB, tagA],
    });
    const got = await getArticle(a.id);
    expect(got).not.toBeNull();
    expect(got?.id).toBe(a.id);
    expect(got?.title).toBe("柳江区新建三座桥");
    expect(got?.href).toBe(`/${ch.slug}/${a.id}`);
    expect(got?.channel).toEqual({ id: ch.id, slug: ch.slug, name: ch.name });
    expect(got?.status).toBe("published");
    expect(got?.tags).toEqual([tagA, tagB].sort());
    expect(got?.bodyHtml).toContain("<strong>重点</strong>");
    expect(got?.bodyHtml).toContain('href="https://example.com/src"');
    expect(got?.image).toBeNull();
    expect(got?.viewCount).toBe(0);
    expect(got?.description).toBe("测试摘要");
  });

  it("describes a story without a summary by the opening words of its body (share card, meta)", async () => {
    const ch = await makeChannel();
    const a = await makeArticle({
      channelId: ch.id,
      body: "柳江区百朋镇的荷塘迎来挖藕季，藕农天不亮就下田。",
    });
    await (await getDb()).article.update({ where: { id: a.id }, data: { summary: "" } });
    expect((await getArticle(a.id))?.description).toBe("柳江区百朋镇的荷塘迎来挖藕季，藕农天不亮就下田。");
  });

  it("returns null for a missing id", async () => {
    expect(await getArticle(2_147_483_000)).toBeNull();
  });

  it("returns hidden stories too; the caller decides with isVisible", async () => {
    const ch = await makeChannel();
    const draft = await makeArticle({ channelId: ch.id, status: "draft" });
    const got = await getArticle(draft.id);
    expect(got?.status).toBe("draft");
    expect(
      isVisible({ status: "draft", publishedAt: draft.publishedAt, unpublishAt: null }, Date.now()),
    ).toBe(false);
  });

  it("serves the cached copy until the article's tag is invalidated", async () => {
    const ch = await makeChannel();
    const a = await makeArticle({ channelId: ch.id, title: "旧标题" });
    expect((await getArticle(a.id))?.title).toBe("旧标题");
    const db = await getDb();
    await db.article.update({ where: { id: a.id }, data: { title: "新标题" } });
    expect((await getArticle(a.id))?.title).toBe("旧标题");
    await invalidate(TAGS.article(a.id));
    expect((await getArticle(a.id))?.title).toBe("新标题");
  });
});

describe("isVisible", () => {
  it("needs status published and a publish time not in the future", () => {
    const now = Date.parse("2026-03-01T00:00:00Z");
    const at = (ms: number | null, status = "published") => ({
      status,
      publishedAt: ms === null ? null : new Date(ms),
      unpublishAt: null,
    });
    expect(isVisible(at(now), now)).toBe(true);
    expect(isVisible(at(now + 1), now)).toBe(false);
    expect(isVisible(at(null), now)).toBe(false);
    expect(isVisible(at(now - 1, "unpublished"), now)).toBe(false);
    expect(isVisible(at(now - 1, "draft"), now)).toBe(false);
  });

  it("ends at the scheduled unpublish time (定时撤稿), to the millisecond", () => {
    const now = Date.parse("2026-03-01T00:00:00Z");
    const story = { status: "published", publishedAt: new Date(now - 60_000), unpublishAt: new Date(now) };
    expect(isVisible(story, now - 1)).toBe(true);
    expect(isVisible(story, now)).toBe(false);
  });
});

describe("visibility in lists", () => {
  it("excludes drafts, unpublished, undated and future-scheduled stories", async () => {
    const ch = await makeChannel();
    const now = Date.now();
    const published = await makeArticle({ channelId: ch.id, publishedAt: new Date(now - HOUR_MS) });
    const draft = await makeArticle({
      channelId: ch.id,
      status: "draft",
      publishedAt: new Date(now - 2 * HOUR_MS),
    });
    const unpublished = await makeArticle({
      channelId: ch.id,
      status: "unpublished",
      publishedAt: new Date(now - 2 * HOUR_MS),
    });
    const undated = await makeArticle({ channelId: ch.id, publishedAt: null });
    const scheduled = await makeArticle({ channelId: ch.id, publishedAt: new Date(now + 10 * MINUTE) });
    const hidden = [draft.id, unpublished.id, undated.id, scheduled.id];
    const nowMs = now + 1000;

    expect(idsOf(await listLatestInChannel(ch.id, 50, nowMs))).toEqual([published.id]);
    const page = await listChannelArticles(ch.id, 1, nowMs);
    expect(idsOf(page.items)).toEqual([published.id]);
    expect(page.total).toBe(1);
    expect(idsOf(await listCardsByIds([...hidden, published.id], nowMs))).toEqual([published.id]);
    const latest = idsOf(await listLatest(200, nowMs));
    for (const id of hidden) expect(latest).not.toContain(id);
  });

  it("shows a scheduled story once nowMs passes its publish time", async () => {
    const ch = await makeChannel();
    const now = Date.now();
    const older = await makeArticle({ channelId: ch.id, publishedAt: new Date(now - HOUR_MS) });
    const at = new Date(now + 10 * MINUTE);
    const scheduled = await makeArticle({ channelId: ch.id, publishedAt: at });

    expect(idsOf(await listLatestInChannel(ch.id, 10, at.getTime() - 1))).toEqual([older.id]);
    expect(idsOf(await listLatestInChannel(ch.id, 10, at.getTime()))).toEqual([scheduled.id, older.id]);
    const page = await listChannelArticles(ch.id, 1, at.getTime() + MINUTE);
    expect(idsOf(page.items)).toEqual([scheduled.id, older.id]);
    expect(page.total).toBe(2);
  });
});

describe("listChannelArticles", () => {
  it("pages newest first with totals and no overlap", async () => {
    const ch = await makeChannel();
    const base = Date.now() - HOUR_MS;
    const made: number[] = [];
    // Created oldest first, so ids ascend while publishedAt ascends: order must come from publishedAt.
    for (let i = 44; i >= 0; i--) {
      const a = await makeArticle({ channelId: ch.id, publishedAt: new Date(base - i * MINUTE) });
      made.push(a.id);
    }
    const newestFirst = [...made].reverse();
    const nowMs = Date.now() + 1000;

    const p1 = await listChannelArticles(ch.id, 1, nowMs);
    const p2 = await listChannelArticles(ch.id, 2, nowMs);
    const p3 = await listChannelArticles(ch.id, 3, nowMs);
    const p4 = await listChannelArticles(ch.id, 4, nowMs);
    expect(PAGE_SIZE).toBe(20);
    expect([p1.total, p2.total, p3.total, p4.total]).toEqual([45, 45, 45, 45]);
    expect(p1.items).toHaveLength(20);
    expect(p2.items).toHaveLength(20);
    expect(p3.items).toHaveLength(5);
    expect(p4.items).toHaveLength(0);
    expect(idsOf(p1.items)).toEqual(newestFirst.slice(0, 20));
    expect(idsOf(p2.items)).toEqual(newestFirst.slice(20, 40));
    expect(idsOf(p3.items)).toEqual(newestFirst.slice(40));
    const all = [...idsOf(p1.items), ...idsOf(p2.items), ...idsOf(p3.items)];
    expect(new Set(all).size).toBe(45);
    for (const card of p1.items) expect(card.href).toBe(`/${ch.slug}/${card.id}`);
  });

  it("orders stories with the same publish time by id, newest id first", async () => {
    const ch = await makeChannel();
    const at = new Date(Date.now() - HOUR_MS);
    const a = await makeArticle({ channelId: ch.id, publishedAt: at });
    const b = await makeArticle({ channelId: ch.id, publishedAt: at });
    const page = await listChannelArticles(ch.id, 1, Date.now() + 1000);
    expect(idsOf(page.items)).toEqual([b.id, a.id]);
  });
});

describe("getHotRanking", () => {
  it("ranks by recorded views and reports the window's view count", async () => {
    const ch = await makeChannel();
    const a = await makeArticle({ channelId: ch.id });
    const b = await makeArticle({ channelId: ch.id });
    // b first, and more often at first: a must overtake it.
    for (let i = 0; i < 2; i++) await view(b.id);
    for (let i = 0; i < 5; i++) await view(a.id);
    const ranking = await getHotRanking("24h", 200, Date.now() + 1000);
    const ids = idsOf(ranking);
    expect(ids).toContain(a.id);
    expect(ids).toContain(b.id);
    expect(ids.indexOf(a.id)).toBeLessThan(ids.indexOf(b.id));
    expect(ranking.find((r) => r.id === a.id)?.views).toBe(5);
    expect(ranking.find((r) => r.id === b.id)?.views).toBe(2);
    expect((await getArticle(a.id))?.viewCount).toBe(5);
  });

  it("moves a story up when it gets more views (after the views tag is invalidated)", async () => {
    const ch = await makeChannel();
    const a = await makeArticle({ channelId: ch.id });
    const b = await makeArticle({ channelId: ch.id });
    for (let i = 0; i < 3; i++) await view(a.id);
    await view(b.id);
    const nowMs = Date.now() + 1000;
    let ids = idsOf(await getHotRanking("24h", 200, nowMs));
    expect(ids.indexOf(a.id)).toBeLessThan(ids.indexOf(b.id));

    for (let i = 0; i < 4; i++) await view(b.id);
    // Cached for the same minute argument ...
    ids = idsOf(await getHotRanking("24h", 200, nowMs));
    expect(ids.indexOf(a.id)).toBeLessThan(ids.indexOf(b.id));
    // ... until an editorial write drops the lists (or the TTL passes).
    await invalidate(TAGS.site);
    const fresh = await getHotRanking("24h", 200, nowMs);
    ids = idsOf(fresh);
    expect(ids.indexOf(b.id)).toBeLessThan(ids.indexOf(a.id));
    expect(fresh.find((r) => r.id === b.id)?.views).toBe(5);
  });

  it("counts old views only in the longer windows", async () => {
    const ch = await makeChannel();
    const old = await makeArticle({ channelId: ch.id, publishedAt: new Date(Date.now() - 5 * 24 * HOUR_MS) });
    const threeDaysAgo = new Date(Date.now() - 3 * 24 * HOUR_MS);
    for (let i = 0; i < 4; i++) await view(old.id, threeDaysAgo.getTime());
    const nowMs = Date.now() + 1000;
    expect(idsOf(await getHotRanking("24h", 500, nowMs))).not.toContain(old.id);
    const week = await getHotRanking("7d", 500, nowMs);
    expect(week.find((r) => r.id === old.id)?.views).toBe(4);
  });

  it("leaves out stories that are no longer visible", async () => {
    const ch = await makeChannel();
    const gone = await makeArticle({ channelId: ch.id });
    for (let i = 0; i < 3; i++) await view(gone.id);
    const db = await getDb();
    await db.article.update({ where: { id: gone.id }, data: { status: "unpublished" } });
    expect(idsOf(await getHotRanking("24h", 500, Date.now() + 1000))).not.toContain(gone.id);
  });
});

describe("getRecommended", () => {
  it("prefers the channel's editors' picks, fills with the latest, never the excluded story", async () => {
    const ch = await makeChannel();
    const other = await makeChannel();
    const t = Date.now() - 10 * HOUR_MS;
    const pickOld = await makeArticle({ channelId: ch.id, isRecommended: true, publishedAt: new Date(t) });
    const pickNew = await makeArticle({
      channelId: ch.id,
      isRecommended: true,
      publishedAt: new Date(t + MINUTE),
    });
    const pickSelf = await makeArticle({
      channelId: ch.id,
      isRecommended: true,
      publishedAt: new Date(t + 2 * MINUTE),
    });
    const pickDraft = await makeArticle({
      channelId: ch.id,
      isRecommended: true,
      status: "draft",
      publishedAt: new Date(t + 3 * MINUTE),
    });
    const latest1 = await makeArticle({ channelId: ch.id, publishedAt: new Date(t + 9 * MINUTE) });
    const latest2 = await makeArticle({ channelId: ch.id, publishedAt: new Date(t + 8 * MINUTE) });
    const latest3 = await makeArticle({ channelId: ch.id, publishedAt: new Date(t + 7 * MINUTE) });
    await makeArticle({ channelId: other.id, isRecommended: true, publishedAt: new Date(t + 20 * MINUTE) });
    const nowMs = Date.now() + 1000;

    const four = await getRecommended(ch.id, pickSelf.id, 4, nowMs);
    expect(idsOf(four)).toEqual([pickNew.id, pickOld.id, latest1.id, latest2.id]);

    const two = await getRecommended(ch.id, pickSelf.id, 2, nowMs);
    expect(idsOf(two)).toEqual([pickNew.id, pickOld.id]);

    // Excluding the newest story: the fill skips it.
    const fill = await getRecommended(ch.id, latest1.id, 5, nowMs);
    expect(idsOf(fill)).toEqual([pickSelf.id, pickNew.id, pickOld.id, latest2.id, latest3.id]);
    for (const list of [four, two, fill]) {
      expect(new Set(idsOf(list)).size).toBe(list.length);
      for (const c of list) expect(c.channel.id).toBe(ch.id);
      expect(idsOf(list)).not.toContain(pickDraft.id);
    }
    expect(idsOf(fill)).not.toContain(latest1.id);
    expect(idsOf(four)).not.toContain(pickSelf.id);
  });
});

describe("getStoryRecommendations", () => {
  it("related: shares tags, same channel first, never self; youMayLike excludes related, shown and self", async () => {
    const chX = await makeChannel();
    const chY = await makeChannel();
    const t1 = uniq("标签");
    const t2 = uniq("标签");
    const base = Date.now() - 2 * HOUR_MS;
    const at = (minutesAgo: number) => new Date(base - minutesAgo * MINUTE);

    const self = await makeArticle({ channelId: chX.id, tags: [t1, t2], publishedAt: at(0) });
    const x2 = await makeArticle({ channelId: chX.id, tags: [t1, t2], publishedAt: at(50) });
    const x1 = await makeArticle({ channelId: chX.id, tags: [t1], publishedAt: at(60) });
    const y2 = await makeArticle({ channelId: chY.id, tags: [t1, t2], publishedAt: at(70) });
    const y1a = await makeArticle({ channelId: chY.id, tags: [t2], publishedAt: at(1) });
    const y1b = await makeArticle({ channelId: chY.id, tags: [t1], publishedAt: at(2) });
    const y1c = await makeArticle({ channelId: chY.id, tags: [t1], publishedAt: at(3) });
    const y1d = await makeArticle({ channelId: chY.id, tags: [t1], publishedAt: at(4) });
    const y1e = await makeArticle({ channelId: chY.id, tags: [t1], publishedAt: at(5) });
    const draft = await makeArticle({
      channelId: chX.id,
      tags: [t1, t2],
      status: "draft",
      publishedAt: at(1),
    });
    const untagged = await makeArticle({ channelId: chX.id, publishedAt: at(1) });

    // Make the story itself and a related one the hottest stories, so the popular fallback of
    // 猜你喜欢 would pick them if it did not exclude them.
    for (let i = 0; i < 40; i++) await view(self.id);
    for (let i = 0; i < 30; i++) await view(x2.id);
    for (let i = 0; i < 20; i++) await view(draft.id);

    const nowMs = Date.now() + 1000;
    const { related, youMayLike } = await getStoryRecommendations(self.id, chX.id, [y1d.id], nowMs);

    expect(idsOf(related)).toEqual([x2.id, x1.id, y2.id, y1a.id, y1b.id, y1c.id]);

    const like = idsOf(youMayLike);
    // The one tag neighbour left over comes first; the rest is the popular fallback.
    expect(like[0]).toBe(y1e.id);
    expect(like.length).toBeLessThanOrEqual(6);
    expect(new Set(like).size).toBe(like.length);
    for (const id of [self.id, y1d.id, draft.id, ...idsOf(related)]) expect(like).not.toContain(id);
    expect(idsOf(related)).not.toContain(self.id);
    expect(idsOf(related)).not.toContain(draft.id);
    expect(idsOf(related)).not.toContain(untagged.id);
  });

  it("related: a new story on a busy tag is among the candidates (the newest are read, not the oldest)", async () => {
    const chX = await makeChannel();
    const chY = await makeChannel();
    const busy = uniq("民生");
    const now = Date.now();
    const self = await makeArticle({
      channelId: chX.id,
      tags: [busy],
      publishedAt: new Date(now - 5 * MINUTE),
    });
    // More older stories on the tag than are read, written first (lower ids).
    for (let i = 0; i < TAG_CANDIDATES + 5; i++) {
      await makeArticle({ channelId: chY.id, tags: [busy], publishedAt: new Date(now - (i + 1) * HOUR_MS) });
    }
    const fresh = await makeArticle({ channelId: chY.id, tags: [busy], publishedAt: new Date(now - MINUTE) });
    const { related } = await getStoryRecommendations(self.id, chX.id, [], now + 1000);
    expect(idsOf(related)[0]).toBe(fresh.id);
  });

  it("admits an untagged story through precomputed similarity only", async () => {
    const ch = await makeChannel();
    const self = await makeArticle({ channelId: ch.id, tags: [uniq("孤标签")] });
    const similar = await makeArticle({ channelId: ch.id });
    const notSimilar = await makeArticle({ channelId: ch.id });
    const db = await getDb();
    await db.articleSimilar.create({ data: { articleId: self.id, similarId: similar.id, score: 0.6 } });
    const { related, youMayLike } = await getStoryRecommendations(self.id, ch.id, [], Date.now() + 1000);
    expect(idsOf(related)).toEqual([similar.id]);
    expect(idsOf(youMayLike)).not.toContain(similar.id);
    expect(idsOf(youMayLike)).not.toContain(self.id);
    expect(idsOf(related)).not.toContain(notSimilar.id);
  });
});

describe("getCommunityStories", () => {
  it("returns only community stories, newest first", async () => {
    const ch = await makeChannel();
    const now = Date.now();
    const older = await makeArticle({
      channelId: ch.id,
      isCommunity: true,
      publishedAt: new Date(now - 2000),
    });
    const newer = await makeArticle({
      channelId: ch.id,
      isCommunity: true,
      publishedAt: new Date(now - 1000),
    });
    const plain = await makeArticle({
      channelId: ch.id,
      isCommunity: false,
      publishedAt: new Date(now - 500),
    });
    const hidden = await makeArticle({
      channelId: ch.id,
      isCommunity: true,
      status: "draft",
      publishedAt: new Date(now - 500),
    });
    const list = await getCommunityStories(100, now + 1000);
    const ids = idsOf(list);
    expect(ids.slice(0, 2)).toEqual([newer.id, older.id]);
    expect(ids).not.toContain(plain.id);
    expect(ids).not.toContain(hidden.id);
    const db = await getDb();
    const flags = await db.article.findMany({
      where: { id: { in: ids } },
      select: { isCommunity: true, status: true },
    });
    expect(flags.every((f) => f.isCommunity && f.status === "published")).toBe(true);
    const times = list.map((c) => c.publishedAt.getTime());
    expect(times).toEqual([...times].sort((x, y) => y - x));
  });
});

describe("getPictureHighlights", () => {
  it("returns only visible stories with a lead image", async () => {
    const ch = await makeChannel();
    const db = await getDb();
    const key = uniq("test/pic-");
    const image = await db.image.create({
      data: {
        key,
        mime: "image/jpeg",
        width: 1280,
        height: 720,
        bytes: 12345,
        alt: "江边",
        caption: "柳江夜景",
        credit: "记者",
      },
    });
    const now = Date.now();
    const withImage = await makeArticle({
      channelId: ch.id,
      leadImageId: image.id,
      publishedAt: new Date(now - 1000),
    });
    const without = await makeArticle({ channelId: ch.id, publishedAt: new Date(now - 500) });
    const hidden = await makeArticle({
      channelId: ch.id,
      leadImageId: image.id,
      status: "draft",
      publishedAt: new Date(now - 500),
    });
    const list = await getPictureHighlights(24, now + 1000);
    const ids = idsOf(list);
    expect(ids).toContain(withImage.id);
    expect(ids).not.toContain(without.id);
    expect(ids).not.toContain(hidden.id);
    for (const card of list) expect(card.image).not.toBeNull();
    const card = list.find((c) => c.id === withImage.id);
    expect(card?.image?.src).toContain(key);
    expect(card?.image?.caption).toBe("柳江夜景");
  });
});

describe("listApprovedComments", () => {
  it("returns only approved comments, newest first, paged by 10", async () => {
    const ch = await makeChannel();
    const article = await makeArticle({ channelId: ch.id });
    const otherArticle = await makeArticle({ channelId: ch.id });
    const db = await getDb();
    const base = Date.now() - HOUR_MS;
    const approved: number[] = [];
    for (let i = 0; i < 12; i++) {
      const c = await db.comment.create({
        data: {
          articleId: article.id,
          body: `评论${i}`,
          status: "approved",
          createdAt: new Date(base + i * MINUTE),
        },
      });
      approved.push(c.id);
    }
    const pending = await db.comment.create({
      data: {
        articleId: article.id,
        body: "待审",
        status: "pending",
        createdAt: new Date(base + 30 * MINUTE),
      },
    });
    const rejected = await db.comment.create({
      data: {
        articleId: article.id,
        body: "拒绝",
        status: "rejected",
        createdAt: new Date(base + 31 * MINUTE),
      },
    });
    await db.comment.create({
      data: {
        articleId: otherArticle.id,
        body: "别处",
        status: "approved",
        createdAt: new Date(base + 32 * MINUTE),
      },
    });

    const p1 = await listApprovedComments(article.id, 1);
    const p2 = await listApprovedComments(article.id, 2);
    const newestFirst = [...approved].reverse();
    expect(p1.total).toBe(12);
    expect(idsOf(p1.items)).toEqual(newestFirst.slice(0, 10));
    expect(idsOf(p2.items)).toEqual(newestFirst.slice(10));
    const all = [...idsOf(p1.items), ...idsOf(p2.items)];
    expect(all).not.toContain(pending.id);
    expect(all).not.toContain(rejected.id);
    expect(p1.items[0]?.body).toBe("评论11");
    expect(p1.items[0]?.nickname).toBe("网友");
  });
});
