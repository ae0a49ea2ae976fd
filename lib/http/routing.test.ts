import { describe, expect, it } from "vitest";
import { rewriteRules } from "@/lib/http/routing.mjs";
import { ADMIN_POLICY, READER_POLICY, securityHeaderRules } from "@/lib/security/headers.mjs";

describe("security header rules", () => {
  it("the rule for every address has no ':' in a value (Next compiles such values on each request)", () => {
    const all = securityHeaderRules().find((r) => r.source === "/:path*");
    expect(all).toBeDefined();
    for (const { key, value } of all?.headers ?? []) expect(value, key).not.toContain(":");
  });

  it("reader pages allow only the site's images; the editor area also pasted and previewed ones", () => {
    expect(READER_POLICY).toContain("img-src 'self';");
    expect(ADMIN_POLICY).toContain("img-src 'self' data: blob:;");
    const admin = securityHeaderRules().find((r) => r.source === "/admin/:path*");
    expect(admin?.headers.find((h) => h.key === "Content-Security-Policy")?.value).toBe(ADMIN_POLICY);
  });
});

describe("next.config routing", () => {
  it("keeps the rewrites few: every page's route module compiles each one again on every request", () => {
    expect(rewriteRules().beforeFiles.length).toBeLessThanOrEqual(3);
  });
});
