"use server";
import { refresh } from "next/cache";
import { redirect } from "next/navigation";
import { getDb } from "@/lib/db";
import { articleMetaSchema, parseArticleForm, readArticleForm } from "@/lib/articles/form";
import { saveArticle, SERVICE_MESSAGES } from "@/lib/articles/service";
import { STATUS_LABELS } from "@/lib/articles/status";
import { guardAction } from "@/lib/auth/guard";
import { afterArticleWrite } from "@/lib/articles/after-write";
import { storeRemoteImages } from "@/lib/body/import/remote-images";
import { bodyImageStorerFor } from "@/lib/body/import/store-upload";
import type { ArticleFormState } from "@/lib/articles/form-state";

const SUCCESS: Record<string, string> = {
  save: "已保存",
  submit: "已提交审核，稿件会出现在审核编辑的“待我处理”中",
  publish: "已发布，读者现在可以看到这篇稿件",
  schedule: "已设为定时发布，到时间后自动对读者显示",
  unpublish: "已撤下，读者将无法再看到这篇稿件",
};

/**
 * The article form: save, publish now, schedule, unpublish (the clicked button's `intent`).
 * Whatever happens before the save, the editor's input is returned and put back into the form.
 */
export async function saveArticleAction(
  prev: ArticleFormState,
  formData: FormData,
): Promise<ArticleFormState> {
  const typed = readArticleForm(formData);
  const guard = await guardAction();
  if (!guard.ok) return { message: guard.message, values: typed, version: prev.version };

  const meta = articleMetaSchema.safeParse({
    id: formData.get("id") ?? "",
    version: formData.get("version") ?? "",
    intent: formData.get("intent"),
  });
  if (!meta.success) return { message: "请求无效，请刷新页面后再试", values: typed };
  const version = meta.data.version ?? undefined;

  // Images from other sites (or data: pictures) in the body are fetched now and stored as
  // uploads, so that readers never load anything from another site. One that cannot be stored
  // refuses the save; images stored already keep their site address in the form.
  const remote = await storeRemoteImages(typed.body, { storeUpload: await bodyImageStorerFor(guard.user) });
  const values = { ...typed, body: remote.html };
  if (remote.errors.length > 0) {
    return { errors: { body: remote.errors }, message: SERVICE_MESSAGES.invalid, values, version };
  }

  const parsed = parseArticleForm(values);
  if (!parsed.ok) return { errors: parsed.errors, message: SERVICE_MESSAGES.invalid, values, version };

  const now = new Date();
  const result = await saveArticle(
    await getDb(),
    guard.user,
    {
      id: meta.data.id,
      version: meta.data.version,
      intent: meta.data.intent,
      input: parsed.data,
      acknowledgeSensitive: formData.get("acknowledgeSensitive") === "1",
    },
    now,
  );
  if (!result.ok && result.error === "sensitive") {
    const { hits, canAcknowledge } = result;
    return { message: result.message, sensitive: { hits, canAcknowledge }, values, version };
  }
  if (!result.ok) {
    return {
      message: result.message,
      errors: result.error === "invalid" ? result.errors : undefined,
      values,
      version,
    };
  }

  afterArticleWrite(result.id, result.touchesReaders);
  const intent = meta.data.intent;
  if (result.created) {
    redirect(
      `/admin/articles/${result.id}?saved=${intent === "submit" ? "submitted" : result.displayStatus}`,
    );
  }
  refresh();
  const message =
    intent === "save"
      ? `${SUCCESS.save}（当前状态：${STATUS_LABELS[result.displayStatus]}）`
      : SUCCESS[intent];
  const warnings = result.sensitiveWarnings;
  return {
    ok: true,
    message: warnings ? `${message}。${SERVICE_MESSAGES.sensitiveSubmitted}` : message,
    values: result.values,
    version: result.updatedAt.getTime(),
    // At submit the hits are a warning: the 主编 decides at sign-off.
    ...(warnings ? { sensitive: { hits: warnings, canAcknowledge: false } } : {}),
  };
}
