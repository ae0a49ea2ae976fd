import { describe, expect, it } from "vitest";
import { BANNER_MESSAGES, articleIdFrom, parseBannerForm } from "@/lib/banner/rules";

// 2026-11-30 12:00 in Beijing.
const NOW = new Date("2026-11-30T04:00:00Z");
const good = { text: "柳江水位超警戒，沿江路段封闭", article: "42", endsAt: "2026-11-30T18:00" };

describe("parseBannerForm", () => {
  it("accepts a line, a story and an end time in Beijing time", () => {
    expect(parseBannerForm(good, NOW)).toEqual({
      ok: true,
      input: { text: good.text, articleId: 42, endsAt: new Date("2026-11-30T10:00:00Z") },
    });
  });

  it("cleans the text like other one-line input and trims it", () => {
    const r = parseBannerForm({ ...good, text: "  突发\u202e消息\n  " }, NOW);
    expect(r.ok && r.input.text).toBe("突发消息");
  });

  it.each([
    ["empty text", { text: "   " }, "text", BANNER_MESSAGES.textEmpty],
    ["too long text", { text: "字".repeat(61) }, "text", BANNER_MESSAGES.textLong],
    ["no story", { article: "" }, "article", BANNER_MESSAGES.article],
    ["not a story address", { article: "/liujiang" }, "article", BANNER_MESSAGES.article],
    ["malformed end time", { endsAt: "明天" }, "endsAt", BANNER_MESSAGES.endsAtBad],
    ["impossible date", { endsAt: "2026-11-31T10:00" }, "endsAt", BANNER_MESSAGES.endsAtBad],
    ["empty end time", { endsAt: "" }, "endsAt", BANNER_MESSAGES.endsAtBad],
    ["past end time", { endsAt: "2026-11-30T11:59" }, "endsAt", BANNER_MESSAGES.endsAtPast],
    ["end time now", { endsAt: "2026-11-30T12:00" }, "endsAt", BANNER_MESSAGES.endsAtPast],
    ["more than 7 days", { endsAt: "2026-12-07T12:01" }, "endsAt", BANNER_MESSAGES.endsAtFar],
  ])("refuses %s, naming the field", (_name, change, field, message) => {
    const r = parseBannerForm({ ...good, ...change }, NOW);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[field as keyof typeof r.errors]).toEqual([message]);
  });

  it("accepts exactly 60 characters and exactly 7 days", () => {
    expect(parseBannerForm({ ...good, text: "字".repeat(60), endsAt: "2026-12-07T12:00" }, NOW).ok).toBe(
      true,
    );
  });
});

describe("articleIdFrom", () => {
  it.each([
    ["42", 42],
    [" 42 ", 42],
    ["/liujiang/42", 42],
    ["liujiang/42", 42],
    ["/liujiang/42-some-words", 42],
    ["/liujiang/42?from=groupmessage#c", 42],
    ["https://difang.example/liujiang/42", 42],
    ["http://localhost:3000/liujiang/42/", 42],
  ])("%s → %s", (value, id) => {
    expect(articleIdFrom(value)).toBe(id);
  });

  it.each([
    "",
    "abc",
    "0",
    "/42",
    "/liujiang",
    "/tag/42/x",
    "https://",
    "99999999999",
    "/liujiang/42/comments/2",
  ])("%s names no story", (value) => {
    expect(articleIdFrom(value)).toBeNull();
  });
});
