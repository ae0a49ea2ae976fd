"use client";
import { redirect, usePathname, useSearchParams } from "next/navigation";
import { loginUrl } from "@/lib/auth/next-path";

/**
 * Rendered by the admin layout instead of its pages when there is no session. Layouts cannot see
 * the URL on the server, so the redirect to the login page (with `next` pointing back here) is
 * issued from the client hook's view of it; during server rendering Next turns it into an HTTP
 * redirect.
 */
export function LoginRedirect(): never {
  const pathname = usePathname();
  const search = useSearchParams().toString();
  redirect(loginUrl(search ? `${pathname}?${search}` : pathname));
}
