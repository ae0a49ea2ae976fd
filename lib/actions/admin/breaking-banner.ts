"use server";
import { refresh } from "next/cache";
import { getDb } from "@/lib/db";
import { guardAction } from "@/lib/auth/guard";
import { parseBannerForm, readBannerForm, type BannerField } from "@/lib/banner/rules";
import { removeBanner, setBanner } from "@/lib/banner/service";
import type { FormState } from "@/lib/forms/form-state";

export type BannerFormState = FormState<BannerField>;

/** Set (or replace) the 突发 banner: editors and admins. */
export async function setBannerAction(_prev: BannerFormState, formData: FormData): Promise<BannerFormState> {
  const values = readBannerForm(formData);
  const guard = await guardAction();
  if (!guard.ok) return { message: guard.message, values };
  const now = new Date();
  const parsed = parseBannerForm(values, now);
  if (!parsed.ok) return { errors: parsed.errors, message: "请检查标出的内容", values };
  const result = await setBanner(await getDb(), guard.user, parsed.input, now);
  if (!result.ok) return { message: result.message, errors: result.errors, values };
  refresh();
  return { ok: true, message: "突发横幅已发布，所有页面将在几秒内显示", values };
}

/** Remove the banner at once (the refreshed page then says there is none: the confirmation). */
export async function removeBannerAction(): Promise<BannerFormState> {
  const guard = await guardAction();
  if (!guard.ok) return { message: guard.message };
  const result = await removeBanner(await getDb(), guard.user, new Date());
  if (!result.ok) return { message: result.message };
  refresh();
  return { ok: true };
}
