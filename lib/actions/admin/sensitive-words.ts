"use server";
import { refresh } from "next/cache";
import { getDb } from "@/lib/db";
import { guardAction } from "@/lib/auth/guard";
import type { FormState } from "@/lib/forms/form-state";
import { canManageSensitiveWords } from "@/lib/articles/permissions";
import type { SensitiveHit } from "@/lib/sensitive/check";
import { parseWordForm, readWordForm, type WordField } from "@/lib/sensitive/rules";
import { addWords, loadChecker, removeWords } from "@/lib/sensitive/service";
import { parseId } from "@/lib/http/params";

export type WordsFormState = FormState<WordField>;

/** Add a pasted list. A refusal keeps what was typed; success empties the form. */
export async function addWordsAction(_prev: WordsFormState, formData: FormData): Promise<WordsFormState> {
  const values = readWordForm(formData);
  const guard = await guardAction(canManageSensitiveWords);
  if (!guard.ok) return { message: guard.message, values };
  const parsed = parseWordForm(values);
  if (!parsed.ok) return { errors: parsed.errors, message: "请检查标出的内容", values };
  const result = await addWords(await getDb(), guard.user, parsed.input, new Date());
  if (!result.ok) return { message: result.message, values };
  refresh();
  const skipped = result.existing.length
    ? `；${result.existing.length} 个已在词表中，未改动：${result.existing.slice(0, 10).join("、")}${result.existing.length > 10 ? "…" : ""}`
    : "";
  return { ok: true, message: `已添加 ${result.added} 个${skipped}` };
}

/** Delete one word (row button `remove`) or the ticked ones (`ids`). */
export async function removeWordsAction(_prev: WordsFormState, formData: FormData): Promise<WordsFormState> {
  const guard = await guardAction(canManageSensitiveWords);
  if (!guard.ok) return { message: guard.message };
  const raw = [formData.get("remove"), ...formData.getAll("ids")].filter((v) => v !== null);
  const ids = raw.map((v) => parseId(v)).filter((id): id is number => id !== null);
  if (ids.length === 0 || ids.length !== raw.length) return { message: "请先勾选要删除的词" };
  const result = await removeWords(await getDb(), guard.user, ids, new Date());
  if (!result.ok) return { message: result.message };
  refresh();
  return { ok: true, message: `已删除 ${result.removed ?? 0} 个` };
}

export interface CheckState {
  text?: string;
  hits?: SensitiveHit[];
  message?: string;
}

const CHECK_LIMIT = 50_000;

/** Check a pasted text against the lists as they are: what an editor would be shown. */
export async function checkTextAction(_prev: CheckState, formData: FormData): Promise<CheckState> {
  const raw = formData.get("text");
  const text = typeof raw === "string" ? raw.slice(0, CHECK_LIMIT) : "";
  const guard = await guardAction();
  if (!guard.ok) return { message: guard.message, text };
  if (text.trim() === "") return { message: "请粘贴要检查的文字", text };
  const hits = (await loadChecker(await getDb())).check([{ field: "text", label: "文字", text }]);
  return { text, hits };
}
