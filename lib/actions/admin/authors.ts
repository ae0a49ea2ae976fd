"use server";
import { redirect } from "next/navigation";
import { refresh } from "next/cache";
import { getDb } from "@/lib/db";
import { guardAction } from "@/lib/auth/guard";
import type { FormState } from "@/lib/forms/form-state";
import { parseAuthorForm, readAuthorForm, type AuthorField } from "@/lib/authors/rules";
import { createAuthor, updateAuthor } from "@/lib/authors/service";

export type AuthorFormState = FormState<AuthorField>;

/** Create a reporter's profile (editors and admins), then open it for further edits. */
export async function createAuthorAction(
  _prev: AuthorFormState,
  formData: FormData,
): Promise<AuthorFormState> {
  const values = readAuthorForm(formData);
  const guard = await guardAction();
  if (!guard.ok) return { message: guard.message, values };
  const parsed = parseAuthorForm(values);
  if (!parsed.ok) return { errors: parsed.errors, message: "请检查标出的内容", values };
  const result = await createAuthor(await getDb(), guard.user, parsed.input, new Date());
  if (!result.ok) return { message: result.message, errors: result.errors, values };
  redirect(`/admin/authors/${result.id}?created=${result.linked}`);
}

/** Save a profile's fields; a new name or slug relinks the bylines that name it. */
export async function updateAuthorAction(
  _prev: AuthorFormState,
  formData: FormData,
): Promise<AuthorFormState> {
  const values = readAuthorForm(formData);
  const guard = await guardAction();
  if (!guard.ok) return { message: guard.message, values };
  const id = Number(formData.get("id"));
  if (!Number.isSafeInteger(id) || id <= 0) return { message: "这份记者资料不存在或已被删除", values };
  const parsed = parseAuthorForm(values);
  if (!parsed.ok) return { errors: parsed.errors, message: "请检查标出的内容", values };
  const result = await updateAuthor(await getDb(), guard.user, id, parsed.input, new Date());
  if (!result.ok) return { message: result.message, errors: result.errors, values };
  refresh();
  return {
    ok: true,
    message: "已保存",
    values: {
      ...values,
      name: parsed.input.name,
      slug: parsed.input.slug,
      desk: parsed.input.desk,
      bio: parsed.input.bio,
    },
  };
}
