import { renderToStaticMarkup } from "react-dom/server";
import { beforeEach, describe, expect, it } from "vitest";
import { clearCache } from "@/lib/cache/memo";
import { getDb } from "@/lib/db";
import { makeArticle, makeChannel } from "@/lib/testing/fixtures";
import ArticlePage from "@/app/(site)/[channel]/[id]/page";

/** The page as Next renders it for the cache (params still percent-encoded, lib/http/params.ts). */
async function render(params: { channel: string; id: string; cpage?: string }): Promise<string> {
  return renderToStaticMarkup(await ArticlePage({ params: Promise.resolve(params) }));
}

beforeEach(() => {
  clearCache();
});

describe("/[channel]/[id] comment pages (?page=N)", () => {
  it("a page past the last comment page is a 404 that says so, not 还没有评论", async () => {
    const ch = await makeChannel();
    const story = await makeArticle({ channelId: ch.id });
    const db = await getDb();
    for (let i = 0; i < 12; i++) {
      await db.comment.create({ data: { articleId: story.id, body: `评论${i}`, status: "approved" } });
    }
    const address = { channel: ch.slug, id: String(story.id) };

    const second = await render({ ...address, cpage: "2" });
    expect(second).toContain("共 12 条评论");
    expect(second).not.toContain("<h1>评论页不存在</h1>");

    const past = await render({ ...address, cpage: "3" });
    expect(past).not.toContain("还没有评论");
    expect(past).toContain("<h1>评论页不存在</h1>");
    expect(past).toContain("评论共 12 条、2 页，没有第 3 页");
    expect(past).toContain(`href="/${ch.slug}/${story.id}"`);
  });

  it("a story without comments has one comment page", async () => {
    const ch = await makeChannel();
    const story = await makeArticle({ channelId: ch.id });
    const address = { channel: ch.slug, id: String(story.id) };
    expect(await render({ ...address, cpage: "1" })).toContain("还没有评论");
    expect(await render({ ...address, cpage: "2" })).toContain("<h1>评论页不存在</h1>");
  });
});

describe("/[channel]/[id] under a segment of the site's own", () => {
  it("is a 404, not a redirect to the story of that number", async () => {
    const ch = await makeChannel();
    const story = await makeArticle({ channelId: ch.id });
    for (const segment of ["admin", "api", "search"]) {
      const html = await render({ channel: segment, id: String(story.id) });
      expect(html, segment).toContain("页面不存在");
      expect(html, segment).not.toContain(story.title);
    }
    // The story's own address still renders it.
    expect(await render({ channel: ch.slug, id: String(story.id) })).toContain(story.title);
  });
});
