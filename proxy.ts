// Runs before routing (Node.js runtime, same process as the pages).
// - Reader URLs that do not exist are rewritten to a path no route matches, so that Next renders
//   app/not-found.tsx on the server with status 404 (see lib/data/reader-routes.ts for why).
// - Admin page loads renew the editor session cookie (pages cannot set cookies themselves).
//   Authorization is NOT decided here: every admin page and action checks the session itself.
import { NextResponse, type NextRequest } from "next/server";
import { renewSessionCookie } from "@/lib/auth/proxy";
import { readerPathExists } from "@/lib/data/reader-routes";

const NOT_FOUND_PATH = "/_not-found-rewrite/x/x";

export async function proxy(request: NextRequest) {
  const { pathname, searchParams } = request.nextUrl;
  if (pathname === "/admin" || pathname.startsWith("/admin/")) return renewSessionCookie(request);
  if (
    (request.method === "GET" || request.method === "HEAD") &&
    !(await readerPathExists(pathname, searchParams))
  ) {
    return NextResponse.rewrite(new URL(NOT_FOUND_PATH, request.url));
  }
  return NextResponse.next();
}

export const config = {
  // Pages only: not API routes, media, Next's assets or files with an extension (feeds keep theirs).
  matcher: ["/admin", "/admin/:path*", "/((?!api/|media/|_next/|.*\\.[a-z0-9]+$).+)"],
};
