import { beforeEach, describe, expect, it } from "vitest";
import { clearCache } from "@/lib/cache/memo";
import { getTagByName, listTagArticles, tagHref } from "@/lib/data/tags";
import { getDb } from "@/lib/db";
import { makeArticle, makeChannel, uniq } from "@/lib/testing/fixtures";
import { minuteNow } from "@/lib/time";

const HOUR = 3_600_000;

beforeEach(() => {
  clearCache();
});

describe("tags", () => {
  it("lists a tag's visible stories newest first, paginated", async () => {
    const ch = await makeChannel();
    const tag = uniq("标签");
    const now = minuteNow().getTime();
    const stories = [];
    for (let i = 0; i < 22; i++)
      stories.push(
        await makeArticle({ channelId: ch.id, tags: [tag], publishedAt: new Date(now - (i + 1) * HOUR) }),
      );
    await makeArticle({ channelId: ch.id, tags: [tag], status: "draft", publishedAt: null });
    await makeArticle({ channelId: ch.id, tags: [tag], publishedAt: new Date(now + HOUR) });
    await makeArticle({ channelId: ch.id, tags: [uniq("别的")] });

    const info = await getTagByName(tag);
    expect(info?.name).toBe(tag);
    const p1 = await listTagArticles(info?.id ?? 0, 1, now);
    const p2 = await listTagArticles(info?.id ?? 0, 2, now);
    expect(p1.total).toBe(22);
    expect(p1.items.map((a) => a.id)).toEqual(stories.slice(0, 20).map((s) => s.id));
    expect(p2.items.map((a) => a.id)).toEqual(stories.slice(20).map((s) => s.id));
  });

  it("knows no unknown tag and has an encoded address", async () => {
    expect(await getTagByName(uniq("没有"))).toBeNull();
    expect(await getTagByName("")).toBeNull();
    expect(tagHref("乡村 振兴/2026")).toBe("/tag/%E4%B9%A1%E6%9D%91%20%E6%8C%AF%E5%85%B4%2F2026");
  });

  it("counts nothing for a tag whose stories are all hidden (the page answers 404)", async () => {
    const ch = await makeChannel();
    const tag = uniq("未发");
    await makeArticle({ channelId: ch.id, tags: [tag], status: "draft", publishedAt: null });
    const info = await getTagByName(tag);
    expect(info).not.toBeNull();
    expect((await listTagArticles(info?.id ?? 0, 1, minuteNow().getTime())).total).toBe(0);
  });

  it("follows every change of a story's status and time, and tags added later", async () => {
    const ch = await makeChannel();
    const tag = uniq("跟随");
    const now = minuteNow().getTime();
    const story = await makeArticle({ channelId: ch.id, tags: [tag], status: "draft", publishedAt: null });
    const tagId = (await getTagByName(tag))?.id ?? 0;
    const db = await getDb();
    const ids = async () => {
      clearCache();
      return (await listTagArticles(tagId, 1, now)).items.map((a) => a.id);
    };
    expect(await ids()).toEqual([]);
    await db.article.update({
      where: { id: story.id },
      data: { status: "published", publishedAt: new Date(now - HOUR) },
    });
    expect(await ids()).toEqual([story.id]);
    await db.article.update({ where: { id: story.id }, data: { publishedAt: new Date(now + HOUR) } }); // rescheduled
    expect(await ids()).toEqual([]);
    expect((await listTagArticles(tagId, 1, now + 2 * HOUR)).items.map((a) => a.id)).toEqual([story.id]);
    await db.article.update({
      where: { id: story.id },
      data: { status: "unpublished", publishedAt: new Date(now - HOUR) },
    });
    expect(await ids()).toEqual([]);

    // A tag added to a live story later, and the order among them: newest first.
    const older = await makeArticle({ channelId: ch.id, publishedAt: new Date(now - 3 * HOUR) });
    const newer = await makeArticle({ channelId: ch.id, tags: [tag], publishedAt: new Date(now - 2 * HOUR) });
    await db.articleTag.create({ data: { articleId: older.id, tagId } });
    expect(await ids()).toEqual([newer.id, older.id]);
    await db.article.delete({ where: { id: newer.id } });
    expect(await ids()).toEqual([older.id]);
  });
});
