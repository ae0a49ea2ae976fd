"use server";
import { refresh } from "next/cache";
import { z } from "zod";
import { guardAction } from "@/lib/auth/guard";
import { isAdmin } from "@/lib/auth/types";
import { setUserDesks } from "@/lib/auth/users";
import type { FormState } from "@/lib/forms/form-state";
import { USER_ADMIN_GUARD, USER_ADMIN_MESSAGES } from "@/lib/auth/user-admin-messages";

const setUserDesksSchema = z.object({
  userId: z.coerce.number().int().positive(),
  channels: z.array(z.coerce.number().int().positive()).max(500),
});

export type SetUserDesksState = FormState;

/** The channels (desks) a reporter or editor works for; none ticked: every channel. */
export async function setUserDesksAction(
  _prev: SetUserDesksState,
  formData: FormData,
): Promise<SetUserDesksState> {
  const guard = await guardAction(isAdmin, USER_ADMIN_GUARD);
  if (!guard.ok) return { message: guard.message };
  const parsed = setUserDesksSchema.safeParse({
    userId: formData.get("userId"),
    channels: formData.getAll("channels"),
  });
  if (!parsed.success) return { message: USER_ADMIN_MESSAGES.unknown_channel };
  const result = await setUserDesks(guard.user, parsed.data.userId, parsed.data.channels);
  if (!result.ok) return { message: USER_ADMIN_MESSAGES[result.error] };
  refresh();
  return { ok: true, message: "负责频道已更新" };
}
