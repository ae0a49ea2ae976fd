"use server";
import { refresh } from "next/cache";
import { getDb } from "@/lib/db";
import { guardAction } from "@/lib/auth/guard";
import type { FormState } from "@/lib/forms/form-state";
import { parseId } from "@/lib/http/params";
import { parseLiveEntryForm, readLiveEntryForm, type LiveEntryField } from "@/lib/live/rules";
import {
  addLiveEntry,
  correctLiveEntry,
  endLive,
  pinLiveEntry,
  removeLiveEntry,
  startLive,
  type LiveResult,
} from "@/lib/live/service";

export type LiveFormState = FormState<LiveEntryField>;

const BAD_FORM = "表单已过期，请刷新页面后再试";

function done(result: LiveResult, message: string): LiveFormState {
  if (!result.ok) return { message: result.message, errors: result.errors };
  refresh();
  return { ok: true, message };
}

/** Start (or restart) the live coverage of the story named by the form's `articleId`. */
export async function startLiveAction(_prev: LiveFormState, formData: FormData): Promise<LiveFormState> {
  const guard = await guardAction();
  if (!guard.ok) return { message: guard.message };
  const articleId = parseId(formData.get("articleId"));
  if (articleId === null) return { message: BAD_FORM };
  return done(await startLive(await getDb(), guard.user, articleId, new Date()), "直播已开始");
}

export async function endLiveAction(_prev: LiveFormState, formData: FormData): Promise<LiveFormState> {
  const guard = await guardAction();
  if (!guard.ok) return { message: guard.message };
  const articleId = parseId(formData.get("articleId"));
  if (articleId === null) return { message: BAD_FORM };
  return done(await endLive(await getDb(), guard.user, articleId, new Date()), "直播已结束");
}

/**
 * Add an entry (no `entryId`) or correct one (`entryId` set). A refusal keeps everything typed and
 * names the field at fault; success empties the new-entry form.
 */
export async function saveLiveEntryAction(_prev: LiveFormState, formData: FormData): Promise<LiveFormState> {
  const values = readLiveEntryForm(formData);
  const guard = await guardAction();
  if (!guard.ok) return { message: guard.message, values };
  const articleId = parseId(formData.get("articleId"));
  const rawEntry = formData.get("entryId");
  const entryId = parseId(rawEntry);
  if (articleId === null || (rawEntry !== null && entryId === null)) return { message: BAD_FORM, values };
  const parsed = parseLiveEntryForm(values);
  if (!parsed.ok) return { errors: parsed.errors, message: "请检查标出的内容", values };
  const db = await getDb();
  const now = new Date();
  const result =
    entryId === null
      ? await addLiveEntry(db, guard.user, articleId, parsed.input, now)
      : await correctLiveEntry(db, guard.user, articleId, entryId, parsed.input, now);
  if (!result.ok) return { message: result.message, errors: result.errors, values };
  refresh();
  return { ok: true, message: entryId === null ? "已发布，读者页面将在十几秒内显示" : "已更正" };
}

/** Pin (`pin=1`) or unpin an entry, or remove it (`remove=1`). */
export async function liveEntryFlagAction(_prev: LiveFormState, formData: FormData): Promise<LiveFormState> {
  const guard = await guardAction();
  if (!guard.ok) return { message: guard.message };
  const articleId = parseId(formData.get("articleId"));
  const entryId = parseId(formData.get("entryId"));
  if (articleId === null || entryId === null) return { message: BAD_FORM };
  const db = await getDb();
  const now = new Date();
  if (formData.get("remove") === "1") {
    return done(await removeLiveEntry(db, guard.user, articleId, entryId, now), "已删除");
  }
  const pin = formData.get("pin") === "1";
  return done(
    await pinLiveEntry(db, guard.user, articleId, entryId, pin, now),
    pin ? "已置顶" : "已取消置顶",
  );
}
