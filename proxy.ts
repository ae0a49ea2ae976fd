// Runs before routing, only for the pages rendered per request: the editor area and search.
// - In the editor area every request that changes something (server actions, the upload route:
//   any method but GET/HEAD/OPTIONS) must come from a page of this site, scheme and port included
//   (lib/same-origin.ts).
// - Every page gets a fresh nonce for its scripts (Content-Security-Policy; Next adds the nonce to
//   the scripts it renders). Cached reader pages allow their scripts by hash instead
//   (lib/security/headers.mjs explains both).
// - Admin page loads renew the editor session cookie (pages cannot set cookies themselves).
// - Editor-area addresses that lead nowhere (no such story, a malformed id or page number) are
//   answered with status 404, admin-only pages opened by an editor with 403
//   (lib/data/admin-routes.ts says why the page cannot set it itself).
// Authorization is NOT decided here: every admin page and action checks the session itself; the
// 403 only gives the page's own refusal its status.
// Cached reader pages never pass through here: a proxy on their path would cost about half of
// their throughput (README § Architecture).
import { NextResponse, type NextRequest } from "next/server";
import { renewSessionCookie } from "@/lib/auth/proxy";
import { ORIGIN_MESSAGES, checkOrigin } from "@/lib/same-origin";
import { noncePolicy } from "@/lib/security/script-policy";
import { adminPathLeadsNowhere, adminPathRefused } from "@/lib/data/admin-routes";
import { SESSION_COOKIE } from "@/lib/auth/session-cookie";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export async function proxy(request: NextRequest) {
  const admin = request.nextUrl.pathname.startsWith("/admin");
  if (admin && !SAFE_METHODS.has(request.method)) {
    const verdict = checkOrigin(request.headers);
    if (!verdict.ok) {
      return NextResponse.json(
        { ok: false, message: ORIGIN_MESSAGES[verdict.reason] },
        { status: 403, headers: { "Cache-Control": "no-store" } },
      );
    }
  }
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(18))).toString("base64");
  const policy = noncePolicy(nonce, admin ? "'none'" : "'self'");
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("content-security-policy", policy);
  const status =
    admin && (request.method === "GET" || request.method === "HEAD") ? await adminStatus(request) : null;
  const response = NextResponse.next({
    request: { headers: requestHeaders },
    ...(status ? { status } : {}),
  });
  // Replaces the policy of next.config.mjs, which allows inline scripts.
  response.headers.set("content-security-policy", policy);
  if (admin) renewSessionCookie(request, response);
  return response;
}

/** 403 for an admin-only page and a signed-in editor, 404 for an address that leads nowhere. */
async function adminStatus(request: NextRequest): Promise<403 | 404 | null> {
  const { pathname, searchParams } = request.nextUrl;
  if (await adminPathRefused(pathname, request.cookies.get(SESSION_COOKIE)?.value)) return 403;
  if (await adminPathLeadsNowhere(pathname, searchParams)) return 404;
  return null;
}

export const config = {
  matcher: ["/admin", "/admin/:path*", "/search"],
};
