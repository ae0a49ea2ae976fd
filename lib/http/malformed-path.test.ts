import { getPathMatch } from "next/dist/shared/lib/router/utils/path-match";
import { describe, expect, it } from "vitest";
import { MALFORMED_PATH_SOURCE } from "@/lib/http/malformed-path.mjs";
import { decodeSegment, pageParams } from "@/lib/http/params";

// Next's own matcher for rewrite sources, as next.config.mjs's rewrite is compiled.
const matches = getPathMatch(MALFORMED_PATH_SOURCE);
const isMalformed = (path: string) => matches(path) !== false;
const decodes = (path: string) => decodeSegment(path) !== null;

describe("MALFORMED_PATH_SOURCE", () => {
  it("matches exactly the paths decodeURIComponent refuses", () => {
    const hex = (n: number) => n.toString(16).padStart(2, "0");
    const bytes = [
      0x00, 0x2f, 0x41, 0x7f, 0x80, 0x8f, 0x90, 0x9f, 0xa0, 0xae, 0xbf, 0xc0, 0xc1, 0xc2, 0xdf, 0xe0, 0xe1,
      0xec, 0xed, 0xee, 0xef, 0xf0, 0xf1, 0xf3, 0xf4, 0xf5, 0xff,
    ];
    const paths: string[] = [];
    for (const a of bytes) {
      paths.push(`/%${hex(a)}`, `/x/%${hex(a).toUpperCase()}y`);
      for (const b of bytes) {
        paths.push(`/%${hex(a)}%${hex(b)}`);
        for (const c of [0x80, 0xa0, 0xbf, 0x41]) {
          paths.push(`/%${hex(a)}%${hex(b)}%${hex(c)}`, `/%${hex(a)}%${hex(b)}%${hex(c)}%${hex(c)}/z`);
        }
      }
    }
    paths.push(
      "/%",
      "/%2",
      "/%zz",
      "/a%",
      "/%%41",
      "/100%25",
      "/tag/%E6%B0%91%E7%94%9F",
      "/liuzhou/1-中",
      "/",
    );
    let malformed = 0;
    for (const path of paths) {
      expect(isMalformed(path), path).toBe(!decodes(path));
      if (!decodes(path)) malformed++;
    }
    expect(malformed).toBeGreaterThan(1000);
  });

  it("covers the addresses of the issue, and leaves real ones alone", () => {
    for (const path of [
      "/media/%ff",
      "/api/views/%ff",
      "/sitemaps/%ff",
      "/%ff/rss.xml",
      "/media/%c0%ae%c0%ae/x",
    ]) {
      expect(isMalformed(path), path).toBe(true);
    }
    for (const path of [
      "/",
      "/liujiang",
      "/liujiang/12",
      "/tag/%E4%B9%A1%E6%9D%91",
      "/media/202601/0123456789abcdef-640.webp",
    ]) {
      expect(isMalformed(path), path).toBe(false);
    }
  });
});

describe("pageParams", () => {
  it("decodes each param once and refuses one that does not decode", () => {
    expect(pageParams({ channel: "liujiang", id: "12-%E6%9F%B3", cpage: undefined })).toEqual({
      channel: "liujiang",
      id: "12-柳",
      cpage: undefined,
    });
    expect(pageParams({ name: "100%2525" })).toEqual({ name: "100%25" });
    expect(pageParams({ name: "%E0%A4%A" })).toBeNull();
    expect(decodeSegment("%c0%ae")).toBeNull();
  });
});
