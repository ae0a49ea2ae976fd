// Runs before routing, only for the pages rendered per request: the editor area and search.
// - Every such page gets a fresh nonce for its scripts (Content-Security-Policy; Next adds the
//   nonce to the scripts it renders). Cached reader pages allow their scripts by hash instead
//   (lib/security/headers.mjs explains both).
// - Admin page loads renew the editor session cookie (pages cannot set cookies themselves).
//   Authorization is NOT decided here: every admin page and action checks the session itself.
// Cached reader pages never pass through here: a proxy on their path would cost about half of
// their throughput (README § Architecture).
import { NextResponse, type NextRequest } from "next/server";
import { renewSessionCookie } from "@/lib/auth/proxy";
import { noncePolicy } from "@/lib/security/script-policy";

export function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(18))).toString("base64");
  const admin = request.nextUrl.pathname.startsWith("/admin");
  const policy = noncePolicy(nonce, admin ? "'none'" : "'self'");
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("content-security-policy", policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  // Replaces the policy of next.config.mjs, which allows inline scripts.
  response.headers.set("content-security-policy", policy);
  if (admin) renewSessionCookie(request, response);
  return response;
}

export const config = {
  matcher: ["/admin", "/admin/:path*", "/search"],
};
