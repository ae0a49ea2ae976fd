"use server";
import { refresh } from "next/cache";
import { z } from "zod";
import { getDb } from "@/lib/db";
import { canManageChannels } from "@/lib/articles/permissions";
import { guardAction } from "@/lib/auth/guard";
import { channelFormSchema, type ChannelField } from "@/lib/channels/rules";
import { updateChannel } from "@/lib/channels/service";
import { typedValue, type FormState } from "@/lib/forms/form-state";

export type ChannelFormState = FormState<ChannelField>;

/** Save one channel's name, slug, order, slogan and review steps (admins only). */
export async function updateChannelAction(
  _prev: ChannelFormState,
  formData: FormData,
): Promise<ChannelFormState> {
  const values = {
    name: typedValue(formData, "name", 100),
    slug: typedValue(formData, "slug", 100),
    sortOrder: typedValue(formData, "sortOrder", 20),
    slogan: typedValue(formData, "slogan", 400),
    reviewSteps: typedValue(formData, "reviewSteps", 10),
  };
  const guard = await guardAction(canManageChannels);
  if (!guard.ok) return { message: guard.message, values };
  const parsed = channelFormSchema.safeParse({ id: formData.get("id"), ...values });
  if (!parsed.success) {
    const { name, slug, sortOrder, slogan, reviewSteps } = z.flattenError(parsed.error).fieldErrors;
    return { errors: { name, slug, sortOrder, slogan, reviewSteps }, message: "请检查标出的内容", values };
  }
  const result = await updateChannel(await getDb(), guard.user, parsed.data, new Date());
  if (!result.ok) return { message: result.message, errors: result.errors, values };
  refresh();
  const moved = result.slugChanged ? `；旧地址 /${result.oldSlug} 会自动跳转到 /${parsed.data.slug}` : "";
  return {
    ok: true,
    message: `已保存${moved}`,
    values: {
      name: parsed.data.name,
      slug: parsed.data.slug,
      sortOrder: String(parsed.data.sortOrder),
      slogan: parsed.data.slogan,
      reviewSteps: String(parsed.data.reviewSteps),
    },
  };
}
