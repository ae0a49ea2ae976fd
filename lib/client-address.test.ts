import { describe, expect, it } from "vitest";
import {
  PEER_ADDRESS_HEADER,
  PEER_PROTO_HEADER,
  UNKNOWN_ADDRESS,
  clientAddress,
  hashClientAddress,
  requestOrigin,
} from "@/lib/client-address";
import { canonicalIp, parseTrustedProxies } from "@/lib/trusted-proxies";
import { generateSessionToken, hashSessionToken, isWellFormedSessionToken } from "@/lib/auth/tokens";

const none = parseTrustedProxies("");
const nginx = parseTrustedProxies("127.0.0.1, ::1");
const chain = parseTrustedProxies("127.0.0.1, 10.0.0.0/8, fd00::/8");

/** Headers as `next start` sees them: the socket's address (set by the process) plus `h`. */
const from = (peer: string, h: Record<string, string> = {}) =>
  new Headers({ [PEER_ADDRESS_HEADER]: peer, ...h });

describe("clientAddress", () => {
  it("without trusted proxies is the socket's address, whatever the client sends", () => {
    const spoofed = { "x-forwarded-for": "1.2.3.4", "x-real-ip": "5.6.7.8" };
    expect(clientAddress(from("203.0.113.7", spoofed), none)).toBe("203.0.113.7");
    // Also when the client is on loopback, and when it forges the peer header itself (the
    // process overwrites that header on every request: installPeerHeaders).
    expect(clientAddress(from("127.0.0.1", spoofed), none)).toBe("127.0.0.1");
  });

  it("is unknown when the socket's address is not known", () => {
    expect(clientAddress(new Headers({ "x-forwarded-for": "1.2.3.4" }), nginx)).toBe(UNKNOWN_ADDRESS);
    expect(clientAddress(from("garbage"), nginx)).toBe(UNKNOWN_ADDRESS);
  });

  it("from a proxy that is not trusted ignores its headers", () => {
    expect(clientAddress(from("198.51.100.1", { "x-forwarded-for": "1.2.3.4" }), nginx)).toBe("198.51.100.1");
  });

  it("behind nginx takes the address nginx saw, counting from the right", () => {
    // nginx appends $remote_addr ($proxy_add_x_forwarded_for) to whatever the client sent.
    expect(clientAddress(from("127.0.0.1", { "x-forwarded-for": "203.0.113.7" }), nginx)).toBe("203.0.113.7");
    expect(
      clientAddress(from("127.0.0.1", { "x-forwarded-for": "1.2.3.4, 9.9.9.9, 203.0.113.7" }), nginx),
    ).toBe("203.0.113.7");
    // A client forging a trusted address on the left gains nothing.
    expect(clientAddress(from("127.0.0.1", { "x-forwarded-for": "127.0.0.1, 203.0.113.7" }), nginx)).toBe(
      "203.0.113.7",
    );
  });

  it("walks a chain of trusted proxies (CDN → load balancer → nginx)", () => {
    const h = from("127.0.0.1", { "x-forwarded-for": "6.6.6.6, 203.0.113.7, 10.1.2.3, 10.4.5.6" });
    expect(clientAddress(h, chain)).toBe("203.0.113.7");
    // Several headers are joined by commas, in order.
    const joined = new Headers({ [PEER_ADDRESS_HEADER]: "127.0.0.1" });
    joined.append("x-forwarded-for", "6.6.6.6, 203.0.113.8");
    joined.append("x-forwarded-for", "10.1.2.3");
    expect(clientAddress(joined, chain)).toBe("203.0.113.8");
  });

  it("when every hop is trusted takes the leftmost; with no header, the proxy itself", () => {
    expect(clientAddress(from("127.0.0.1", { "x-forwarded-for": "10.0.0.9, 10.0.0.8" }), chain)).toBe(
      "10.0.0.9",
    );
    expect(clientAddress(from("127.0.0.1"), chain)).toBe("127.0.0.1");
    expect(clientAddress(from("127.0.0.1", { "x-forwarded-for": " , " }), chain)).toBe("127.0.0.1");
  });

  it("stops at a malformed entry: the last trusted hop is the client", () => {
    expect(clientAddress(from("127.0.0.1", { "x-forwarded-for": "203.0.113.7, <script>" }), nginx)).toBe(
      "127.0.0.1",
    );
    expect(clientAddress(from("127.0.0.1", { "x-forwarded-for": "unknown, 10.0.0.3" }), chain)).toBe(
      "10.0.0.3",
    );
    expect(clientAddress(from("127.0.0.1", { "x-forwarded-for": "x".repeat(5000) }), nginx)).toBe(
      "127.0.0.1",
    );
  });

  it("reads IPv6: canonical form, brackets and ports, IPv4-mapped addresses", () => {
    expect(clientAddress(from("::1", { "x-forwarded-for": "2001:DB8:0:0:0:0:0:7" }), nginx)).toBe(
      "2001:db8::7",
    );
    expect(clientAddress(from("::ffff:127.0.0.1", { "x-forwarded-for": "[2001:db8::8]:4711" }), nginx)).toBe(
      "2001:db8::8",
    );
    expect(clientAddress(from("::ffff:203.0.113.9"), nginx)).toBe("203.0.113.9");
    expect(clientAddress(from("0:0:0:0:0:0:0:1", { "x-forwarded-for": "203.0.113.7:5555" }), nginx)).toBe(
      "203.0.113.7",
    );
    expect(clientAddress(from("fd00::1", { "x-forwarded-for": "2001:db8::9, fd12::1" }), chain)).toBe(
      "2001:db8::9",
    );
  });
});

describe("canonicalIp", () => {
  it.each([
    ["203.0.113.7", "203.0.113.7"],
    [" ::1 ", "::1"],
    ["::FFFF:7f00:1", "127.0.0.1"],
    ["fe80::1%eth0", "fe80::1"],
    ["[::1]", "::1"],
  ])("%j → %j", (input, out) => expect(canonicalIp(input)).toBe(out));

  it.each(["", "unknown", "1.2.3", "256.1.1.1", "01.2.3.4", "1.2.3.4.5", "::g", "[::1", "a".repeat(100)])(
    "refuses %j",
    (input) => expect(canonicalIp(input)).toBeNull(),
  );
});

describe("requestOrigin", () => {
  it("is the socket's scheme and the Host header, or the trusted proxy's forwarding headers", () => {
    expect(requestOrigin(from("203.0.113.7", { host: "127.0.0.1:3210" }), none)).toBe(
      "http://127.0.0.1:3210",
    );
    const forwarded = {
      host: "example.cn",
      "x-forwarded-proto": "https",
      "x-forwarded-host": "example.cn:8443",
    };
    expect(requestOrigin(from("203.0.113.7", forwarded), nginx)).toBe("http://example.cn");
    expect(requestOrigin(from("127.0.0.1", forwarded), nginx)).toBe("https://example.cn:8443");
    expect(requestOrigin(new Headers({ [PEER_PROTO_HEADER]: "https", host: "a.example:443" }), none)).toBe(
      "https://a.example",
    );
    expect(requestOrigin(from("203.0.113.7"), none)).toBeNull();
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
