import { describe, expect, it } from "vitest";
import { parseArticleId } from "@/lib/url";

describe("parseArticleId", () => {
  it.each([
    ["123", 123],
    ["1", 1],
    ["123-readable-words", 123],
    ["123-柳州螺蛳粉", 123],
    ["123-", 123],
    ["123-%E6%9F%B3%E5%B7%9E", 123],
    ["2147483647", 2147483647],
  ])("accepts %j", (raw, expected) => {
    expect(parseArticleId(raw)).toBe(expected);
  });

  it.each([
    "0",
    "00",
    "0123",
    "-1",
    "abc",
    "123abc",
    "12/3",
    "%31%32%33", // a segment still encoded: callers decode first (lib/http/params.ts)
    "123-a/b",
    "%E0%A4%A", // malformed escape
    "%",
    "",
    " 123",
    "123 ",
    "1.5",
    "1e3",
    "１２３", // full-width digits
    "2147483648", // beyond a 32-bit id
    "9999999999",
    "12345678901", // 11 digits
    "99999999999999999999999",
  ])("rejects %j", (raw) => {
    expect(parseArticleId(raw)).toBeNull();
  });
});
