// Renews the editor session cookie on admin page loads (pages cannot set cookies themselves).
// Authorization is NOT decided here: every admin page and action checks the session itself.
import type { NextRequest } from "next/server";
import { renewSessionCookie } from "@/lib/auth/proxy";

export function proxy(request: NextRequest) {
  return renewSessionCookie(request);
}

export const config = { matcher: ["/admin", "/admin/:path*"] };
