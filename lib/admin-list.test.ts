import { describe, expect, it } from "vitest";
import {
  formatAdminCursor,
  parseAdminCursor,
  titleGramMatchExpression,
  titleGrams,
  titleGramsExact,
  titleNarrowingKeys,
  titleSearchTerms,
} from "@/lib/admin-list";
import { gramToken } from "@/lib/search-text";

describe("admin list cursor", () => {
  it("round-trips and refuses anything else", () => {
    const c = { updatedAt: new Date(Date.UTC(2026, 10, 30, 12, 0, 0, 123)), id: 42 };
    expect(formatAdminCursor(c)).toBe(`${c.updatedAt.getTime()}.42`);
    expect(parseAdminCursor(formatAdminCursor(c))).toEqual(c);
    for (const bad of [
      "",
      "abc",
      "1.0",
      "1.",
      ".5",
      "1.5.6",
      "-1.5",
      "1e3.5",
      "1.2147483648",
      "99999999999999999.1",
    ]) {
      expect(parseAdminCursor(bad), bad).toBeNull();
    }
    expect(parseAdminCursor(undefined)).toBeNull();
    expect(parseAdminCursor(["1.2", "1.2"])).toBeNull();
  });
});

describe("title search terms and grams", () => {
  it("splits on any space, drops repeats (case folded), longest first", () => {
    expect(titleSearchTerms("  融安　金桔节 融安 ")).toEqual(["金桔节", "融安"]);
    expect(titleSearchTerms("5G 5g")).toEqual(["5G"]);
    expect(titleSearchTerms("")).toEqual([]);
    expect(titleSearchTerms("一 二 三 四 五 六 七 八 九 十")).toHaveLength(8);
  });

  it("a word of one or two characters is one gram, a longer one its pairs", () => {
    expect(titleGrams("鹿")).toEqual(["鹿"]);
    expect(titleGrams("融安")).toEqual(["融安"]);
    expect(titleGrams("乡村振兴")).toEqual(["乡村", "村振", "振兴"]);
    expect(titleGrams("哈哈哈")).toEqual(["哈哈"]);
    expect(titleGrams("𠮷野家")).toEqual(["𠮷野", "野家"]);
    expect(titleGramsExact(["鹿", "融安"])).toBe(true);
    expect(titleGramsExact(["鹿", "金桔节"])).toBe(false);
    expect(titleGramMatchExpression(["金桔节", "金桔"], { channelId: null, storedStatus: null })).toBe(
      `"${gramToken("金桔")}" AND "${gramToken("桔节")}"`,
    );
    expect(titleGramMatchExpression(["鹿"], { channelId: 7, storedStatus: "published" })).toBe(
      `"${gramToken("鹿")}" AND "ch7" AND "st${Buffer.from("published").toString("hex").toUpperCase()}"`,
    );
    expect(titleNarrowingKeys({ channelId: 7, storedStatus: "draft" })).toEqual(["ch7", "stdraft"]);
  });
});
