"use server";
import { refresh } from "next/cache";
import { getDb } from "@/lib/db";
import { guardAction } from "@/lib/auth/guard";
import type { FormState } from "@/lib/forms/form-state";
import { parseCorrectionForm, readCorrectionForm, type CorrectionField } from "@/lib/corrections/rules";
import { addCorrection, removeCorrection } from "@/lib/corrections/service";
import { parseId } from "@/lib/http/params";

export type CorrectionFormState = FormState<CorrectionField>;

const BAD_FORM = "表单已过期，请刷新页面后再试";

/** Add a 更正 or 更新说明. A refusal keeps everything typed; success empties the form. */
export async function addCorrectionAction(
  _prev: CorrectionFormState,
  formData: FormData,
): Promise<CorrectionFormState> {
  const values = readCorrectionForm(formData);
  const guard = await guardAction();
  if (!guard.ok) return { message: guard.message, values };
  const articleId = parseId(formData.get("articleId"));
  if (articleId === null) return { message: BAD_FORM, values };
  const parsed = parseCorrectionForm(values);
  if (!parsed.ok) return { errors: parsed.errors, message: "请检查标出的内容", values };
  const result = await addCorrection(await getDb(), guard.user, articleId, parsed.input, new Date());
  if (!result.ok) return { message: result.message, values };
  refresh();
  return { ok: true, message: "已发布，读者页面将在十几秒内显示" };
}

/** Take a note down. */
export async function removeCorrectionAction(
  _prev: CorrectionFormState,
  formData: FormData,
): Promise<CorrectionFormState> {
  const guard = await guardAction();
  if (!guard.ok) return { message: guard.message };
  const articleId = parseId(formData.get("articleId"));
  const correctionId = parseId(formData.get("correctionId"));
  if (articleId === null || correctionId === null) return { message: BAD_FORM };
  const result = await removeCorrection(await getDb(), guard.user, articleId, correctionId, new Date());
  if (!result.ok) return { message: result.message };
  refresh();
  return { ok: true, message: "已撤下" };
}
