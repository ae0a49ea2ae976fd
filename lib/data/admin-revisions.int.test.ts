// The 历史版本 comparison against the real temporary database (SQLite, or PostgreSQL with
// TEST_POSTGRES_URL): which saves are compared, in which order, and what is refused.
import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import type { ArticleSnapshot } from "@/lib/articles/snapshot";
import { compareRevisions } from "@/lib/data/admin-revisions";
import { makeArticle, makeChannel, uniq } from "@/lib/testing/fixtures";

const T0 = Date.parse("2026-06-01T02:00:00Z");

async function storyWithSaves(titles: string[]) {
  const db = await getDb();
  const ch = await makeChannel();
  const article = await makeArticle({ channelId: ch.id, status: "draft" });
  const user = await db.user.create({
    data: { username: uniq("u"), displayName: "韦编辑", passwordHash: "x", role: "editor" },
  });
  const base: ArticleSnapshot = {
    v: 1,
    channelId: ch.id,
    title: "",
    summary: "",
    body: "第一段。\n\n第二段。",
    source: "",
    byline: "",
    tags: [],
    leadImageId: null,
    leadImageAlt: "",
    leadImageCaption: "",
    leadImageCredit: "",
    publishedAt: null,
    status: "draft",
    isHeadline: false,
    isRecommended: false,
    isCommunity: false,
  };
  const ids: number[] = [];
  for (const [i, title] of titles.entries()) {
    const rev = await db.articleRevision.create({
      data: {
        articleId: article.id,
        userId: user.id,
        snapshot: JSON.stringify({ ...base, title }),
        createdAt: new Date(T0 + i * 60_000),
      },
    });
    ids.push(rev.id);
  }
  return { articleId: article.id, ids };
}

describe("compareRevisions", () => {
  it("compares the newest save with the one before by default, older on the left", async () => {
    const { articleId, ids } = await storyWithSaves(["大桥合龙", "大桥主桥合龙", "柳江大桥主桥合龙"]);
    const c = await compareRevisions(articleId, null, null);
    expect(c?.older.id).toBe(ids[1]);
    expect(c?.newer.id).toBe(ids[2]);
    expect(c?.newer.user).toBe("韦编辑");
    expect(c?.choices.map((r) => r.id)).toEqual([...ids].reverse());
    expect(c?.changes).toEqual([
      {
        field: "title",
        label: "标题",
        kind: "text",
        parts: [
          { text: "柳江", change: "added" },
          { text: "大桥主桥合龙", change: "same" },
        ],
      },
    ]);
  });

  it("compares any two saves of the story, in either order", async () => {
    const { articleId, ids } = await storyWithSaves(["一", "二", "三"]);
    const a = await compareRevisions(articleId, ids[2]!, ids[0]!);
    expect([a?.older.id, a?.newer.id]).toEqual([ids[0], ids[2]]);
    expect(a?.changes[0]).toMatchObject({ field: "title" });
  });

  it("names nothing for another story's save, the same save twice, one save only or a missing story", async () => {
    const { articleId, ids } = await storyWithSaves(["甲", "乙"]);
    const other = await storyWithSaves(["丙", "丁"]);
    expect(await compareRevisions(articleId, ids[0]!, other.ids[1]!)).toBeNull();
    expect(await compareRevisions(articleId, ids[0]!, ids[0]!)).toBeNull();
    expect(await compareRevisions((await storyWithSaves(["独"])).articleId, null, null)).toBeNull();
    expect(await compareRevisions(2_000_000_000, null, null)).toBeNull();
  });
});
