"use server";
import { refresh } from "next/cache";
import { getDb } from "@/lib/db";
import { guardAction } from "@/lib/auth/guard";
import type { FormState } from "@/lib/forms/form-state";
import { moveGalleryItem, removeGalleryItem, updateGalleryItem } from "@/lib/galleries/service";
import { parseGalleryItem, readGalleryItemForm, type GalleryItemField } from "@/lib/galleries/rules";

export type GalleryItemState = FormState<GalleryItemField>;

function ids(articleId: unknown, itemId: unknown): { articleId: number; itemId: number } | null {
  const ok = (v: unknown): v is number => typeof v === "number" && Number.isSafeInteger(v) && v > 0;
  return ok(articleId) && ok(itemId) ? { articleId, itemId } : null;
}

/** Save one image's caption and credit (bound to the story and the gallery row). */
export async function updateGalleryItemAction(
  articleId: number,
  itemId: number,
  _prev: GalleryItemState,
  formData: FormData,
): Promise<GalleryItemState> {
  const values = readGalleryItemForm(formData);
  const key = ids(articleId, itemId);
  if (!key) return { message: "参数无效", values };
  const guard = await guardAction();
  if (!guard.ok) return { message: guard.message, values };
  const parsed = parseGalleryItem(values);
  if (!parsed.ok) return { errors: parsed.errors, message: "请检查标出的内容", values };
  const result = await updateGalleryItem(
    await getDb(),
    guard.user,
    key.articleId,
    key.itemId,
    parsed.input,
    new Date(),
  );
  if (!result.ok) return { message: result.message, values };
  refresh();
  return { ok: true, message: "已保存", values: parsed.input };
}

/** Move one image a place up or down, or remove it; the refreshed list is the confirmation. */
export async function changeGalleryOrderAction(
  articleId: number,
  itemId: number,
  _prev: FormState,
  formData: FormData,
): Promise<FormState> {
  const key = ids(articleId, itemId);
  if (!key) return { message: "参数无效" };
  const guard = await guardAction();
  if (!guard.ok) return { message: guard.message };
  const op = formData.get("op");
  const db = await getDb();
  const now = new Date();
  const result =
    op === "up" || op === "down"
      ? await moveGalleryItem(db, guard.user, key.articleId, key.itemId, op, now)
      : op === "remove"
        ? await removeGalleryItem(db, guard.user, key.articleId, key.itemId, now)
        : { ok: false as const, message: "未知操作" };
  if (!result.ok) return { message: result.message };
  refresh();
  return { ok: true };
}
