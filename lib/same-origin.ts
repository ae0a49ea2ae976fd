// CSRF checks by Origin, shared by the editor area (proxy.ts: every non-GET request under /admin,
// server actions and the upload route alike) and the comment API. Next's own server-action check
// compares only the host, so `https://<this host>` passed on a site served over http.

import { env } from "@/lib/env";
import { requestOrigin, trustedProxies } from "@/lib/client-address";
import type { ProxyList } from "@/lib/trusted-proxies";

interface HeaderSource {
  get(name: string): string | null;
}

export type OriginVerdict =
  { ok: true } | { ok: false; reason: "missing" | "opaque" | "malformed" | "foreign" };

export const ORIGIN_MESSAGES = {
  missing: "请求来源无效：缺少 Origin",
  opaque: "请求来源无效：跨站请求被拒绝",
  malformed: "请求来源无效：Origin 格式错误",
  foreign: "请求来源无效：跨站请求被拒绝",
} as const;

export interface OriginOptions {
  /** Accept a request without Origin (non-browser clients of a public API). Default false. */
  allowMissing?: boolean;
  /** The configured public address (SITE_URL). */
  siteUrl?: string;
  trusted?: ProxyList;
}

/**
 * Whether the request's Origin is this site: scheme, host and port equal either the configured
 * site address (SITE_URL) or the address the request was really made to (the socket's scheme and
 * the Host header, or X-Forwarded-Proto/-Host from a trusted proxy: lib/client-address.ts). So
 * `https://host` is refused on a site served over http, and another port is another site.
 * `Origin: null` (sandboxed frames, privacy-sensitive redirects) and malformed values are refused.
 */
export function checkOrigin(headers: HeaderSource, options: OriginOptions = {}): OriginVerdict {
  const origin = headers.get("origin");
  if (origin === null || origin.trim() === "") {
    return options.allowMissing ? { ok: true } : { ok: false, reason: "missing" };
  }
  if (origin.trim().toLowerCase() === "null") return { ok: false, reason: "opaque" };
  let given: string;
  try {
    const url = new URL(origin.trim());
    if ((url.protocol !== "http:" && url.protocol !== "https:") || url.origin === "null") {
      return { ok: false, reason: "malformed" };
    }
    given = url.origin;
  } catch {
    return { ok: false, reason: "malformed" };
  }
  const site = new URL(options.siteUrl ?? env.SITE_URL).origin;
  const actual = requestOrigin(headers, options.trusted ?? trustedProxies());
  return given === site || given === actual ? { ok: true } : { ok: false, reason: "foreign" };
}

/** checkOrigin for callers that only need yes or no (a missing Origin is refused). */
export function isSameOrigin(headers: HeaderSource, options: OriginOptions = {}): boolean {
  return checkOrigin(headers, options).ok;
}
