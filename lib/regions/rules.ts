// Region and new-channel fields (no server-only code, unit-tested): a region's name and pinyin
// slug under its parent; a new channel's name, slug, region, order and slogan.
import { z } from "zod";
import { lineText } from "@/lib/text";
import { SLUG_PATTERN, channelFormSchema } from "@/lib/channels/rules";

/** A region's level follows from its parent's: none → province, province → city, city → county. */
export const CHILD_LEVEL = { root: "province", province: "city", city: "county" } as const;
export type RegionLevel = (typeof CHILD_LEVEL)[keyof typeof CHILD_LEVEL];

export const REGION_LEVEL_LABELS: Record<RegionLevel, string> = {
  province: "省份",
  city: "城市",
  county: "区县",
};

export const regionFormSchema = z.object({
  /** "" for a new province. */
  parentId: z.union([z.literal("").transform(() => null), z.coerce.number().int().positive()], {
    error: "请选择上级地区",
  }),
  name: lineText().trim().min(2, { error: "地区名称至少 2 个字" }).max(20, { error: "地区名称最多 20 个字" }),
  slug: z
    .string()
    .trim()
    .toLowerCase()
    .regex(SLUG_PATTERN, { error: "地址须为 2–31 位小写拼音字母、数字或 -，并以字母开头，如 nanning" }),
});

export type RegionInput = z.output<typeof regionFormSchema>;
export type RegionField = "parentId" | "name" | "slug";

/** A new channel: the fields of an existing one, no id, plus the city or county it covers. */
// A new channel reviews in one step (the column default); the channel form changes it afterwards.
export const newChannelFormSchema = channelFormSchema.omit({ id: true, reviewSteps: true }).extend({
  regionId: z.coerce.number({ error: "请选择频道所属的城市或区县" }).int().positive({
    error: "请选择频道所属的城市或区县",
  }),
});

export type NewChannelInput = z.output<typeof newChannelFormSchema>;
export type NewChannelField = "name" | "slug" | "sortOrder" | "slogan" | "regionId";
