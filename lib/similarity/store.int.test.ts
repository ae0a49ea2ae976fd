import { beforeEach, describe, expect, it } from "vitest";
import { CANDIDATES, candidateIds, refreshSimilarFor } from "@/lib/similarity/store";
import { clearCache } from "@/lib/cache/memo";
import { getDb } from "@/lib/db";
import { getStoryRecommendations } from "@/lib/data/sidebars";
import { makeArticle, makeChannel, uniq } from "@/lib/testing/fixtures";

describe("precomputed similarity", () => {
  beforeEach(() => clearCache());

  it("stores a story's neighbours on refresh and 猜你喜欢 reads them", async () => {
    const ch = await makeChannel();
    const other = await makeChannel();
    const base = await makeArticle({
      channelId: ch.id,
      title: "鹧鸪江螺蛳粉作坊扩建",
      body: "鹧鸪江边的螺蛳粉作坊扩建厂房，酸笋发酵车间和米粉生产线同时投产，螺蛳粉日产量翻番。",
    });
    const twin = await makeArticle({
      channelId: other.id,
      title: "鹧鸪江螺蛳粉走出国门",
      body: "鹧鸪江螺蛳粉首次出口，酸笋与米粉按传统工艺制作，螺蛳粉香味吸引海外客商。",
    });
    const unrelated = await makeArticle({
      channelId: other.id,
      title: "老年大学开设书法班",
      body: "老年大学新学期开设书法、太极课程。",
    });
    const db = await getDb();
    await refreshSimilarFor(db, base.id);
    const rows = await db.articleSimilar.findMany({
      where: { articleId: base.id },
      orderBy: { score: "desc" },
    });
    expect(rows[0]?.similarId).toBe(twin.id);
    expect(rows.map((r) => r.similarId)).not.toContain(unrelated.id);
    // The neighbour's list was refreshed too and names the story.
    const back = await db.articleSimilar.findMany({ where: { articleId: twin.id } });
    expect(back.map((r) => r.similarId)).toContain(base.id);

    const recs = await getStoryRecommendations(base.id, ch.id, [], Date.now());
    const shown = [...recs.related, ...recs.youMayLike].map((c) => c.id);
    expect(shown).toContain(twin.id);
  });

  it("drops the list of a story that is no longer published", async () => {
    const ch = await makeChannel();
    const a = await makeArticle({
      channelId: ch.id,
      title: "苗族芦笙节开幕",
      body: "芦笙踩堂，苗族同胞欢度芦笙节。",
    });
    await makeArticle({
      channelId: ch.id,
      title: "芦笙节上的苗族银饰",
      body: "苗族银饰在芦笙节上闪亮登场。",
    });
    const db = await getDb();
    await refreshSimilarFor(db, a.id);
    expect(await db.articleSimilar.count({ where: { articleId: a.id } })).toBeGreaterThan(0);
    await db.article.update({ where: { id: a.id }, data: { status: "unpublished" } });
    await refreshSimilarFor(db, a.id);
    expect(await db.articleSimilar.count({ where: { articleId: a.id } })).toBe(0);
  });

  it("compares a saved story with a bounded set: the newest of the site, its channel and its tags", async () => {
    const db = await getDb();
    const [home, elsewhere, busy] = [await makeChannel(), await makeChannel(), await makeChannel()];
    const tag = uniq("标签");
    const days = (n: number) => new Date(Date.now() - n * 86_400_000);
    const oldSameTag = await makeArticle({ channelId: elsewhere.id, tags: [tag], publishedAt: days(30) });
    const oldUnrelated = await makeArticle({ channelId: elsewhere.id, publishedAt: days(30) });
    // More than CANDIDATES.site newer stories elsewhere push the old ones out of "newest of the site".
    await db.article.createMany({
      data: Array.from({ length: CANDIDATES.site + 10 }, (_, i) => ({
        channelId: busy.id,
        title: `较新的稿件${i}`,
        body: "正文",
        bodyHtml: "<p>正文</p>",
        status: "published",
        publishedAt: days(1),
      })),
    });
    const story = await makeArticle({ channelId: home.id, tags: [tag] });
    const tagId = (await db.tag.findUniqueOrThrow({ where: { name: tag } })).id;
    const ids = await candidateIds(db, { id: story.id, channelId: home.id, tagIds: [tagId] });
    expect(ids).toContain(oldSameTag.id); // shares a tag
    expect(ids).not.toContain(oldUnrelated.id); // neither new, nor in its channel, nor tagged alike
    expect(ids).not.toContain(story.id);
    expect(ids.length).toBeLessThanOrEqual(CANDIDATES.site + CANDIDATES.channel + CANDIDATES.perTag);
  });
});
