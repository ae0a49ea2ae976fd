import { describe, expect, it } from "vitest";
import { PAGE_SIZE, pageCount, pageHref, pageLinks, parsePageParam, type PageLink } from "@/lib/pagination";

/** Render links as e.g. "1 … 5 6 [7] 8 9 … 20". */
function show(links: PageLink[]): string {
  return links.map((l) => (l.kind === "gap" ? "…" : l.current ? `[${l.page}]` : String(l.page))).join(" ");
}

describe("parsePageParam", () => {
  it("treats a missing parameter as page 1", () => {
    expect(parsePageParam(undefined)).toBe(1);
  });

  it.each([
    ["1", 1],
    ["2", 2],
    ["200", 200],
    ["9999999", 9999999],
  ])("accepts %j", (value, expected) => {
    expect(parsePageParam(value)).toBe(expected);
  });

  it.each(["abc", "0", "-1", "1.5", "2e3", "", " 2", "2 ", "01", "+2", "0x10", "10000000", "2abc"])(
    "rejects %j",
    (value) => {
      expect(parsePageParam(value)).toBeNull();
    },
  );

  it("rejects repeated parameters", () => {
    expect(parsePageParam(["2", "3"])).toBeNull();
    expect(parsePageParam(["2"])).toBeNull();
    expect(parsePageParam([])).toBeNull();
  });
});

describe("pageCount", () => {
  it("is at least 1 and rounds up", () => {
    expect(PAGE_SIZE).toBe(20);
    expect(pageCount(0)).toBe(1);
    expect(pageCount(1)).toBe(1);
    expect(pageCount(20)).toBe(1);
    expect(pageCount(21)).toBe(2);
    expect(pageCount(45)).toBe(3);
    expect(pageCount(45, 10)).toBe(5);
  });
});

describe("pageLinks", () => {
  it("shows first, last and a window around the current page with gaps", () => {
    expect(show(pageLinks(7, 20))).toBe("1 … 5 6 [7] 8 9 … 20");
  });

  it("at the first page", () => {
    expect(show(pageLinks(1, 20))).toBe("[1] 2 3 … 20");
  });

  it("at the last page", () => {
    expect(show(pageLinks(20, 20))).toBe("1 … 18 19 [20]");
  });

  it("fills a one-page hole with the page rather than a gap", () => {
    expect(show(pageLinks(5, 20))).toBe("1 2 3 4 [5] 6 7 … 20");
    expect(show(pageLinks(16, 20))).toBe("1 … 14 15 [16] 17 18 19 20");
  });

  it("shows a gap for a hole of two or more pages", () => {
    expect(show(pageLinks(6, 20))).toBe("1 … 4 5 [6] 7 8 … 20");
  });

  it("handles tiny totals without duplicates", () => {
    expect(show(pageLinks(1, 1))).toBe("[1]");
    expect(show(pageLinks(1, 2))).toBe("[1] 2");
    expect(show(pageLinks(2, 2))).toBe("1 [2]");
    expect(show(pageLinks(2, 3))).toBe("1 [2] 3");
    expect(show(pageLinks(3, 5))).toBe("1 2 [3] 4 5");
  });

  it("respects the radius", () => {
    expect(show(pageLinks(10, 20, 1))).toBe("1 … 9 [10] 11 … 20");
    expect(show(pageLinks(10, 20, 0))).toBe("1 … [10] … 20");
  });

  it("always has exactly one current page, ascending page numbers and unique gap keys", () => {
    for (let total = 1; total <= 30; total++) {
      for (let current = 1; current <= total; current++) {
        const links = pageLinks(current, total);
        const pages = links.flatMap((l) => (l.kind === "page" ? [l] : []));
        expect(pages.filter((p) => p.current).map((p) => p.page)).toEqual([current]);
        const nums = pages.map((p) => p.page);
        expect(nums).toEqual([...nums].sort((a, b) => a - b));
        expect(new Set(nums).size).toBe(nums.length);
        expect(nums[0]).toBe(1);
        expect(nums[nums.length - 1]).toBe(total);
        const keys = links.flatMap((l) => (l.kind === "gap" ? [l.key] : []));
        expect(new Set(keys).size).toBe(keys.length);
      }
    }
  });
});

describe("pageHref", () => {
  it("gives page 1 the bare path and other pages ?page=N", () => {
    expect(pageHref("/liujiang", 1)).toBe("/liujiang");
    expect(pageHref("/liujiang", 0)).toBe("/liujiang");
    expect(pageHref("/liujiang", 2)).toBe("/liujiang?page=2");
    expect(pageHref("/", 13)).toBe("/?page=13");
  });
});

describe("pageHref with parameters", () => {
  it("keeps the list's other parameters and drops empty ones; a story's comment pages too", () => {
    expect(pageHref("/search", 2, { q: "融安", channel: "" })).toBe("/search?q=%E8%9E%8D%E5%AE%89&page=2");
    expect(pageHref("/search", 1, { q: "a b" })).toBe("/search?q=a+b");
    expect(pageHref("/liujiang/5", 3)).toBe("/liujiang/5?page=3");
    expect(pageHref("/liujiang/5", 1)).toBe("/liujiang/5");
  });
});
