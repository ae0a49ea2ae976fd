// The session cookie's name, lifetime and attributes, in one place (login, logout, renewal).
import { env } from "@/lib/env";

export const SESSION_TTL_MS = 7 * 86_400_000;
/** A session in use is extended at most this often (one write per hour, not one per request). */
export const SESSION_REFRESH_MS = 3_600_000;

/** Sent only over https when the site is served over https. */
export const SESSION_COOKIE_SECURE = env.SITE_URL.startsWith("https:");

/**
 * With https the `__Host-` prefix makes browsers refuse the cookie unless it is Secure, has
 * Path=/ and no Domain, so a sibling subdomain cannot plant or overwrite it.
 */
export const SESSION_COOKIE = SESSION_COOKIE_SECURE ? "__Host-difang_session" : "difang_session";

export interface SessionCookieOptions {
  httpOnly: true;
  sameSite: "lax";
  secure: boolean;
  path: "/";
  expires: Date;
}

/**
 * httpOnly: scripts cannot read it. SameSite=Lax: not sent with cross-site POSTs (CSRF), still sent
 * when following a link to the site.
 */
export function sessionCookieOptions(expires: Date): SessionCookieOptions {
  return { httpOnly: true, sameSite: "lax", secure: SESSION_COOKIE_SECURE, path: "/", expires };
}
