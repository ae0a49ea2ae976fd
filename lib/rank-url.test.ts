import { describe, expect, it } from "vitest";
import { parseRankWindow, rankHref } from "@/lib/rank-url";

describe("ranking page addresses", () => {
  it("are path segments, the site-wide 24 hours plain /rank", () => {
    expect(rankHref("24h", null)).toBe("/rank");
    expect(rankHref("7d", null)).toBe("/rank/7d");
    expect(rankHref("24h", "rongan")).toBe("/rank/24h/rongan");
    expect(rankHref("30d", "rongan")).toBe("/rank/30d/rongan");
  });

  it("accept the three windows only", () => {
    expect(parseRankWindow(undefined)).toBe("24h");
    expect(parseRankWindow("7d")).toBe("7d");
    expect(parseRankWindow("30d")).toBe("30d");
    for (const bad of ["48h", "1y", "", "toString", "__proto__"])
      expect(parseRankWindow(bad), bad).toBeNull();
  });
});
