// The permission check every editor-area server action and upload request runs first: same
// origin, a session, and a role that may do it. A refusal is returned, never a redirect: the action
// stops, the form keeps what was typed and says why (the HTTP equivalent is 401 for no session,
// 403 for a foreign origin or a role without the right).
import "server-only";
import { headers } from "next/headers";
import { getCurrentUser, getCurrentUserRenewingCookie } from "@/lib/auth/session";
import { ORIGIN_MESSAGES, checkOrigin } from "@/lib/same-origin";
import type { CurrentUser } from "@/lib/auth/types";
import { canWriteArticles, type Actor } from "@/lib/articles/permissions";

export const GUARD_MESSAGES = {
  401: "登录已失效，操作未执行。请在新标签页重新登录后再提交（您填写的内容仍在表单中）。",
  403: "您的账号没有进行此操作的权限。",
} as const;

export type GuardResult = { ok: true; user: CurrentUser } | { ok: false; status: 401 | 403; message: string };

export interface GuardOptions {
  /** Re-issue the session cookie with a fresh lifetime (the account actions do). */
  renewCookie?: boolean;
  /** The message for a role without the right, when the form has its own wording. */
  forbiddenMessage?: string;
}

/** Any signed-in account: for what every user may do to their own account. */
export function anyAccount(): boolean {
  return true;
}

/** The signed-in user when `allowed` says yes (default: anyone who may write stories). */
export async function guardAction(
  allowed: (actor: Pick<Actor, "role">) => boolean = canWriteArticles,
  options: GuardOptions = {},
): Promise<GuardResult> {
  // proxy.ts refuses these already; checked again here for any path that bypasses it.
  const origin = checkOrigin(await headers());
  if (!origin.ok) return { ok: false, status: 403, message: ORIGIN_MESSAGES[origin.reason] };
  const user = options.renewCookie ? await getCurrentUserRenewingCookie() : await getCurrentUser();
  if (!user) return { ok: false, status: 401, message: GUARD_MESSAGES[401] };
  if (!allowed(user))
    return { ok: false, status: 403, message: options.forbiddenMessage ?? GUARD_MESSAGES[403] };
  return { ok: true, user };
}
