"use server";
import { redirect } from "next/navigation";
import { z } from "zod";
import { getDb } from "@/lib/db";
import { guardAction } from "@/lib/auth/guard";
import type { FormState } from "@/lib/forms/form-state";
import { REVIEW_NOTE_MAX, REVIEW_STATES } from "@/lib/workflow/rules";
import { reviewStory } from "@/lib/workflow/service";

export type ReviewFormState = FormState<"note">;

const reviewSchema = z.object({
  articleId: z.coerce.number().int().positive(),
  action: z.enum(["approve", "return"]),
  note: z.string().max(REVIEW_NOTE_MAX * 4),
  seenState: z.enum(REVIEW_STATES),
  seenStep: z.coerce.number().int().min(0).max(3),
});

/** 审核通过 or 退回修改 (the clicked button's `action`). A refusal keeps the note typed. */
export async function reviewArticleAction(
  _prev: ReviewFormState,
  formData: FormData,
): Promise<ReviewFormState> {
  const note = typeof formData.get("note") === "string" ? String(formData.get("note")) : "";
  const values = { note: note.slice(0, REVIEW_NOTE_MAX * 4) };
  const guard = await guardAction();
  if (!guard.ok) return { message: guard.message, values };
  const parsed = reviewSchema.safeParse({
    articleId: formData.get("articleId"),
    action: formData.get("action"),
    note,
    seenState: formData.get("seenState"),
    seenStep: formData.get("seenStep"),
  });
  if (!parsed.success) return { message: "表单已过期，请刷新页面后再试", values };
  const result = await reviewStory(await getDb(), guard.user, parsed.data, new Date());
  if (!result.ok) {
    const noteError = result.reason === "note_required" || result.reason === "note_too_long";
    return noteError ? { errors: { note: [result.message] }, values } : { message: result.message, values };
  }
  // The panel goes away with the state it acted on: the page says what happened.
  const { articleId, action, seenStep } = parsed.data;
  redirect(`/admin/articles/${articleId}?reviewed=${action}&step=${seenStep}&to=${result.reviewState}`);
}
