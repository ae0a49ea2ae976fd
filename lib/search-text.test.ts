import { describe, expect, it } from "vitest";
import {
  ftsMatchExpression,
  gramMatchExpression,
  gramToken,
  highlightSegments,
  likeContains,
  MAX_QUERY_LENGTH,
  parseSearchQuery,
  resultSnippet,
  snippetAround,
} from "@/lib/search-text";

describe("parseSearchQuery", () => {
  it("treats missing and blank queries as empty", () => {
    expect(parseSearchQuery(undefined)).toEqual({ kind: "empty" });
    expect(parseSearchQuery("   \u3000 ")).toEqual({ kind: "empty" });
    expect(parseSearchQuery([])).toEqual({ kind: "empty" });
  });

  it("splits words on any space, dedupes case-insensitively, longest first", () => {
    expect(parseSearchQuery("  融安\u3000金桔  融安 ")).toEqual({
      kind: "ok",
      text: "融安 金桔 融安",
      terms: ["融安", "金桔"],
    });
    expect(parseSearchQuery("ab AB 融水苗族")).toEqual({
      kind: "ok",
      text: "ab AB 融水苗族",
      terms: ["融水苗族", "ab"],
    });
    expect(parseSearchQuery(["第一", "第二"])).toMatchObject({ kind: "ok", terms: ["第一"] });
    expect(parseSearchQuery("a\u0000b")).toMatchObject({ kind: "ok", terms: ["ab"] });
  });

  it("drops bidi controls and invisible characters from the query", () => {
    expect(parseSearchQuery("\u2067融安\u2069\u202E 金桔\u200B")).toEqual({
      kind: "ok",
      text: "融安 金桔",
      terms: ["融安", "金桔"],
    });
  });

  it("rejects queries over the limit, counting characters not UTF-16 units", () => {
    expect(parseSearchQuery("柳".repeat(MAX_QUERY_LENGTH))).toMatchObject({ kind: "ok" });
    expect(parseSearchQuery("柳".repeat(MAX_QUERY_LENGTH + 1))).toEqual({
      kind: "too-long",
      length: MAX_QUERY_LENGTH + 1,
    });
    expect(parseSearchQuery("😀".repeat(MAX_QUERY_LENGTH))).toMatchObject({ kind: "ok" });
  });
});

describe("ftsMatchExpression", () => {
  it("quotes every term as an FTS5 string and leaves short terms to the gram index", () => {
    expect(ftsMatchExpression(["融水苗族", "融安"])).toBe('"融水苗族"');
    expect(ftsMatchExpression(["融安"])).toBeNull();
    expect(ftsMatchExpression(['a"b"c', "NEAR", "x*y:z"])).toBe('"a""b""c" AND "NEAR" AND "x*y:z"');
  });
});

describe("gramMatchExpression", () => {
  it("makes each short term one token, the hex of its UTF-8 bytes with ASCII letters lower-cased", () => {
    expect(gramToken("鹿")).toBe("E9B9BF");
    expect(gramToken("融安")).toBe("E89E8DE5AE89");
    expect(gramToken("5G")).toBe(gramToken("5g"));
    expect(gramToken("5g")).toBe("3567");
    // Only ASCII folds, as SQLite's lower() and LIKE: full-width letters keep their case.
    expect(gramToken("Ａ")).not.toBe(gramToken("ａ"));
    expect(gramToken("😀")).toBe("F09F9880");
    expect(gramMatchExpression(["融水苗族", "融安", "A股"])).toBe('"E89E8DE5AE89" AND "61E882A1"');
    expect(gramMatchExpression(["融水苗族"])).toBeNull();
    expect(gramMatchExpression(['"', "%_"])).toBe('"22" AND "255F"');
  });
});

describe("likeContains", () => {
  it("escapes LIKE wildcards and the escape character", () => {
    expect(likeContains("融安")).toBe("%融安%");
    expect(likeContains("5%_\\")).toBe("%5\\%\\_\\\\%");
  });
});

describe("highlightSegments", () => {
  it("marks every occurrence, case-insensitively, longest term first, keeping the original text", () => {
    expect(highlightSegments("融安县融安金桔", ["融安"])).toEqual([
      { text: "融安", match: true },
      { text: "县", match: false },
      { text: "融安", match: true },
      { text: "金桔", match: false },
    ]);
    expect(highlightSegments("The FTS index", ["fts", "ft"])).toEqual([
      { text: "The ", match: false },
      { text: "FTS", match: true },
      { text: " index", match: false },
    ]);
    expect(
      highlightSegments("<b>融安</b>", ["融安"])
        .map((s) => s.text)
        .join(""),
    ).toBe("<b>融安</b>");
    expect(highlightSegments("无匹配", ["融安"])).toEqual([{ text: "无匹配", match: false }]);
    expect(highlightSegments("", ["融安"])).toEqual([]);
  });
});

describe("snippets", () => {
  const body = `${"开头的内容。".repeat(30)}今年融安县金桔喜获丰收，果农笑开颜。${"结尾的内容。".repeat(30)}`;

  it("cuts around the first match with ellipses", () => {
    const s = snippetAround(body, ["金桔"], 40);
    expect(s.startsWith("…")).toBe(true);
    expect(s.endsWith("…")).toBe(true);
    expect(s).toContain("金桔喜获丰收");
    expect(Array.from(s.replace(/…/g, "")).length).toBe(40);
  });

  it("prefers a matching summary, else the body, else the summary's start", () => {
    expect(resultSnippet("金桔的摘要", body, ["金桔"])).toBe("金桔的摘要");
    expect(resultSnippet("无关摘要", body, ["金桔"])).toContain("金桔喜获丰收");
    expect(resultSnippet("无关摘要", body, ["标题里的词"])).toBe("无关摘要");
    expect(resultSnippet("", "短正文", ["x"])).toBe("短正文");
  });
});
