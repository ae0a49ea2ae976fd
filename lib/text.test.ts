import { describe, expect, it } from "vitest";
import { cleanLine, cleanMultiline, excerpt, markdownToText, squish } from "@/lib/text";

const codePoints = (s: string) => Array.from(s).length;

describe("squish", () => {
  it("collapses whitespace runs and trims", () => {
    expect(squish("  柳州 \n\n 螺蛳粉\t节  ")).toBe("柳州 螺蛳粉 节");
  });
});

describe("excerpt", () => {
  it("returns short text unchanged, without an ellipsis", () => {
    expect(excerpt("柳州市今日召开会议。")).toBe("柳州市今日召开会议。");
    const exact = "字".repeat(110);
    expect(excerpt(exact)).toBe(exact);
  });

  it("squishes whitespace before measuring", () => {
    expect(excerpt("  a   b \n c  ", 10, 2)).toBe("a b c");
  });

  it("never exceeds max code points and ends with … only when cut", () => {
    for (const len of [109, 110, 111, 150, 400]) {
      const text = "柳".repeat(len);
      const out = excerpt(text);
      expect(codePoints(out)).toBeLessThanOrEqual(110);
      expect(out.endsWith("…")).toBe(len > 110);
    }
  });

  it("cuts hard at max - 1 plus … when there is no break after min", () => {
    const out = excerpt("柳".repeat(200), 20, 10);
    expect(out).toBe("柳".repeat(19) + "…");
  });

  it("cuts at the last clause break that falls after min, dropping the punctuation", () => {
    const text = "甲".repeat(70) + "，" + "乙".repeat(10) + "。" + "丙".repeat(100);
    expect(excerpt(text)).toBe("甲".repeat(70) + "，" + "乙".repeat(10) + "…");
  });

  it("ignores breaks before min", () => {
    const text = "甲".repeat(30) + "。" + "乙".repeat(200);
    const out = excerpt(text, 110, 60);
    expect(out).toBe("甲".repeat(30) + "。" + "乙".repeat(78) + "…");
    expect(codePoints(out)).toBe(110);
  });

  it("breaks on ASCII punctuation and spaces too", () => {
    const words = Array.from({ length: 40 }, (_, i) => `word${i}`).join(" ");
    const out = excerpt(words, 50, 20);
    expect(codePoints(out)).toBeLessThanOrEqual(50);
    // A cut at a space leaves whole words only.
    expect(out).toMatch(/^(word\d+ )*word\d+…$/);
  });

  it("counts emoji and astral characters as one and never splits a surrogate pair", () => {
    const text = "😀".repeat(30);
    const out = excerpt(text, 10, 5);
    expect(out).toBe("😀".repeat(9) + "…");
    expect(codePoints(out)).toBe(10);
    // No lone surrogate left behind.
    expect(out).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
  });

  it("accepts text whose UTF-16 length exceeds max but whose code points do not", () => {
    const text = "𠀀".repeat(100); // 200 UTF-16 units, 100 code points
    expect(excerpt(text, 110)).toBe(text);
  });
});

describe("markdownToText", () => {
  it("strips headings, emphasis, links, images, quotes, lists, code blocks and raw HTML", () => {
    const md = [
      "# 柳江区新闻",
      "",
      "**导语：**今天 _天气_ 很好，[点击这里](https://example.com)查看。",
      "",
      "![配图说明](https://example.com/a.png)",
      "",
      "> 引用一句",
      "",
      "- 第一项",
      "* 第二项",
      "1. 第三项",
      "",
      "```",
      "const secret = 1;",
      "```",
      "",
      "<b>粗</b>~~删~~ `代码`",
    ].join("\n");
    expect(markdownToText(md)).toBe(
      "柳江区新闻 导语：今天 天气 很好，点击这里查看。 引用一句 第一项 第二项 第三项 粗 删 代码",
    );
  });

  it("keeps ordinary punctuation and text", () => {
    expect(markdownToText("3.5 亿元投资 - 同比增长")).toBe("3.5 亿元投资 - 同比增长");
  });
});

describe("cleanLine / cleanMultiline (input boundary)", () => {
  const C0 = "\u0000\u0001\u0007\u0008\u000B\u000C\u001B\u001F";
  const BIDI = "\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069\u200E\u200F\u061C";

  it("removes C0 controls except tab and newline, DEL and C1", () => {
    expect(cleanMultiline(`a${C0}b\u007F\u0080\u009Fc`)).toBe("abc");
    expect(cleanMultiline("第一段\n\t第二段")).toBe("第一段\n\t第二段");
  });

  it("removes bidi embeddings, overrides, isolates and marks", () => {
    expect(cleanMultiline(`评论${BIDI}内容`)).toBe("评论内容");
    expect(cleanLine("\u2067txt.exe\u2069")).toBe("txt.exe");
  });

  it("removes invisible format characters, noncharacters and a BOM; keeps emoji joiners", () => {
    expect(cleanLine("\uFEFFa\u200Bb\u2060c\uFFFEd\uFFFF")).toBe("abcd");
    const family = "👨\u200D👩\u200D👧";
    expect(cleanLine(family)).toBe(family);
    expect(cleanLine("❤\uFE0F")).toBe("❤\uFE0F");
  });

  it("replaces unpaired surrogates, keeps pairs", () => {
    expect(cleanLine("a\uD800b\uDC00c😀")).toBe("a\uFFFDb\uFFFDc😀");
  });

  it("normalizes line ends in multi-line text; one-line text gets spaces", () => {
    expect(cleanMultiline("a\r\nb\rc\u2028d")).toBe("a\nb\nc\nd");
    expect(cleanLine("标题\r\n第二行\t完")).toBe("标题 第二行 完");
  });

  it("leaves ordinary Chinese, punctuation and full-width space alone", () => {
    const s = "柳州：螺蛳粉节「开幕」　全角空格、English 123!";
    expect(cleanLine(s)).toBe(s);
    expect(cleanMultiline(s)).toBe(s);
  });
});
