"use server";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { env } from "@/lib/env";
import { clientAddress, hashClientAddress } from "@/lib/client-address";
import { signIn, type AuthFailure } from "@/lib/auth/login";
import { ADMIN_HOME, safeNextPath } from "@/lib/auth/next-path";
import { PASSWORD_MAX_LENGTH } from "@/lib/auth/password";
import { LOCKOUT_MESSAGE } from "@/lib/auth/rate-limit";
import { readSessionToken, setSessionCookie } from "@/lib/auth/session";
import { deleteSessionByToken } from "@/lib/auth/session-store";
import { typedValue, type FormState } from "@/lib/forms/form-state";

const loginSchema = z.object({
  username: z
    .string({ error: "请输入用户名" })
    .trim()
    .min(1, { error: "请输入用户名" })
    .max(64, { error: "用户名最多 64 个字符" }),
  // Any length is checked as a password would be; too long simply cannot match.
  password: z
    .string({ error: "请输入密码" })
    .min(1, { error: "请输入密码" })
    .max(PASSWORD_MAX_LENGTH * 4, { error: "用户名或密码错误" }),
  // Re-checked here: the hidden field is as untrusted as the query string it came from.
  next: z.unknown().transform((v) => safeNextPath(v)),
});

export type LoginState = FormState<"username" | "password">;

const FAILURE_MESSAGES: Record<AuthFailure, string> = {
  // The same message for an unknown name and a wrong password: no probing for accounts.
  invalid: "用户名或密码错误",
  rate_limited: LOCKOUT_MESSAGE,
  disabled: "该账号已停用，请联系管理员",
};

export async function login(_prev: LoginState, formData: FormData): Promise<LoginState> {
  const values = { username: typedValue(formData, "username", 64) };
  const parsed = loginSchema.safeParse({
    username: formData.get("username"),
    password: formData.get("password"),
    next: formData.get("next"),
  });
  if (!parsed.success) {
    const { username, password } = z.flattenError(parsed.error).fieldErrors;
    return { errors: { username, password }, values };
  }
  const requestHeaders = await headers();
  const result = await signIn({
    username: parsed.data.username,
    password: parsed.data.password,
    ipHash: hashClientAddress(clientAddress(requestHeaders), env.IP_HASH_SALT),
    userAgent: requestHeaders.get("user-agent") ?? "",
    now: new Date(),
  });
  if (!result.ok) return { message: FAILURE_MESSAGES[result.reason], values };

  // A session this browser still had (e.g. another account's) ends with the new sign-in.
  const previous = await readSessionToken();
  if (previous) await deleteSessionByToken(previous);
  await setSessionCookie(result.session.token, result.session.expiresAt);
  redirect(parsed.data.next ?? ADMIN_HOME);
}
