"use server";
import { redirect } from "next/navigation";
import { LOGIN_PATH } from "@/lib/auth/next-path";
import { clearSessionCookie, requireUserForAction } from "@/lib/auth/session";
import { signOutEverywhere } from "@/lib/auth/users";

/** End every session of the signed-in user, this one included. */
export async function signOutEverywhereAction(): Promise<void> {
  const user = await requireUserForAction();
  await signOutEverywhere(user);
  await clearSessionCookie();
  redirect(LOGIN_PATH);
}
