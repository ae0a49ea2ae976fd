// Channel fields: names, pinyin slugs, order, slogans (no server-only code, unit-tested).
import { z } from "zod";
import { lineText } from "@/lib/text";

/** First-level paths the site itself uses: a channel slug must never shadow them. */
export const RESERVED_SLUGS = [
  "admin",
  "api",
  "media",
  "search",
  "tag",
  "author",
  "rank",
  "zhuanti",
  "corrections",
  "region",
  "rss.xml",
  "sitemap.xml",
  "news-sitemap.xml",
  "robots.txt",
  "sitemaps",
  // Next's own assets and files that browsers and crawlers ask for at the root.
  "_next",
  "favicon.ico",
] as const;

/** True when a first path segment belongs to the site itself, so it can never be a channel's. */
export function isReservedSlug(segment: string): boolean {
  return (RESERVED_SLUGS as readonly string[]).includes(segment);
}

export const SLUG_PATTERN = /^[a-z][a-z0-9-]{1,30}$/;

export const slugSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(SLUG_PATTERN, { error: "地址须为 2–31 位小写拼音字母、数字或 -，并以字母开头，如 liujiang" })
  .refine((v) => !isReservedSlug(v), {
    error: "该地址为网站保留地址，不能使用",
  });

export const channelFormSchema = z.object({
  id: z.coerce.number().int().positive(),
  name: lineText().trim().min(2, { error: "频道名称至少 2 个字" }).max(20, { error: "频道名称最多 20 个字" }),
  slug: slugSchema,
  sortOrder: z.coerce
    .number({ error: "请输入数字" })
    .int({ error: "请输入整数" })
    .min(0, { error: "顺序不能小于 0" })
    .max(9999, { error: "顺序最大 9999" }),
  slogan: lineText().trim().max(120, { error: "口号最多 120 个字" }),
  reviewSteps: z.coerce
    .number({ error: "请选择审级" })
    .int({ error: "请选择审级" })
    .min(1, { error: "审级为 1–3" })
    .max(3, { error: "审级为 1–3" }),
});

export type ChannelInput = z.output<typeof channelFormSchema>;
export type ChannelField = "name" | "slug" | "sortOrder" | "slogan" | "reviewSteps";
