import { describe, expect, it } from "vitest";
import { pageTags, pathOfCacheKey } from "@/lib/cache/page-tags";

describe("pageTags", () => {
  it("ties a story page and its comment pages to the story and its comments", () => {
    expect(pageTags("/liujiang/123")).toEqual(["site", "article:123", "comments:123"]);
    expect(pageTags("/liujiang/123/page/2")).toEqual(["site", "article:123", "comments:123"]);
  });
  it("ties a live story's endpoint to the story alone", () => {
    expect(pageTags("/api/live/123")).toEqual(["article:123"]);
    expect(pageTags("/api/live/123/x")).toEqual(["site"]);
  });
  it("ties lists, feeds and sitemaps to the site only", () => {
    for (const path of [
      "/",
      "/index",
      "/liujiang",
      "/liujiang/page/200",
      "/tag/%E6%B0%91%E7%94%9F",
      "/rss.xml",
      "/liujiang/rss.xml",
      "/news-sitemap.xml",
    ]) {
      expect(pageTags(path)).toEqual(["site"]);
    }
  });
  it("ties author pages and the sitemaps to the site and the reporters' profiles", () => {
    for (const path of ["/author/wei-li", "/author/wei-li/page/3", "/sitemap.xml", "/sitemaps/1.xml"]) {
      expect(pageTags(path)).toEqual(["site", "authors"]);
    }
    expect(pageTags("/authors")).toEqual(["site"]);
  });
  it("reads the path out of Next's response-cache key", () => {
    expect(pathOfCacheKey("/route-cache/APP_PAGE/3f0a/$/liujiang/123")).toBe("/liujiang/123");
    expect(pathOfCacheKey("/route-cache/APP_ROUTE/3f0a/$/rss.xml")).toBe("/rss.xml");
    expect(pathOfCacheKey("/plain")).toBe("/plain");
  });
});
