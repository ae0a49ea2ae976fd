// Runs before routing, for editor-area addresses only: admin page loads renew the editor session
// cookie (pages cannot set cookies themselves). Authorization is NOT decided here: every admin page
// and action checks the session itself. Reader pages never pass through here: they are answered
// from the page cache (README § Architecture), and a proxy on their path would cost about half of
// their throughput.
import type { NextRequest } from "next/server";
import { renewSessionCookie } from "@/lib/auth/proxy";

export function proxy(request: NextRequest) {
  return renewSessionCookie(request);
}

export const config = {
  matcher: ["/admin", "/admin/:path*"],
};
