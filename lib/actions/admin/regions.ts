"use server";
import { refresh } from "next/cache";
import { z } from "zod";
import { getDb } from "@/lib/db";
import { canManageChannels } from "@/lib/articles/permissions";
import { guardAction } from "@/lib/auth/guard";
import {
  REGION_LEVEL_LABELS,
  newChannelFormSchema,
  regionFormSchema,
  type NewChannelField,
  type RegionField,
} from "@/lib/regions/rules";
import { createChannel, createRegion } from "@/lib/regions/service";
import { typedValue, type FormState } from "@/lib/forms/form-state";

export type RegionFormState = FormState<RegionField>;
export type NewChannelFormState = FormState<NewChannelField>;

/** Add a province, a city under a province or a county under a city (admins only). */
export async function createRegionAction(
  _prev: RegionFormState,
  formData: FormData,
): Promise<RegionFormState> {
  const values = {
    parentId: typedValue(formData, "parentId", 20),
    name: typedValue(formData, "name", 100),
    slug: typedValue(formData, "slug", 100),
  };
  const guard = await guardAction(canManageChannels);
  if (!guard.ok) return { message: guard.message, values };
  const parsed = regionFormSchema.safeParse(values);
  if (!parsed.success) {
    const { parentId, name, slug } = z.flattenError(parsed.error).fieldErrors;
    return { errors: { parentId, name, slug }, message: "请检查标出的内容", values };
  }
  const result = await createRegion(await getDb(), guard.user, parsed.data, new Date());
  if (!result.ok) return { message: result.message, errors: result.errors, values };
  refresh();
  // The parent stays chosen: the next county of the same city is one name and slug away.
  return {
    ok: true,
    message: `已添加${REGION_LEVEL_LABELS[result.level]}：${parsed.data.name}`,
    values: { parentId: values.parentId },
  };
}

/** Create a channel in a city or county (admins only); it joins that city's channel bar. */
export async function createChannelAction(
  _prev: NewChannelFormState,
  formData: FormData,
): Promise<NewChannelFormState> {
  const values = {
    name: typedValue(formData, "name", 100),
    slug: typedValue(formData, "slug", 100),
    regionId: typedValue(formData, "regionId", 20),
    sortOrder: typedValue(formData, "sortOrder", 20),
    slogan: typedValue(formData, "slogan", 400),
  };
  const guard = await guardAction(canManageChannels);
  if (!guard.ok) return { message: guard.message, values };
  const parsed = newChannelFormSchema.safeParse(values);
  if (!parsed.success) {
    const { name, slug, regionId, sortOrder, slogan } = z.flattenError(parsed.error).fieldErrors;
    return { errors: { name, slug, regionId, sortOrder, slogan }, message: "请检查标出的内容", values };
  }
  const result = await createChannel(await getDb(), guard.user, parsed.data, new Date());
  if (!result.ok) return { message: result.message, errors: result.errors, values };
  refresh();
  return {
    ok: true,
    message: `已新建频道 ${parsed.data.name}（/${parsed.data.slug}）`,
    values: { regionId: values.regionId, sortOrder: values.sortOrder },
  };
}
