"use server";
import { redirect } from "next/navigation";
import { AUDIT, recordAudit } from "@/lib/auth/audit";
import { LOGIN_PATH } from "@/lib/auth/next-path";
import { clearSessionCookie, readSessionToken } from "@/lib/auth/session";
import { deleteSessionByToken } from "@/lib/auth/session-store";

/** Sign out of this browser: the session row is deleted, not just the cookie. */
export async function logout(): Promise<void> {
  const token = await readSessionToken();
  const userId = token ? await deleteSessionByToken(token) : null;
  if (userId !== null) await recordAudit(AUDIT.logout, { userId });
  await clearSessionCookie();
  redirect(LOGIN_PATH);
}
