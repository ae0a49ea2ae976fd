// 定时撤稿 on the real store: a reviewer sets an unpublish time, readers see the story up to that
// minute and nowhere from it on (page, channel list and count, deep pages, tag list, feeds,
// sitemap), the cache invalidation due at that minute is in the log, a reporter is refused, and
// the next save settles the withdrawn story into an ordinary 已撤下 one.
import { beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { clearCache } from "@/lib/cache/memo";
import {
  countVisibleInChannel,
  getArticle,
  listChannelArticles,
  listLatestInChannel,
} from "@/lib/data/articles";
import { channelPageIds } from "@/lib/data/channel-pages";
import { listFeedStories } from "@/lib/data/feeds";
import { searchArticles } from "@/lib/data/search";
import { parseSearchQuery } from "@/lib/search-text";
import { listSitemapStories } from "@/lib/data/sitemap";
import { getTagByName, listTagArticles } from "@/lib/data/tags";
import { isVisible, visibleWhere } from "@/lib/data/visibility";
import { withdrawnStories } from "@/lib/data/withdrawn";
import { makeArticle, makeChannel, makeUser, storyInput, uniq } from "@/lib/testing/fixtures";
import { UNPUBLISH_MESSAGES } from "@/lib/articles/publication";
import { EDITORIAL_AUDIT } from "@/lib/articles/audit-actions";
import { deriveStatus } from "@/lib/articles/status";
import { saveArticle, type SaveResult } from "@/lib/articles/service";
import { PAGE_SIZE } from "@/lib/pagination";

// Beijing 10:00:30 on 2026-05-01; the unpublish time 11:00 Beijing.
const T0 = new Date("2026-05-01T02:00:30Z");
const END = new Date("2026-05-01T03:00:00Z");
const MIN = 60_000;

function ok(result: SaveResult) {
  if (!result.ok) throw new Error(`${result.error}: ${result.message}`);
  return result;
}

beforeEach(() => clearCache());

/** A live story published an hour before T0 by an editor, with 撤稿时间 END set by that editor. */
async function liveWithEnd(tag: string) {
  const db = await getDb();
  const ch = await makeChannel();
  const editor = await makeUser("editor");
  const published = ok(
    await saveArticle(
      db,
      editor,
      {
        id: null,
        version: null,
        intent: "publish",
        input: storyInput(ch.id, { publishedAt: "2026-05-01T09:00", tags: tag }),
      },
      T0,
    ),
  );
  const row = await db.article.findUniqueOrThrow({ where: { id: published.id } });
  const saved = ok(
    await saveArticle(
      db,
      editor,
      {
        id: published.id,
        version: row.updatedAt.getTime(),
        intent: "save",
        input: storyInput(ch.id, {
          title: row.title,
          publishedAt: "2026-05-01T09:00",
          unpublishAt: "2026-05-01T11:00",
          tags: tag,
        }),
      },
      T0,
    ),
  );
  return { ch, editor, id: saved.id, saved };
}

describe("scheduled unpublish (定时撤稿)", () => {
  it("is stored and audited, and records the cache invalidation due at its minute", async () => {
    const db = await getDb();
    const { id, saved } = await liveWithEnd(uniq("撤稿"));
    expect(saved.values.unpublishAt).toBe("2026-05-01T11:00");
    expect(saved.displayStatus).toBe("published");
    const row = await db.article.findUniqueOrThrow({ where: { id } });
    expect(row.unpublishAt).toEqual(END);
    const due = await db.cacheInvalidation.findMany({
      where: { dueAt: END, tag: { in: ["site", `article:${id}`] } },
    });
    expect(new Set(due.map((d) => d.tag))).toEqual(new Set(["site", `article:${id}`]));
    const audit = await db.auditLog.findMany({
      where: { articleId: id, action: EDITORIAL_AUDIT.unpublishScheduled },
    });
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]!.detail)).toMatchObject({ unpublishAt: END.toISOString(), was: null });
  });

  it("readers see the story up to the minute and nowhere from it on", async () => {
    const tag = uniq("撤稿");
    const { ch, id } = await liveWithEnd(tag);
    const other = await makeArticle({
      channelId: ch.id,
      publishedAt: new Date(T0.getTime() - 2 * 3_600_000),
    });
    const before = END.getTime() - 1;
    const after = END.getTime();
    const story = await getArticle(id);
    expect(story && isVisible(story, before)).toBe(true);
    expect(story && isVisible(story, after)).toBe(false);
    expect(deriveStatus(story!, after)).toBe("unpublished");

    const ids = async (nowMs: number) => (await listChannelArticles(ch.id, 1, nowMs)).items.map((c) => c.id);
    expect(await ids(before)).toEqual([id, other.id]);
    expect(await ids(after)).toEqual([other.id]);
    expect((await listChannelArticles(ch.id, 1, before)).total).toBe(2);
    expect((await listChannelArticles(ch.id, 1, after)).total).toBe(1);
    expect(await countVisibleInChannel(ch.id, after)).toBe(1);
    expect((await listLatestInChannel(ch.id, 5, after)).map((c) => c.id)).toEqual([other.id]);

    const t = await getTagByName(tag);
    expect((await listTagArticles(t!.id, 1, before)).total).toBe(1);
    const gone = await listTagArticles(t!.id, 1, after);
    expect(gone).toEqual({ items: [], total: 0 });

    const feed = async (nowMs: number) => (await listFeedStories(ch.id, 10, nowMs)).map((s) => s.href);
    expect((await feed(before)).some((h) => h.endsWith(`/${id}`))).toBe(true);
    expect((await feed(after)).some((h) => h.endsWith(`/${id}`))).toBe(false);
    const sitemap = async (nowMs: number) => (await listSitemapStories(id - 1, id, nowMs)).length;
    expect(await sitemap(before)).toBe(1);
    expect(await sitemap(after)).toBe(0);
    const parsed = parseSearchQuery(story!.title);
    if (parsed.kind !== "ok") throw new Error("title is no query");
    const search = async (nowMs: number) =>
      (await searchArticles({ terms: parsed.terms, channelId: ch.id, page: 1, nowMs })).items.map(
        (r) => r.id,
      );
    expect(await search(before)).toEqual([id]);
    expect(await search(after)).toEqual([]);
    // Left out in the search itself (by id), so its count of matches agrees.
    expect(
      (await searchArticles({ terms: parsed.terms, channelId: ch.id, page: 1, nowMs: after })).total,
    ).toBe(0);
    expect((await withdrawnStories(after)).map((s) => s.id)).toContain(id);
    expect((await withdrawnStories(before)).map((s) => s.id)).not.toContain(id);
  });

  it("deep channel pages found by the day and month counts leave the withdrawn story out", async () => {
    const db = await getDb();
    const ch = await makeChannel();
    const day = 86_400_000;
    // 3 pages over 12 days; one story on day 5 withdrawn at END, one still to go.
    const made = [];
    for (let i = 0; i < PAGE_SIZE * 2 + 7; i++) {
      made.push(
        await makeArticle({
          channelId: ch.id,
          publishedAt: new Date(T0.getTime() - day * Math.floor(i / 4) - (i % 4) * MIN - MIN),
        }),
      );
    }
    await db.article.update({ where: { id: made[20]!.id }, data: { unpublishAt: END } });
    await db.article.update({
      where: { id: made[30]!.id },
      data: { unpublishAt: new Date(END.getTime() + day) },
    });
    for (const nowMs of [END.getTime() - 1, END.getTime()]) {
      const all = await db.article.findMany({
        where: { channelId: ch.id, ...visibleWhere(nowMs) },
        orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
        select: { id: true },
      });
      expect(all.length).toBe(nowMs < END.getTime() ? made.length : made.length - 1);
      expect(await countVisibleInChannel(ch.id, nowMs)).toBe(all.length);
      for (const page of [1, 2, 3]) {
        const want = all.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE).map((r) => r.id);
        expect(await channelPageIds(ch.id, page, nowMs, undefined, 0), `page ${page} at ${nowMs}`).toEqual(
          want,
        );
      }
    }
  });

  it("a reporter's form cannot set, move or clear it; sending it back unchanged is fine", async () => {
    const db = await getDb();
    const ch = await makeChannel();
    const reporter = await makeUser("reporter", { channels: [ch.id] });
    const refused = await saveArticle(
      db,
      reporter,
      {
        id: null,
        version: null,
        intent: "save",
        input: storyInput(ch.id, { unpublishAt: "2026-05-02T10:00" }),
      },
      T0,
    );
    expect(refused).toMatchObject({
      ok: false,
      error: "invalid",
      errors: { unpublishAt: [UNPUBLISH_MESSAGES.forbidden] },
    });

    // The reporter's own draft, given an unpublish time by the desk.
    const draft = ok(
      await saveArticle(
        db,
        reporter,
        { id: null, version: null, intent: "save", input: storyInput(ch.id) },
        T0,
      ),
    );
    await db.article.update({ where: { id: draft.id }, data: { unpublishAt: END } });
    const row = await db.article.findUniqueOrThrow({ where: { id: draft.id } });
    const save = (unpublishAt: string) =>
      saveArticle(
        db,
        reporter,
        {
          id: draft.id,
          version: row.updatedAt.getTime(),
          intent: "save",
          input: storyInput(ch.id, { title: row.title, unpublishAt }),
        },
        T0,
      );
    for (const value of ["", "2026-05-01T12:00"]) {
      expect(await save(value)).toMatchObject({
        ok: false,
        errors: { unpublishAt: [UNPUBLISH_MESSAGES.forbidden] },
      });
    }
    expect((await db.article.findUniqueOrThrow({ where: { id: draft.id } })).unpublishAt).toEqual(END);
    ok(await save("2026-05-01T11:00"));
    expect((await db.article.findUniqueOrThrow({ where: { id: draft.id } })).unpublishAt).toEqual(END);
  });

  it("refuses a time before the publish time or already past, keeping the stored one", async () => {
    const db = await getDb();
    const { id, editor, ch } = await liveWithEnd(uniq("撤稿"));
    const row = await db.article.findUniqueOrThrow({ where: { id } });
    const save = (unpublishAt: string) =>
      saveArticle(
        db,
        editor,
        {
          id,
          version: row.updatedAt.getTime(),
          intent: "save",
          input: storyInput(ch.id, { title: row.title, publishedAt: "2026-05-01T09:00", unpublishAt }),
        },
        T0,
      );
    expect(await save("2026-05-01T08:00")).toMatchObject({
      ok: false,
      errors: { unpublishAt: [UNPUBLISH_MESSAGES.inPast] },
    });
    const scheduled = await saveArticle(
      db,
      editor,
      {
        id,
        version: row.updatedAt.getTime(),
        intent: "schedule",
        input: storyInput(ch.id, {
          title: row.title,
          publishedAt: "2026-05-01T12:00",
          unpublishAt: "2026-05-01T11:00",
        }),
      },
      T0,
    );
    expect(scheduled).toMatchObject({
      ok: false,
      errors: { unpublishAt: [UNPUBLISH_MESSAGES.beforePublish] },
    });
    expect((await db.article.findUniqueOrThrow({ where: { id } })).unpublishAt).toEqual(END);
  });

  it("clearing it cancels it (audited); the next save of any story settles a withdrawn one", async () => {
    const db = await getDb();
    const a = await liveWithEnd(uniq("撤稿"));
    const row = await db.article.findUniqueOrThrow({ where: { id: a.id } });
    ok(
      await saveArticle(
        db,
        a.editor,
        {
          id: a.id,
          version: row.updatedAt.getTime(),
          intent: "save",
          input: storyInput(a.ch.id, { title: row.title, publishedAt: "2026-05-01T09:00", unpublishAt: "" }),
        },
        T0,
      ),
    );
    expect((await db.article.findUniqueOrThrow({ where: { id: a.id } })).unpublishAt).toBeNull();
    expect(
      await db.auditLog.count({ where: { articleId: a.id, action: EDITORIAL_AUDIT.unpublishCancelled } }),
    ).toBe(1);

    const b = await liveWithEnd(uniq("撤稿"));
    const countBefore = await countVisibleInChannel(b.ch.id, END.getTime());
    // Any save after END settles b: 已撤下 in the database, the counts kept by triggers agree.
    ok(
      await saveArticle(
        db,
        a.editor,
        { id: null, version: null, intent: "save", input: storyInput(a.ch.id) },
        new Date(END.getTime() + MIN),
      ),
    );
    const settled = await db.article.findUniqueOrThrow({ where: { id: b.id } });
    expect(settled).toMatchObject({ status: "unpublished", unpublishAt: null });
    expect((await withdrawnStories(END.getTime())).map((s) => s.id)).not.toContain(b.id);
    expect(await countVisibleInChannel(b.ch.id, END.getTime())).toBe(countBefore);
  });
});
