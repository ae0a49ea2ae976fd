"use server";
import { refresh } from "next/cache";
import { z } from "zod";
import { getDb } from "@/lib/db";
import { restoreRevision } from "@/lib/articles/service";
import { guardAction } from "@/lib/auth/guard";
import { afterArticleWrite } from "@/lib/articles/after-write";
import type { FormState } from "@/lib/forms/form-state";

const restoreSchema = z.object({
  articleId: z.coerce.number().int().positive(),
  revisionId: z.coerce.number().int().positive(),
});

/** Save an old revision's content again (a new revision; status and publish time unchanged). */
export async function restoreRevisionAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const guard = await guardAction();
  if (!guard.ok) return { message: guard.message };
  const parsed = restoreSchema.safeParse({
    articleId: formData.get("articleId"),
    revisionId: formData.get("revisionId"),
  });
  if (!parsed.success) return { message: "请求无效，请刷新页面后再试" };
  const result = await restoreRevision(
    await getDb(),
    guard.user,
    parsed.data.articleId,
    parsed.data.revisionId,
    new Date(),
  );
  if (!result.ok) return { message: result.message };
  afterArticleWrite(result.id, result.touchesReaders);
  refresh();
  return { ok: true, message: "已恢复该版本的内容（保存为一个新版本）" };
}
