// Next reads each route's `revalidate` and next.config's `expireTime` as literals, so they cannot
// import PAGE_REVALIDATE_S and PAGE_EXPIRE_S; this test keeps every copy equal to them.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { PAGE_EXPIRE_S, PAGE_REVALIDATE_S, TTL } from "@/lib/data/cache-tags";

const root = path.resolve(import.meta.dirname, "../..");
const read = (file: string) => readFileSync(path.join(root, file), "utf8");

const CACHED_ROUTES = [
  "app/(site)/page.tsx",
  "app/(site)/[channel]/page.tsx",
  "app/(site)/[channel]/page/[n]/page.tsx",
  "app/(site)/[channel]/[id]/page.tsx",
  "app/(site)/[channel]/[id]/page/[cpage]/page.tsx",
  "app/(site)/[channel]/rss.xml/route.ts",
  "app/(site)/tag/[name]/page.tsx",
  "app/(site)/tag/[name]/page/[n]/page.tsx",
  "app/(site)/rank/[[...choice]]/page.tsx",
  "app/(site)/corrections/[[...page]]/page.tsx",
  "app/(site)/zhuanti/page/[n]/page.tsx",
  "app/(site)/region/[province]/page.tsx",
  "app/(site)/region/[province]/[city]/page.tsx",
  "app/rss.xml/route.ts",
  "app/sitemap.xml/route.ts",
  "app/sitemaps/[file]/route.ts",
  "app/news-sitemap.xml/route.ts",
  "app/robots.txt/route.ts",
];

describe("page cache lifetimes", () => {
  it("every cached reader route declares PAGE_REVALIDATE_S", () => {
    for (const file of CACHED_ROUTES) {
      expect(read(file), file).toContain(`export const revalidate = ${PAGE_REVALIDATE_S};`);
    }
  });

  it("next.config's expireTime is PAGE_EXPIRE_S", () => {
    expect(read("next.config.mjs")).toContain(`const READER_PAGE_EXPIRE_S = ${PAGE_EXPIRE_S};`);
  });

  it("a view-based list is at most a minute old when a reader sees it", () => {
    expect(TTL.views / 1000 + PAGE_EXPIRE_S).toBeLessThanOrEqual(60);
  });
});
