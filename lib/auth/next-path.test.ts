import { describe, expect, it } from "vitest";
import { loginUrl, safeNextPath } from "@/lib/auth/next-path";

describe("safeNextPath", () => {
  it("keeps same-site relative paths with query and hash", () => {
    expect(safeNextPath("/admin")).toBe("/admin");
    expect(safeNextPath("/admin/users?page=2#top")).toBe("/admin/users?page=2#top");
    expect(safeNextPath("/liuzhou/123")).toBe("/liuzhou/123");
  });

  it("normalizes dot segments without leaving the site", () => {
    expect(safeNextPath("/admin/../admin/account")).toBe("/admin/account");
    expect(safeNextPath("/../../etc")).toBe("/etc");
  });

  it.each([
    ["absolute http", "https://evil.example/admin"],
    ["absolute other scheme", "javascript:alert(1)"],
    ["protocol-relative", "//evil.example/admin"],
    ["backslash protocol-relative", "/\\evil.example"],
    ["backslash later", "/admin\\..\\x"],
    ["no leading slash", "admin/users"],
    ["tab inside", "/\t/evil.example"],
    ["newline inside", "/admin\nSet-Cookie:x"],
    ["empty", ""],
    ["too long", `/${"a".repeat(2100)}`],
  ])("rejects %s", (_label, raw) => {
    expect(safeNextPath(raw)).toBeNull();
  });

  it("rejects non-strings and the login page itself", () => {
    expect(safeNextPath(undefined)).toBeNull();
    expect(safeNextPath(null)).toBeNull();
    expect(safeNextPath(["/admin"])).toBeNull();
    expect(safeNextPath("/admin/login")).toBeNull();
    expect(safeNextPath("/admin/login?next=/admin")).toBeNull();
  });
});

describe("loginUrl", () => {
  it("adds an encoded next parameter for pages other than the dashboard", () => {
    expect(loginUrl("/admin/users?page=2")).toBe("/admin/login?next=%2Fadmin%2Fusers%3Fpage%3D2");
    expect(loginUrl("/admin")).toBe("/admin/login");
    expect(loginUrl(undefined)).toBe("/admin/login");
    expect(loginUrl("https://evil.example")).toBe("/admin/login");
  });

  it("round-trips through safeNextPath", () => {
    const url = new URL(loginUrl("/admin/account?tab=安全"), "http://x.invalid");
    expect(safeNextPath(url.searchParams.get("next"))).toBe("/admin/account?tab=%E5%AE%89%E5%85%A8");
  });
});
