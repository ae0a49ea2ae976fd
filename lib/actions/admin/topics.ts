"use server";
import { redirect } from "next/navigation";
import { refresh } from "next/cache";
import { getDb } from "@/lib/db";
import { guardAction } from "@/lib/auth/guard";
import type { FormState } from "@/lib/forms/form-state";
import { findStoriesForTopic, type StoryHit } from "@/lib/data/admin-topics";
import { lineText } from "@/lib/text";
import { parseTopicForm, readTopicForm, type TopicFormValues } from "@/lib/topics/rules";
import { deleteTopic, saveTopic } from "@/lib/topics/service";

/** Errors are keyed by field path (`sections.0.title`), so any string. */
export type TopicFormState = FormState<string, TopicFormValues>;

/** The topic's id from the form's hidden field: null for a new topic, NaN for garbage. */
function topicIdOf(formData: FormData): number | null {
  const raw = formData.get("id");
  if (raw === null || raw === "") return null;
  return typeof raw === "string" && /^\d{1,9}$/.test(raw) ? Number(raw) : Number.NaN;
}

/** Create or save a 专题: editors and admins. A new topic then opens in its edit page. */
export async function saveTopicAction(_prev: TopicFormState, formData: FormData): Promise<TopicFormState> {
  const values = readTopicForm(formData);
  const guard = await guardAction();
  if (!guard.ok) return { message: guard.message, values };
  const id = topicIdOf(formData);
  if (Number.isNaN(id)) return { message: "专题编号无效", values };
  const parsed = parseTopicForm(values);
  if (!parsed.ok) return { errors: parsed.errors, message: "请检查标出的内容", values };
  const result = await saveTopic(await getDb(), guard.user, id, parsed.input, new Date());
  if (!result.ok) return { message: result.message, errors: result.errors, values };
  if (id === null) redirect(`/admin/topics/${result.id}?created=1`);
  refresh();
  return {
    ok: true,
    message: values.published ? "专题已保存，读者几秒内看到新内容" : "专题已保存（未发布）",
    values,
  };
}

export async function deleteTopicAction(_prev: TopicFormState, formData: FormData): Promise<TopicFormState> {
  const guard = await guardAction();
  if (!guard.ok) return { message: guard.message };
  const id = topicIdOf(formData);
  if (id === null || Number.isNaN(id)) return { message: "专题编号无效" };
  if (formData.get("confirm") !== "on") return { message: "请先勾选“确认删除”" };
  const result = await deleteTopic(await getDb(), guard.user, id, new Date());
  if (!result.ok) return { message: result.message };
  redirect("/admin/topics?deleted=1");
}

const query = lineText().trim().min(1).max(60);

/** The form's story finder: stories whose title contains the words (or with that number). */
export async function findTopicStoriesAction(q: string): Promise<{ hits: StoryHit[]; message?: string }> {
  const guard = await guardAction();
  if (!guard.ok) return { hits: [], message: guard.message };
  const parsed = query.safeParse(q);
  if (!parsed.success) return { hits: [], message: "请输入标题中的词或稿件编号" };
  const hits = await findStoriesForTopic(parsed.data, Date.now());
  return { hits, message: hits.length ? undefined : "没有找到标题含这些字的稿件" };
}
