"use server";
import { z } from "zod";
import { newPasswordSchema } from "@/lib/auth/schemas";
import { anyAccount, guardAction } from "@/lib/auth/guard";
import { changeOwnPassword } from "@/lib/auth/users";
import type { FormState } from "@/lib/forms/form-state";

const changePasswordSchema = z
  .object({
    currentPassword: z.string({ error: "请输入当前密码" }).min(1, { error: "请输入当前密码" }).max(1024),
    newPassword: newPasswordSchema,
    confirmPassword: z.string({ error: "请再次输入新密码" }),
  })
  .refine((v) => v.newPassword === v.confirmPassword, {
    error: "两次输入的新密码不一致",
    path: ["confirmPassword"],
  })
  .refine((v) => v.newPassword !== v.currentPassword, {
    error: "新密码不能与当前密码相同",
    path: ["newPassword"],
  });

export type ChangePasswordState = FormState<"currentPassword" | "newPassword" | "confirmPassword">;

export async function changePassword(
  _prev: ChangePasswordState,
  formData: FormData,
): Promise<ChangePasswordState> {
  const guard = await guardAction(anyAccount, { renewCookie: true });
  if (!guard.ok) return { message: guard.message };
  const parsed = changePasswordSchema.safeParse({
    currentPassword: formData.get("currentPassword"),
    newPassword: formData.get("newPassword"),
    confirmPassword: formData.get("confirmPassword"),
  });
  if (!parsed.success) return { errors: z.flattenError(parsed.error).fieldErrors };
  const result = await changeOwnPassword(guard.user, parsed.data.currentPassword, parsed.data.newPassword);
  if (!result.ok) {
    return result.error === "wrong_password"
      ? { errors: { currentPassword: ["当前密码不正确"] } }
      : { message: "无法修改密码，请重新登录后再试" };
  }
  return { ok: true, message: "密码已修改；其他设备上的登录已全部退出。" };
}
