// The client's network address, and the only form in which one is ever stored: a salted hash
// (LoginAttempt.ipHash, Comment.ipHash, Ban.ipHash). Shared by login limits, comments and views.
import { createHash } from "node:crypto";

interface HeaderSource {
  get(name: string): string | null;
}

/**
 * Which header to believe: `x-real-ip` (what nginx sets with `proxy_set_header X-Real-IP
 * $remote_addr`, overwriting anything the client sent), else the first entry of
 * `x-forwarded-for` (`next start` fills it with the socket address when the request has none),
 * else "unknown".
 *
 * Both headers can be forged by a client that talks to `next start` directly, so the per-address
 * login limit is only as good as the proxy in front; the per-account limit does not depend on it.
 * In production, run behind a proxy that sets X-Real-IP.
 */
export function clientAddress(headers: HeaderSource): string {
  const real = headers.get("x-real-ip")?.trim();
  if (real) return real.slice(0, 100);
  const forwarded = headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  if (forwarded) return forwarded.slice(0, 100);
  return "unknown";
}

/** SHA-256 of salt + address, hex. The raw address is never stored. */
export function hashClientAddress(address: string, salt: string): string {
  return createHash("sha256").update(`${salt}\u0000${address}`).digest("hex");
}
