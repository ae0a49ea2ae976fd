import { beforeEach, describe, expect, it } from "vitest";
import { refreshSimilarFor } from "@/lib/actions/similarity";
import { clearCache } from "@/lib/cache/memo";
import { getDb } from "@/lib/db";
import { getStoryRecommendations } from "@/lib/data/sidebars";
import { makeArticle, makeChannel } from "@/lib/testing/fixtures";

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
});
