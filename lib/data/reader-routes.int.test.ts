import { beforeEach, describe, expect, it } from "vitest";
import { clearCache } from "@/lib/cache/memo";
import { getDb } from "@/lib/db";
import { readerPathExists } from "@/lib/data/reader-routes";
import { makeArticle, makeChannel, uniq } from "@/lib/testing/fixtures";

const exists = (path: string) => {
  const url = new URL(path, "http://x");
  return readerPathExists(url.pathname, url.searchParams);
};

describe("readerPathExists", () => {
  beforeEach(() => clearCache());

  it("knows channels, their page numbers and renamed slugs", async () => {
    const ch = await makeChannel();
    for (let i = 0; i < 21; i++) await makeArticle({ channelId: ch.id });
    expect(await exists(`/${ch.slug}`)).toBe(true);
    expect(await exists(`/${ch.slug}?page=2`)).toBe(true);
    expect(await exists(`/${ch.slug}?page=3`)).toBe(false);
    for (const bad of ["0", "abc", "1.5"]) expect(await exists(`/${ch.slug}?page=${bad}`)).toBe(false);
    expect(await exists(`/${ch.slug}?page=1&page=2`)).toBe(false);
    expect(await exists(`/${uniq("nochannel")}`)).toBe(false);
    const old = uniq("old");
    await (await getDb()).channelRedirect.create({ data: { slug: old, channelId: ch.id } });
    expect(await exists(`/${old}`)).toBe(true);
  });

  it("knows visible stories only", async () => {
    const ch = await makeChannel();
    const live = await makeArticle({ channelId: ch.id });
    const draft = await makeArticle({ channelId: ch.id, status: "draft" });
    const later = await makeArticle({ channelId: ch.id, publishedAt: new Date(Date.now() + 3_600_000) });
    expect(await exists(`/${ch.slug}/${live.id}`)).toBe(true);
    // A wrong channel slug is the page's business (it redirects to the right one).
    expect(await exists(`/other/${live.id}`)).toBe(true);
    expect(await exists(`/${ch.slug}/${draft.id}`)).toBe(false);
    expect(await exists(`/${ch.slug}/${later.id}`)).toBe(false);
    expect(await exists(`/${ch.slug}/99999999`)).toBe(false);
    expect(await exists(`/${ch.slug}/abc`)).toBe(false);
    expect(await exists(`/${ch.slug}/rss.xml`)).toBe(true);
  });

  it("knows tags with visible stories, and leaves other routes alone", async () => {
    const ch = await makeChannel();
    const name = uniq("标签");
    await makeArticle({ channelId: ch.id, tags: [name] });
    const hidden = uniq("草稿标签");
    await makeArticle({ channelId: ch.id, tags: [hidden], status: "draft" });
    expect(await exists(`/tag/${encodeURIComponent(name)}`)).toBe(true);
    expect(await exists(`/tag/${encodeURIComponent(hidden)}`)).toBe(false);
    expect(await exists(`/tag/${encodeURIComponent(uniq("无"))}`)).toBe(false);
    for (const other of ["/", "/search", "/admin/articles", "/api/health", "/a/b/c"]) expect(await exists(other)).toBe(true);
  });
});
