import { describe, expect, it } from "vitest";
import { clientAddress, hashClientAddress } from "@/lib/client-address";
import { generateSessionToken, hashSessionToken, isWellFormedSessionToken } from "@/lib/auth/tokens";

describe("clientAddress", () => {
  it("prefers x-real-ip, then the first x-forwarded-for entry, else unknown", () => {
    expect(
      clientAddress(new Headers({ "x-real-ip": "203.0.113.7", "x-forwarded-for": "198.51.100.1" })),
    ).toBe("203.0.113.7");
    expect(clientAddress(new Headers({ "x-forwarded-for": " 198.51.100.1 , 10.0.0.1" }))).toBe(
      "198.51.100.1",
    );
    expect(clientAddress(new Headers())).toBe("unknown");
    expect(clientAddress(new Headers({ "x-forwarded-for": " , " }))).toBe("unknown");
  });
});

describe("hashClientAddress", () => {
  it("is a salted SHA-256 that never contains the address", () => {
    const h = hashClientAddress("203.0.113.7", "salt-one-12345");
    expect(h).toMatch(/^[0-9a-f]{64}$/);
    expect(h).not.toContain("203.0.113.7");
    expect(hashClientAddress("203.0.113.7", "salt-one-12345")).toBe(h);
    expect(hashClientAddress("203.0.113.7", "salt-two-12345")).not.toBe(h);
    expect(hashClientAddress("203.0.113.8", "salt-one-12345")).not.toBe(h);
  });
});

describe("session tokens", () => {
  it("are 32 random bytes in base64url, stored as their SHA-256", () => {
    const token = generateSessionToken();
    expect(Buffer.from(token, "base64url")).toHaveLength(32);
    expect(isWellFormedSessionToken(token)).toBe(true);
    expect(generateSessionToken()).not.toBe(token);
    expect(hashSessionToken(token)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashSessionToken(token)).not.toBe(token);
  });

  it("rejects malformed cookie values before any lookup", () => {
    expect(isWellFormedSessionToken("")).toBe(false);
    expect(isWellFormedSessionToken("x".repeat(42))).toBe(false);
    expect(isWellFormedSessionToken(`${"x".repeat(42)}=`)).toBe(false);
  });
});
