import { renderToStaticMarkup } from "react-dom/server";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type * as NextServer from "next/server";
import { clearCache } from "@/lib/cache/memo";
import { makeArticle, makeChannel, uniq } from "@/lib/testing/fixtures";
import SearchPage from "@/app/(site)/search/page";

// connection() needs Next's request scope; rendering the page directly, it is a no-op.
vi.mock("next/server", async (importOriginal) => ({
  ...(await importOriginal<typeof NextServer>()),
  connection: async () => {},
}));

async function render(params: Record<string, string | string[]>): Promise<string> {
  return renderToStaticMarkup(await SearchPage({ searchParams: Promise.resolve(params) }));
}

/** The page's answer: NotFoundPage (a 404 when served) shows its heading. */
async function status(params: Record<string, string | string[]>): Promise<number> {
  return (await render(params)).includes("<h1>页面不存在</h1>") ? 404 : 200;
}

const h1Count = (html: string) => html.match(/<h1[\s>]/g)?.length ?? 0;
const content = (html: string) => html.slice(0, html.indexOf('<aside class="sidebar"'));

beforeEach(() => {
  clearCache();
});

describe("/search", () => {
  it("prompts for a query when there is none", async () => {
    const html = await render({});
    expect(h1Count(html)).toBe(1);
    expect(html).toContain("请输入要搜索的关键词");
    expect(html).not.toContain('class="teasers search-results"');
  });

  it("explains an over-long query instead of searching", async () => {
    const html = await render({ q: "柳".repeat(101) });
    expect(h1Count(html)).toBe(1);
    expect(html).toContain("搜索词太长了（101 个字）");
  });

  it("highlights matches with <mark> and renders story text as text", async () => {
    const ch = await makeChannel();
    const u = uniq("h");
    await makeArticle({
      channelId: ch.id,
      title: `<script>alert(1)</script>${u}融安新闻`,
      body: `正文里也有${u}。`,
    });
    const html = content(await render({ q: u }));
    expect(h1Count(html)).toBe(1);
    expect(html).toContain(`<mark>${u}</mark>`);
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).not.toContain("<script>");
    expect(html).toContain("找到 1 条");
  });

  it("survives FTS syntax in the query", async () => {
    for (const q of [`" * NEAR : ( -`, `NEAR(融安 柳州)`, `title:融安*`, `^"`]) {
      expect(await status({ q }), q).toBe(200);
    }
  });

  it("filters by channel and keeps q and channel in the page links", async () => {
    const ch = await makeChannel();
    const other = await makeChannel();
    const u = uniq("f");
    for (let i = 0; i < 21; i++) await makeArticle({ channelId: ch.id, title: `${u}第${i}条` });
    await makeArticle({ channelId: other.id, title: `${u}别的频道` });
    const html = content(await render({ q: u, channel: ch.slug }));
    expect(html).toContain(`<option value="${ch.slug}" selected="">`);
    expect(html).toContain(`在${ch.name}中找到 21 条`);
    expect(html).not.toContain("别的频道");
    expect(html).toContain(`href="/search?q=${u}&amp;channel=${ch.slug}&amp;page=2"`);
    const page2 = await render({ q: u, channel: ch.slug, page: "2" });
    expect(page2).toContain("第 2 页");
    expect(page2).toContain(`<a rel="prev" href="/search?q=${u}&amp;channel=${ch.slug}">`);
    // An unknown channel searches everywhere.
    expect(await render({ q: u, channel: "no-such-channel" })).toContain("找到 22 条");
  });

  it("shows the first page for a page number that is not one (never an empty 404)", async () => {
    const ch = await makeChannel();
    const u = uniq("p");
    const story = await makeArticle({ channelId: ch.id, title: `${u}第一页` });
    for (const page of ["0", "-1", "abc", "1.5", ["2", "3"]]) {
      const html = await render({ q: u, page });
      expect(await status({ q: u, page }), String(page)).toBe(200);
      expect(html, String(page)).toContain("找到 1 条");
      expect(html, String(page)).toContain(`href="/${ch.slug}/${story.id}"`);
      expect(h1Count(html)).toBe(1);
    }
    // No query at all: the prompt, whatever the page number.
    expect(await render({ page: "0" })).toContain("请输入要搜索的关键词");
  });

  it("says a page past the results is past them, with links back", async () => {
    const ch = await makeChannel();
    const u = uniq("r");
    for (let i = 0; i < 21; i++) await makeArticle({ channelId: ch.id, title: `${u}第${i}条` });
    const html = content(await render({ q: u, page: "9" }));
    expect(await status({ q: u, page: "9" })).toBe(200);
    expect(h1Count(html)).toBe(1);
    expect(html).toContain("没有第 9 页");
    expect(html).toContain("共 21 条，2 页");
    expect(html).toContain(`href="/search?q=${u}">回到第 1 页</a>`);
    expect(html).toContain(`href="/search?q=${u}&amp;page=2">最后一页</a>`);
    expect(html).not.toContain("第 9 页</span>");
    // A query with no results at all says so, on any page.
    expect(await render({ q: uniq("none"), page: "2" })).toContain("没有找到与");
  });
});
