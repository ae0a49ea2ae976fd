"use server";
import { redirect } from "next/navigation";
import { z } from "zod";
import { getDb } from "@/lib/db";
import { canDeleteArticles } from "@/lib/articles/permissions";
import { deleteArticle } from "@/lib/articles/service";
import { guardAction } from "@/lib/auth/guard";
import type { FormState } from "@/lib/forms/form-state";

const deleteSchema = z.object({
  id: z.coerce.number().int().positive(),
  // The confirmation page's button sends this; a bare POST with only an id does nothing.
  confirm: z.literal("yes"),
});

/** Delete a story for good (admins only), from its confirmation page. */
export async function deleteArticleAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const guard = await guardAction(canDeleteArticles);
  if (!guard.ok) return { message: guard.message };
  const parsed = deleteSchema.safeParse({ id: formData.get("id"), confirm: formData.get("confirm") });
  if (!parsed.success) return { message: "请求无效，请刷新页面后再试" };
  const result = await deleteArticle(await getDb(), guard.user, parsed.data.id, new Date());
  if (!result.ok) return { message: result.message };
  redirect(`/admin/articles?deleted=${result.id}`);
}
