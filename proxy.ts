// Runs before routing, for editor-area addresses only: every request that changes something
// (server actions, the upload route: any method but GET/HEAD/OPTIONS) must come from a page of
// this site, scheme and port included (lib/same-origin.ts); admin page loads renew the editor
// session cookie (pages cannot set cookies themselves). Authorization is NOT decided here: every
// admin page and action checks the session itself. Reader pages never pass through here: they are
// answered from the page cache (README § Architecture), and a proxy on their path would cost
// about half of their throughput.
import { NextResponse, type NextRequest } from "next/server";
import { renewSessionCookie } from "@/lib/auth/proxy";
import { ORIGIN_MESSAGES, checkOrigin } from "@/lib/same-origin";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export function proxy(request: NextRequest) {
  if (!SAFE_METHODS.has(request.method)) {
    const verdict = checkOrigin(request.headers);
    if (!verdict.ok) {
      return NextResponse.json(
        { ok: false, message: ORIGIN_MESSAGES[verdict.reason] },
        { status: 403, headers: { "Cache-Control": "no-store" } },
      );
    }
  }
  return renewSessionCookie(request);
}

export const config = {
  matcher: ["/admin", "/admin/:path*"],
};
