// Used by the root proxy.ts. Server components cannot set cookies, so without this the cookie's
// 7-day lifetime is renewed only by server actions; with it, every admin page load renews it too. No database access here: the session row stays the authority (an
// ended session's cookie may be renewed, and is still refused by validateSessionToken).
import { type NextResponse, type NextRequest } from "next/server";
import { SESSION_COOKIE, SESSION_TTL_MS, sessionCookieOptions } from "@/lib/auth/session-cookie";
import { isWellFormedSessionToken } from "@/lib/auth/tokens";

export function renewSessionCookie(request: NextRequest, response: NextResponse): void {
  const token = request.cookies.get(SESSION_COOKIE)?.value;
  if (request.method === "GET" && token && isWellFormedSessionToken(token)) {
    response.cookies.set(SESSION_COOKIE, token, sessionCookieOptions(new Date(Date.now() + SESSION_TTL_MS)));
  }
}
