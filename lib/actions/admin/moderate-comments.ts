"use server";
import { refresh } from "next/cache";
import { z } from "zod";
import { getDb } from "@/lib/db";
import { formatDateTime } from "@/lib/time";
import { canModerateComments } from "@/lib/articles/permissions";
import { guardAction } from "@/lib/auth/guard";
import {
  DECISION_LABELS,
  banSchema,
  moderationRequest,
  moderationSchema,
  readModerationForm,
} from "@/lib/comments/moderation-rules";
import { banCommentAddress, moderateComments } from "@/lib/comments/moderation-service";
import type { FormState } from "@/lib/forms/form-state";

/** Approve / reject / delete: one row's button, or the checked rows with a bulk button. */
export async function moderateCommentsAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const guard = await guardAction(canModerateComments);
  if (!guard.ok) return { message: guard.message };
  const parsed = moderationSchema.safeParse(readModerationForm(formData));
  if (!parsed.success) return { message: parsed.error.issues[0]?.message ?? "请求无效，请刷新页面后再试" };
  const request = moderationRequest(parsed.data);
  const result = await moderateComments(await getDb(), guard.user, request, new Date());
  if (!result.ok) return { message: result.message };
  // Rejecting or deleting an approved comment changes the reader's list as much as approving.
  refresh();
  return { ok: true, message: `已${DECISION_LABELS[request.decision]} ${result.count} 条评论` };
}

/** Ban the address a comment came from for N hours. */
export async function banAddressAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const guard = await guardAction(canModerateComments);
  if (!guard.ok) return { message: guard.message };
  const parsed = banSchema.safeParse({
    commentId: formData.get("commentId"),
    hours: formData.get("hours"),
    reason: formData.get("reason") ?? undefined,
  });
  if (!parsed.success) return { message: z.flattenError(parsed.error).fieldErrors.hours?.[0] ?? "请求无效" };
  const result = await banCommentAddress(
    await getDb(),
    guard.user,
    { ...parsed.data, rejectPending: formData.get("rejectPending") !== null },
    new Date(),
  );
  if (!result.ok) return { message: result.message };
  refresh();
  const rejected = result.rejected > 0 ? `，并拒绝了该地址的 ${result.rejected} 条待审核评论` : "";
  return { ok: true, message: `已封禁该地址至 ${formatDateTime(result.until)}${rejected}` };
}
