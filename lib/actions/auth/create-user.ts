"use server";
import { refresh } from "next/cache";
import { z } from "zod";
import { displayNameSchema, newPasswordSchema, roleSchema, usernameSchema } from "@/lib/auth/schemas";
import { guardAction } from "@/lib/auth/guard";
import { isAdmin } from "@/lib/auth/types";
import { createUser } from "@/lib/auth/users";
import { typedValue, type FormState } from "@/lib/forms/form-state";
import { USER_ADMIN_GUARD, USER_ADMIN_MESSAGES } from "@/lib/auth/user-admin-messages";

const createUserSchema = z.object({
  username: usernameSchema,
  displayName: displayNameSchema,
  role: roleSchema,
  password: newPasswordSchema,
  channels: z.array(z.coerce.number().int().positive()).max(500),
});

export type CreateUserState = FormState<"username" | "displayName" | "role" | "password">;

export async function createUserAction(_prev: CreateUserState, formData: FormData): Promise<CreateUserState> {
  const values = {
    username: typedValue(formData, "username", 64),
    displayName: typedValue(formData, "displayName", 80),
    role: typedValue(formData, "role", 20),
  };
  const guard = await guardAction(isAdmin, USER_ADMIN_GUARD);
  if (!guard.ok) return { message: guard.message, values };
  const parsed = createUserSchema.safeParse({
    username: formData.get("username"),
    displayName: formData.get("displayName") ?? "",
    role: formData.get("role"),
    password: formData.get("password"),
    channels: formData.getAll("channels"),
  });
  if (!parsed.success) {
    const { channels, ...errors } = z.flattenError(parsed.error).fieldErrors;
    return { errors, message: channels ? USER_ADMIN_MESSAGES.unknown_channel : undefined, values };
  }
  // createUser checks the role again (it is callable without a request); this action translates the outcome.
  const result = await createUser(guard.user, parsed.data);
  if (!result.ok) {
    if (result.error === "username_taken")
      return { errors: { username: [USER_ADMIN_MESSAGES.username_taken] }, values };
    return { message: USER_ADMIN_MESSAGES[result.error], values };
  }
  refresh();
  return { ok: true, message: `已创建用户 ${parsed.data.username}` };
}
