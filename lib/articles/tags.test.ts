import { describe, expect, it } from "vitest";
import { formatTags, parseTags } from "@/lib/articles/tags";

describe("parseTags", () => {
  it("splits on ASCII and full-width commas, 、 and semicolons", () => {
    expect(parseTags("乡村振兴,柳江，螺蛳粉、非遗;民俗；美食")).toEqual([
      "乡村振兴",
      "柳江",
      "螺蛳粉",
      "非遗",
      "民俗",
      "美食",
    ]);
  });

  it("trims, collapses inner spaces, drops empty parts and repeats", () => {
    expect(parseTags("  柳江 ,, 、 三江   侗族 、柳江\n融水 ")).toEqual(["柳江", "三江 侗族", "融水"]);
  });

  it("gives an empty list for nothing typed", () => {
    expect(parseTags("")).toEqual([]);
    expect(parseTags(" ，、 ")).toEqual([]);
  });

  it("formatTags joins with 、 and parses back to the same list", () => {
    const tags = ["乡村振兴", "柳江", "Liuzhou 2026"];
    expect(formatTags(tags)).toBe("乡村振兴、柳江、Liuzhou 2026");
    expect(parseTags(formatTags(tags))).toEqual(tags);
  });
});
