import { describe, expect, it } from "vitest";
import { SimilarityIndex, tokenize } from "@/lib/similarity/tfidf";

const docs = [
  {
    id: 1,
    title: "柳州螺蛳粉产业园新添三条生产线",
    body: "螺蛳粉企业扩大产能，袋装螺蛳粉日产量突破百万袋，酸笋、米粉等原料基地带动农户增收。",
    tags: ["螺蛳粉", "产业"],
  },
  {
    id: 2,
    title: "螺蛳粉小镇迎来周末客流高峰",
    body: "游客排队品尝现煮螺蛳粉，酸笋的香气飘满街巷，不少人还买了袋装螺蛳粉带回家。",
    tags: ["螺蛳粉", "旅游"],
  },
  {
    id: 3,
    title: "三江侗族大歌进校园",
    body: "侗族大歌传承人走进小学课堂，孩子们学唱多声部民歌，非遗传承后继有人。",
    tags: ["非遗", "教育"],
  },
  {
    id: 4,
    title: "融安金桔喜获丰收",
    body: "融安县金桔进入采摘期，果农忙着分拣装箱，金桔远销全国各地。",
    tags: ["农业"],
  },
  {
    id: 5,
    title: "柳江区新建农贸市场开业",
    body: "新市场设有蔬菜、肉类、水产区，方便周边居民买菜，摊位统一管理。",
    tags: ["民生"],
  },
  {
    id: 6,
    title: "螺蛳粉原料基地扩种酸笋",
    body: "为保障螺蛳粉原料供应，基地新种竹笋三千亩，酸笋加工车间投入使用。",
    tags: ["螺蛳粉", "农业"],
  },
];

describe("tokenize", () => {
  it("segments Chinese into words and keeps place names whole", () => {
    const words = tokenize("融水苗族自治县的芦笙节吸引了很多游客");
    expect(words).toContain("融水苗族自治县");
    expect(words).toContain("游客");
    expect(words).not.toContain("的");
    expect(words).not.toContain("很多");
  });
  it("drops numbers and one-character words", () => {
    expect(tokenize("2026年 3.5% 是 在")).toEqual([]);
  });
});

describe("SimilarityIndex", () => {
  const index = SimilarityIndex.fromDocs(docs);

  it("finds the other 螺蛳粉 stories before unrelated ones", () => {
    const top = index.mostSimilar(1, 5).map((s) => s.id);
    expect(top.slice(0, 2).sort()).toEqual([2, 6]);
    for (const unrelated of [3, 4, 5]) {
      if (top.includes(unrelated)) expect(top.indexOf(unrelated)).toBeGreaterThan(top.indexOf(6));
    }
  });
  it("is symmetric, in [0, 1], and never lists a story as similar to itself", () => {
    const s = index.similarity(1, 2);
    expect(s).toBeCloseTo(index.similarity(2, 1), 12);
    expect(s).toBeGreaterThan(0);
    expect(s).toBeLessThanOrEqual(1);
    expect(index.mostSimilar(3, 10).map((x) => x.id)).not.toContain(3);
  });
  it("scores stories with nothing in common as 0 and leaves them out", () => {
    expect(index.similarity(3, 5)).toBe(0);
    expect(index.mostSimilar(3, 10, 0).map((x) => x.id)).not.toContain(5);
  });
});
