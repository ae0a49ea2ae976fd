"use server";
import { refresh } from "next/cache";
import { z } from "zod";
import { guardAction } from "@/lib/auth/guard";
import { isAdmin } from "@/lib/auth/types";
import { setUserDisabled } from "@/lib/auth/users";
import type { FormState } from "@/lib/forms/form-state";
import { USER_ADMIN_GUARD, USER_ADMIN_MESSAGES } from "@/lib/auth/user-admin-messages";

const setUserDisabledSchema = z.object({
  userId: z.coerce.number().int().positive(),
  disabled: z.enum(["true", "false"]).transform((v) => v === "true"),
});

export type SetUserDisabledState = FormState<never>;

export async function setUserDisabledAction(
  _prev: SetUserDisabledState,
  formData: FormData,
): Promise<SetUserDisabledState> {
  const guard = await guardAction(isAdmin, USER_ADMIN_GUARD);
  if (!guard.ok) return { message: guard.message };
  const parsed = setUserDisabledSchema.safeParse({
    userId: formData.get("userId"),
    disabled: formData.get("disabled"),
  });
  if (!parsed.success) return { message: "请求无效，请刷新页面后再试" };
  const result = await setUserDisabled(guard.user, parsed.data.userId, parsed.data.disabled);
  if (!result.ok) return { message: USER_ADMIN_MESSAGES[result.error] };
  refresh();
  return { ok: true, message: parsed.data.disabled ? "已停用，该用户的登录已全部退出" : "已启用" };
}
