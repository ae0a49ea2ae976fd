import { describe, expect, it } from "vitest";
import { PEER_ADDRESS_HEADER, PEER_PROTO_HEADER } from "@/lib/client-address";
import { checkOrigin, isSameOrigin } from "@/lib/same-origin";
import { parseTrustedProxies } from "@/lib/trusted-proxies";

const none = parseTrustedProxies("");
const loopback = parseTrustedProxies("127.0.0.1, ::1");
const SITE = "http://localhost:3000";

/** A request as `next start` sees it straight from a client at 203.0.113.9 over http. */
const direct = (h: Record<string, string>) =>
  new Headers({ [PEER_ADDRESS_HEADER]: "203.0.113.9", [PEER_PROTO_HEADER]: "http", ...h });
/** A request forwarded by nginx on the same machine. */
const viaNginx = (h: Record<string, string>) =>
  new Headers({ [PEER_ADDRESS_HEADER]: "127.0.0.1", [PEER_PROTO_HEADER]: "http", ...h });

describe("checkOrigin", () => {
  it("accepts the address the request was made to, port included", () => {
    const h = direct({ origin: "http://127.0.0.1:3210", host: "127.0.0.1:3210" });
    expect(isSameOrigin(h, { siteUrl: SITE, trusted: none })).toBe(true);
    expect(
      isSameOrigin(direct({ origin: "http://News.Example.cn", host: "news.example.cn" }), {
        siteUrl: SITE,
        trusted: none,
      }),
    ).toBe(true);
  });

  it("refuses https://<same host> on a site served over http (the scheme counts)", () => {
    const h = direct({ origin: "https://127.0.0.1:3210", host: "127.0.0.1:3210" });
    expect(checkOrigin(h, { siteUrl: SITE, trusted: none })).toEqual({ ok: false, reason: "foreign" });
    // Also when a client claims https through forwarding headers it may not set.
    const claimed = direct({
      origin: "https://127.0.0.1:3210",
      host: "127.0.0.1:3210",
      "x-forwarded-proto": "https",
      "x-forwarded-host": "127.0.0.1:3210",
    });
    expect(isSameOrigin(claimed, { siteUrl: SITE, trusted: none })).toBe(false);
    // And the reverse: http://host when the site is served over TLS.
    const tls = new Headers({
      [PEER_ADDRESS_HEADER]: "203.0.113.9",
      [PEER_PROTO_HEADER]: "https",
      origin: "http://news.example.cn",
      host: "news.example.cn",
    });
    expect(isSameOrigin(tls, { siteUrl: "https://news.example.cn", trusted: none })).toBe(false);
  });

  it("accepts the configured site address (SITE_URL) as it is, default ports normalized", () => {
    const h = direct({ origin: "https://news.example.cn", host: "10.0.0.5:3000" });
    expect(isSameOrigin(h, { siteUrl: "https://news.example.cn", trusted: none })).toBe(true);
    expect(isSameOrigin(h, { siteUrl: "https://news.example.cn:443/news", trusted: none })).toBe(true);
    expect(isSameOrigin(h, { siteUrl: "http://news.example.cn", trusted: none })).toBe(false);
    expect(isSameOrigin(h, { siteUrl: "https://news.example.cn:8443", trusted: none })).toBe(false);
  });

  it("believes X-Forwarded-Proto and X-Forwarded-Host from a trusted proxy only", () => {
    const forwarded = {
      origin: "https://news.example.cn:8443",
      host: "news.example.cn",
      "x-forwarded-proto": "https",
      "x-forwarded-host": "news.example.cn:8443",
    };
    expect(isSameOrigin(viaNginx(forwarded), { siteUrl: SITE, trusted: loopback })).toBe(true);
    expect(isSameOrigin(viaNginx(forwarded), { siteUrl: SITE, trusted: none })).toBe(false);
    expect(isSameOrigin(direct(forwarded), { siteUrl: SITE, trusted: loopback })).toBe(false);
    // Behind nginx the plain http origin of the same host is another scheme.
    expect(
      isSameOrigin(viaNginx({ ...forwarded, origin: "http://news.example.cn:8443" }), {
        siteUrl: SITE,
        trusted: loopback,
      }),
    ).toBe(false);
  });

  it("refuses other ports and hosts", () => {
    const o = { siteUrl: SITE, trusted: none };
    expect(isSameOrigin(direct({ origin: "http://evil.example", host: "127.0.0.1:3210" }), o)).toBe(false);
    expect(isSameOrigin(direct({ origin: "http://127.0.0.1:9999", host: "127.0.0.1:3210" }), o)).toBe(false);
    expect(isSameOrigin(direct({ origin: "http://localhost:3001", host: "localhost:3000" }), o)).toBe(false);
  });

  it("refuses missing, opaque and malformed origins (a missing one only when asked to)", () => {
    const o = { siteUrl: SITE, trusted: none };
    expect(checkOrigin(direct({ host: "127.0.0.1:3210" }), o)).toEqual({ ok: false, reason: "missing" });
    expect(checkOrigin(direct({ host: "127.0.0.1:3210" }), { ...o, allowMissing: true })).toEqual({
      ok: true,
    });
    expect(checkOrigin(direct({ origin: "null", host: "127.0.0.1:3210" }), o)).toEqual({
      ok: false,
      reason: "opaque",
    });
    for (const bad of [
      "::::",
      "http://",
      "javascript:alert(1)",
      "file:///etc/passwd",
      "http://[::1",
      "%ff",
    ]) {
      expect(checkOrigin(direct({ origin: bad, host: "127.0.0.1:3210" }), o)).toEqual({
        ok: false,
        reason: "malformed",
      });
    }
    // No Host header at all: only SITE_URL can match.
    expect(isSameOrigin(direct({ origin: "http://127.0.0.1:3210" }), o)).toBe(false);
    expect(isSameOrigin(direct({ origin: "http://localhost:3000" }), o)).toBe(true);
    // A Host header with more than a host in it is not used.
    expect(isSameOrigin(direct({ origin: "http://a.example", host: "a.example/x@b" }), o)).toBe(false);
  });
});
