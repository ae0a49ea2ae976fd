"use server";
import { refresh } from "next/cache";
import { z } from "zod";
import { ROLE_LABELS, roleSchema } from "@/lib/auth/schemas";
import { guardAction } from "@/lib/auth/guard";
import { isAdmin } from "@/lib/auth/types";
import { setUserRole } from "@/lib/auth/users";
import type { FormState } from "@/lib/forms/form-state";
import { USER_ADMIN_GUARD, USER_ADMIN_MESSAGES } from "@/lib/auth/user-admin-messages";

const setUserRoleSchema = z.object({
  userId: z.coerce.number({ error: "缺少用户" }).int().positive({ error: "缺少用户" }),
  role: roleSchema,
});

export type SetUserRoleState = FormState<"role">;

export async function setUserRoleAction(
  _prev: SetUserRoleState,
  formData: FormData,
): Promise<SetUserRoleState> {
  const guard = await guardAction(isAdmin, USER_ADMIN_GUARD);
  if (!guard.ok) return { message: guard.message };
  const parsed = setUserRoleSchema.safeParse({ userId: formData.get("userId"), role: formData.get("role") });
  if (!parsed.success) {
    const errors = z.flattenError(parsed.error).fieldErrors;
    return errors.role ? { errors: { role: errors.role } } : { message: USER_ADMIN_MESSAGES.not_found };
  }
  const result = await setUserRole(guard.user, parsed.data.userId, parsed.data.role);
  if (!result.ok) return { message: USER_ADMIN_MESSAGES[result.error] };
  refresh();
  return { ok: true, message: `角色已改为${ROLE_LABELS[parsed.data.role]}` };
}
