"use server";
import { redirect } from "next/navigation";
import { anyAccount, guardAction } from "@/lib/auth/guard";
import { LOGIN_PATH } from "@/lib/auth/next-path";
import { clearSessionCookie } from "@/lib/auth/session";
import { signOutEverywhere } from "@/lib/auth/users";

/** End every session of the signed-in user, this one included. */
export async function signOutEverywhereAction(): Promise<void> {
  const guard = await guardAction(anyAccount);
  // No form to show a refusal in: without a session (or from elsewhere) it is the login page.
  if (!guard.ok) redirect(LOGIN_PATH);
  await signOutEverywhere(guard.user);
  await clearSessionCookie();
  redirect(LOGIN_PATH);
}
