import { renderToStaticMarkup } from "react-dom/server";
import { beforeEach, describe, expect, it } from "vitest";
import { clearCache } from "@/lib/cache/memo";
import { makeArticle, makeChannel, uniq } from "@/lib/testing/fixtures";
import { renderTagPage } from "@/app/(site)/tag/[name]/tag-view";
import TagPage, { generateMetadata } from "@/app/(site)/tag/[name]/page";

/** `/tag/<name>` with `?page=N` as next.config.mjs rewrites it; null content is the page's 404. */
async function render(
  name: string,
  query: { page?: string } = {},
): Promise<{ status: number; html: string }> {
  const el = await renderTagPage({ name, n: query.page });
  return el === null ? { status: 404, html: "" } : { status: 200, html: renderToStaticMarkup(el) };
}

beforeEach(() => {
  clearCache();
});

describe("/tag/[name]", () => {
  it("lists the tag's stories under one h1", async () => {
    const ch = await makeChannel();
    const tag = uniq("乡村 振兴");
    const story = await makeArticle({ channelId: ch.id, tags: [tag], title: `${uniq()}带标签的报道` });
    const { status, html } = await render(tag);
    expect(status).toBe(200);
    expect(html.match(/<h1[\s>]/g)).toHaveLength(1);
    expect(html).toContain(`标签：${tag}`);
    expect(html).toContain(story.title);
  });

  it("the page decodes its segment once: Next hands ISR pages the path's percent-encoding", async () => {
    const ch = await makeChannel();
    // A tag with a literal "%": decoding twice would turn "%25" into "%" and miss it.
    const tag = uniq("增长 100%25 ");
    const story = await makeArticle({ channelId: ch.id, tags: [tag], title: `${uniq()}百分比` });
    const page = await TagPage({ params: Promise.resolve({ name: encodeURIComponent(tag) }) });
    const html = renderToStaticMarkup(page);
    expect(html).toContain(story.title);
    expect(html).not.toContain("<h1>页面不存在</h1>");
    // generateMetadata is handed the decoded name.
    expect((await generateMetadata({ params: Promise.resolve({ name: tag }) })).title).toBe(`标签：${tag}`);
  });

  it("answers 404 for an unknown tag, a tag with only hidden stories, and a bad page", async () => {
    const ch = await makeChannel();
    const hidden = uniq("草稿标签");
    await makeArticle({ channelId: ch.id, tags: [hidden], status: "draft", publishedAt: null });
    const shown = uniq("标签");
    await makeArticle({ channelId: ch.id, tags: [shown] });
    expect((await render(uniq("没有"))).status).toBe(404);
    expect((await render(hidden)).status).toBe(404);
    expect((await render(shown, { page: "2" })).status).toBe(404);
    expect((await render(shown, { page: "x" })).status).toBe(404);
    const malformed = await TagPage({ params: Promise.resolve({ name: "%E0%A4%A" }) });
    expect(renderToStaticMarkup(malformed)).toContain("<h1>页面不存在</h1>");
  });
});
