import { describe, expect, it } from "vitest";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { displayNameSchema, newPasswordSchema, usernameSchema } from "@/lib/auth/schemas";

describe("password hashing", () => {
  it("hashes with argon2id and a fresh salt each time", async () => {
    const a = await hashPassword("correct horse battery");
    const b = await hashPassword("correct horse battery");
    expect(a).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(a).not.toBe(b);
    expect(a).not.toContain("correct horse battery");
  });

  it("verifies the right password and rejects others", async () => {
    const stored = await hashPassword("柳州螺蛳粉-2024!");
    expect(await verifyPassword(stored, "柳州螺蛳粉-2024!")).toBe(true);
    expect(await verifyPassword(stored, "柳州螺蛳粉-2024")).toBe(false);
    expect(await verifyPassword(stored, "")).toBe(false);
  });

  it("treats a malformed stored hash as a mismatch instead of throwing", async () => {
    expect(await verifyPassword("not-a-hash", "whatever-password")).toBe(false);
    expect(await verifyPassword("", "whatever-password")).toBe(false);
  });
});

describe("account field rules", () => {
  it("requires at least 10 characters for a new password", () => {
    expect(newPasswordSchema.safeParse("123456789").success).toBe(false);
    expect(newPasswordSchema.safeParse("1234567890").success).toBe(true);
    expect(newPasswordSchema.safeParse("x".repeat(257)).success).toBe(false);
    expect(newPasswordSchema.safeParse(null).success).toBe(false);
  });

  it("normalizes usernames to lower case and rejects odd characters", () => {
    expect(usernameSchema.parse("  ZhangSan ")).toBe("zhangsan");
    expect(usernameSchema.safeParse("张三").success).toBe(false);
    expect(usernameSchema.safeParse("a").success).toBe(false);
    expect(usernameSchema.safeParse("-dash").success).toBe(false);
    expect(usernameSchema.safeParse("li.si_2").success).toBe(true);
  });

  it("strips control and bidi characters from names", () => {
    expect(displayNameSchema.parse("\u202E张\u0000三\u2069")).toBe("张三");
    expect(usernameSchema.parse("zhang\u200Fsan\u0000")).toBe("zhangsan");
  });
});
