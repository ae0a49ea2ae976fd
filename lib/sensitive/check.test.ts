import { describe, expect, it } from "vitest";
import { makeChecker, type ListedWord } from "@/lib/sensitive/check";
import { WORD_MESSAGES, parseWordForm, splitWords } from "@/lib/sensitive/rules";

const words: ListedWord[] = [
  { word: "赌博", kind: "block", category: "违法" },
  { word: "代开发票", kind: "block", category: "广告" },
  { word: "vx", kind: "block", category: "广告" },
  { word: "打击赌博", kind: "allow", category: "" },
];

describe("makeChecker", () => {
  it("finds each listed word with its field, position and context", () => {
    const hits = makeChecker(words).check([
      { field: "title", label: "标题", text: "网上代开发票当心受骗" },
      { field: "body", label: "正文", text: "记者调查发现，有人以“代开发票”为名，诱导加VX转账。" },
    ]);
    expect(hits).toEqual([
      {
        field: "title",
        label: "标题",
        word: "代开发票",
        category: "广告",
        position: 3,
        before: "网上",
        match: "代开发票",
        after: "当心受骗",
      },
      expect.objectContaining({
        field: "body",
        word: "代开发票",
        position: 12,
        before: "记者调查发现，有人以“",
      }),
      expect.objectContaining({ field: "body", word: "vx", match: "VX", position: 23, after: "转账。" }),
    ]);
  });

  it("sees through full-width letters and capitals", () => {
    const hits = makeChecker(words).check([{ field: "summary", label: "摘要", text: "加ＶＸ咨询" }]);
    expect(hits.map((h) => [h.word, h.match, h.position])).toEqual([["vx", "ＶＸ", 2]]);
  });

  it("leaves a word alone inside an allowlisted phrase, not elsewhere", () => {
    const hits = makeChecker(words).check([
      { field: "body", label: "正文", text: "警方开展打击赌博专项行动，查处网络赌博案件12起。" },
    ]);
    expect(hits.map((h) => [h.word, h.position])).toEqual([["赌博", 18]]);
  });

  it("reports nothing with empty lists or empty texts", () => {
    expect(makeChecker([]).check([{ field: "body", label: "正文", text: "赌博" }])).toEqual([]);
    expect(makeChecker(words).check([{ field: "body", label: "正文", text: "" }])).toEqual([]);
  });
});

describe("word lists form", () => {
  it("splits a pasted list on lines, commas and 、, normalizes and dedupes", () => {
    expect(splitWords("赌博\n代开发票、ＶＸ，vx ;  \n\n赌博")).toEqual(["赌博", "代开发票", "vx"]);
  });

  it("refuses an empty list, an unknown kind and an over-long word", () => {
    expect(parseWordForm({ kind: "block", category: "", words: " \n、" })).toMatchObject({
      ok: false,
      errors: { words: [WORD_MESSAGES.empty] },
    });
    expect(parseWordForm({ kind: "x", category: "", words: "a" })).toMatchObject({
      ok: false,
      errors: { kind: [WORD_MESSAGES.kind] },
    });
    expect(parseWordForm({ kind: "allow", category: "", words: "字".repeat(31) })).toMatchObject({
      ok: false,
      errors: { words: [WORD_MESSAGES.tooLong("字".repeat(31))] },
    });
    expect(parseWordForm({ kind: "allow", category: " 广告 ", words: "打击赌博" })).toEqual({
      ok: true,
      input: { kind: "allow", category: "广告", words: ["打击赌博"] },
    });
  });
});
