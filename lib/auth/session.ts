// The session of the current request: cookie ⇄ lib/auth/session-store. Every admin page and
// every admin server action calls one of these itself; the admin layout's check is only a second
// line (layouts do not re-render on navigation and do not stop their pages from rendering).
import "server-only";
import { cache } from "react";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { ADMIN_HOME, loginUrl } from "@/lib/auth/next-path";
import { SESSION_COOKIE, sessionCookieOptions } from "@/lib/auth/session-cookie";
import { validateSessionToken, type ValidSession } from "@/lib/auth/session-store";
import { isAdmin, type CurrentUser } from "@/lib/auth/types";

interface RequestSession extends ValidSession {
  token: string;
}

/** Once per render pass (React cache); server actions are not render passes and read afresh. */
const readSession = cache(async (): Promise<RequestSession | null> => {
  const token = (await cookies()).get(SESSION_COOKIE)?.value;
  if (!token) return null;
  const session = await validateSessionToken(token, new Date());
  return session ? { ...session, token } : null;
});

/** The signed-in user, or null. Never redirects. */
export async function getCurrentUser(): Promise<CurrentUser | null> {
  return (await readSession())?.user ?? null;
}

/**
 * The signed-in user; otherwise a redirect to the login page, which comes back to `next` (the
 * calling page's own path, since server components cannot see the URL).
 */
export async function requireUser(next: string = ADMIN_HOME): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect(loginUrl(next));
  return user;
}

/**
 * For admin-only pages: the signed-in admin; null for anyone else signed in, whose page then
 * returns AdminForbiddenPage (proxy.ts has given the answer status 403: lib/data/admin-routes.ts,
 * adminPathRefused); a redirect to the login page for a visitor who is not signed in.
 */
export async function signedInAdmin(next: string = ADMIN_HOME): Promise<CurrentUser | null> {
  const user = await requireUser(next);
  return isAdmin(user) ? user : null;
}

/**
 * For the account actions (through lib/auth/guard.ts): the signed-in user, or null. Also re-issues
 * the cookie with a fresh 7-day lifetime (cookies can be written in actions, not while rendering),
 * so the cookie keeps pace with the database's sliding expiry.
 */
export async function getCurrentUserRenewingCookie(): Promise<CurrentUser | null> {
  const session = await readSession();
  if (!session) return null;
  await setSessionCookie(session.token, session.expiresAt);
  return session.user;
}

export async function setSessionCookie(token: string, expiresAt: Date): Promise<void> {
  (await cookies()).set(SESSION_COOKIE, token, sessionCookieOptions(expiresAt));
}

/** The cookie's token (for logout), without validating it. */
export async function readSessionToken(): Promise<string | null> {
  return (await cookies()).get(SESSION_COOKIE)?.value ?? null;
}

export async function clearSessionCookie(): Promise<void> {
  // Same attributes as when set: a __Host- cookie is only replaced by a Secure, Path=/ one.
  (await cookies()).set(SESSION_COOKIE, "", { ...sessionCookieOptions(new Date(0)), maxAge: 0 });
}
