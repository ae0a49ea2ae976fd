// The article form: what it sends (ArticleFormValues, all strings and booleans, exactly as typed)
// and its rules (parseArticleForm). Shared by the server action, the form component and the tests;
// no server-only code here.
import { z } from "zod";
import { formatDateTime, parseBeijingLocal } from "@/lib/time";
import { SAVE_INTENTS } from "@/lib/articles/publication";
import { MAX_TAG_LENGTH, MAX_TAGS, formatTags, parseTags } from "@/lib/articles/tags";
import { LIMITS } from "@/lib/articles/limits";
import { isBodyEmpty, bodyToText } from "@/lib/body/text";
import { imagesWithoutAlt, normalizeBody, offSiteImages } from "@/lib/body/normalize";
import { cleanLine, cleanMultiline, lineText, multilineText } from "@/lib/text";

export { LIMITS };

export interface ArticleFormValues {
  channelId: string;
  title: string;
  summary: string;
  body: string;
  source: string;
  byline: string;
  tags: string;
  leadImageId: string;
  leadImageAlt: string;
  leadImageCaption: string;
  leadImageCredit: string;
  /** datetime-local value, Beijing time: `YYYY-MM-DDTHH:mm`, or "". */
  publishedAt: string;
  /** 撤稿时间 (定时撤稿), the same format, or "": none. */
  unpublishAt: string;
  isHeadline: boolean;
  isRecommended: boolean;
  isCommunity: boolean;
}

export type ArticleField = keyof ArticleFormValues;

export const EMPTY_ARTICLE_FORM: ArticleFormValues = {
  channelId: "",
  title: "",
  summary: "",
  body: "",
  source: "",
  byline: "",
  tags: "",
  leadImageId: "",
  leadImageAlt: "",
  leadImageCaption: "",
  leadImageCredit: "",
  publishedAt: "",
  unpublishAt: "",
  isHeadline: false,
  isRecommended: false,
  isCommunity: false,
};

/** The parsed form: what lib/articles/service.ts saves. */
export interface ArticleInput {
  channelId: number;
  title: string;
  summary: string;
  body: string;
  source: string;
  byline: string;
  tags: string[];
  leadImageId: number | null;
  leadImageAlt: string;
  leadImageCaption: string;
  leadImageCredit: string;
  publishedAt: Date | null;
  /** From this time readers no longer see the story (lib/articles/publication.ts decideUnpublishAt). */
  unpublishAt: Date | null;
  isHeadline: boolean;
  isRecommended: boolean;
  isCommunity: boolean;
}

/**
 * The fields of a submitted form, as typed. Bounded well above every limit, so that an over-long
 * text is reported by the rules below and still comes back to the editor whole.
 */
export function readArticleForm(formData: FormData): ArticleFormValues {
  const text = (name: ArticleField, max: number): string => {
    const v = formData.get(name);
    return typeof v === "string" ? v.slice(0, max * 2) : "";
  };
  const flag = (name: ArticleField): boolean => formData.get(name) !== null;
  return {
    channelId: text("channelId", 20),
    title: text("title", LIMITS.title),
    summary: text("summary", LIMITS.summary),
    body: text("body", LIMITS.bodyHtml),
    source: text("source", LIMITS.source),
    byline: text("byline", LIMITS.byline),
    tags: text("tags", LIMITS.tags),
    leadImageId: text("leadImageId", 20),
    leadImageAlt: text("leadImageAlt", LIMITS.alt),
    leadImageCaption: text("leadImageCaption", LIMITS.caption),
    leadImageCredit: text("leadImageCredit", LIMITS.credit),
    publishedAt: text("publishedAt", 40),
    unpublishAt: text("unpublishAt", 40),
    isHeadline: flag("isHeadline"),
    isRecommended: flag("isRecommended"),
    isCommunity: flag("isCommunity"),
  };
}

const id = /^[1-9]\d{0,9}$/;

/** A datetime-local value in Beijing time; "" is null. */
const beijingTime = (message: string) =>
  z.string().transform((v, ctx) => {
    if (v.trim() === "") return null;
    const date = parseBeijingLocal(v);
    if (!date) {
      ctx.addIssue({ code: "custom", message });
      return z.NEVER;
    }
    return date;
  });

/** Every text field is cleaned of control and bidi characters first (lib/text.ts). */
const trimmed = (max: number, label: string, text = lineText) =>
  text()
    .trim()
    .max(max, { error: `${label}最多 ${max} 个字` });

export const articleFormSchema = z.object({
  channelId: z
    .string()
    .regex(id, { error: "请选择频道" })
    .transform((v) => Number(v)),
  title: lineText()
    .trim()
    .min(1, { error: "请输入标题" })
    .max(LIMITS.title, { error: `标题最多 ${LIMITS.title} 个字` }),
  summary: trimmed(LIMITS.summary, "摘要", multilineText),
  // The editor's HTML, taken into the stored form (lib/body/normalize.ts); its length limit is on
  // the text a reader sees, the markup has a generous bound of its own.
  body: multilineText()
    .overwrite(normalizeBody)
    .refine((v) => !isBodyEmpty(v), { error: "请输入正文" })
    .refine((v) => bodyToText(v).length <= LIMITS.body, { error: `正文最多 ${LIMITS.body} 个字` })
    .refine((v) => v.length <= LIMITS.bodyHtml, { error: "正文的格式过于复杂，请分成几篇或减少格式" }),
  source: trimmed(LIMITS.source, "来源"),
  byline: trimmed(LIMITS.byline, "署名"),
  tags: lineText()
    .max(LIMITS.tags, { error: `标签最多 ${LIMITS.tags} 个字` })
    .transform(parseTags)
    .refine((tags) => tags.length <= MAX_TAGS, { error: `最多 ${MAX_TAGS} 个标签` })
    .refine((tags) => tags.every((t) => t.length <= MAX_TAG_LENGTH), {
      error: `每个标签最多 ${MAX_TAG_LENGTH} 个字`,
    }),
  leadImageId: z
    .string()
    .trim()
    .refine((v) => v === "" || id.test(v), { error: "题图无效，请重新选择" })
    .transform((v) => (v === "" ? null : Number(v))),
  leadImageAlt: trimmed(LIMITS.alt, "替代文字"),
  leadImageCaption: trimmed(LIMITS.caption, "图片说明"),
  leadImageCredit: trimmed(LIMITS.credit, "图片来源"),
  publishedAt: beijingTime("请填写有效的发布时间（北京时间）"),
  unpublishAt: beijingTime("请填写有效的撤稿时间（北京时间）"),
  isHeadline: z.boolean(),
  isRecommended: z.boolean(),
  isCommunity: z.boolean(),
});

export type ArticleFieldErrors = Partial<Record<ArticleField, string[]>>;

export type ParsedArticleForm = { ok: true; data: ArticleInput } | { ok: false; errors: ArticleFieldErrors };

export const LEAD_IMAGE_MESSAGES = {
  alt: "设置题图时必须填写替代文字（供视障读者和图片无法显示时使用）",
  caption: "设置题图时必须填写图片说明",
} as const;

/** Images load from the site only: another site would learn the address of every reader. */
export function offSiteImagesMessage(urls: readonly string[]): string {
  const shown = urls.slice(0, 3).map((u) => (u.length > 100 ? `${u.slice(0, 100)}…` : u));
  const more = urls.length > 3 ? ` 等 ${urls.length} 处` : "";
  return `正文不能引用其他网站的图片（读者打开页面时会向对方暴露自己的地址）：${shown.join("、")}${more}。请删除这些图片，改用本站上传的图片（正文工具栏的“图片”按钮，或从图库选择）。`;
}

/**
 * Every rule at once, so that one submit reports every problem: the schema, plus the lead image
 * rule (alt text and caption are required once a lead image is set) and the body's images (from
 * the site only), checked on the raw values so that they are reported even when other fields fail.
 */
export function parseArticleForm(values: ArticleFormValues): ParsedArticleForm {
  const parsed = articleFormSchema.safeParse(values);
  const errors: ArticleFieldErrors = parsed.success ? {} : z.flattenError(parsed.error).fieldErrors;
  if (values.leadImageId.trim() !== "") {
    if (cleanLine(values.leadImageAlt).trim() === "")
      (errors.leadImageAlt ??= []).push(LEAD_IMAGE_MESSAGES.alt);
    if (cleanLine(values.leadImageCaption).trim() === "")
      (errors.leadImageCaption ??= []).push(LEAD_IMAGE_MESSAGES.caption);
  }
  const offSite = offSiteImages(values.body);
  if (offSite.length > 0) (errors.body ??= []).push(offSiteImagesMessage(offSite));
  const noAlt = imagesWithoutAlt(normalizeBody(cleanMultiline(values.body)));
  if (noAlt.length > 0)
    (errors.body ??= []).push(
      `正文第 ${noAlt.join("、")} 张图片缺少替代文字（描述图片内容，供视障读者和图片无法显示时使用）`,
    );
  if (!parsed.success || Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, data: parsed.data };
}

/** Which story, which version of it the editor started from, which button. */
export const articleMetaSchema = z.object({
  id: z
    .string()
    .refine((v) => v === "" || id.test(v))
    .transform((v) => (v === "" ? null : Number(v))),
  /** updatedAt (ms) of the row the form was loaded from; "" for a new story. */
  version: z
    .string()
    .refine((v) => v === "" || /^\d{1,15}$/.test(v))
    .transform((v) => (v === "" ? null : Number(v))),
  intent: z.enum(SAVE_INTENTS),
});

/** A datetime-local value (`YYYY-MM-DDTHH:mm`) showing `date` in Beijing time. */
export function toBeijingLocalInput(date: Date | null): string {
  return date ? formatDateTime(date).replace(" ", "T") : "";
}

/** Form values for a stored story (edit page, after a save, revision restore). */
export function toFormValues(a: {
  channelId: number;
  title: string;
  summary: string;
  body: string;
  source: string;
  byline: string;
  tags: readonly string[];
  leadImageId: number | null;
  leadImageAlt: string;
  leadImageCaption: string;
  leadImageCredit: string;
  publishedAt: Date | null;
  unpublishAt: Date | null;
  isHeadline: boolean;
  isRecommended: boolean;
  isCommunity: boolean;
}): ArticleFormValues {
  return {
    channelId: String(a.channelId),
    title: a.title,
    summary: a.summary,
    body: a.body,
    source: a.source,
    byline: a.byline,
    tags: formatTags(a.tags),
    leadImageId: a.leadImageId === null ? "" : String(a.leadImageId),
    leadImageAlt: a.leadImageId === null ? "" : a.leadImageAlt,
    leadImageCaption: a.leadImageId === null ? "" : a.leadImageCaption,
    leadImageCredit: a.leadImageId === null ? "" : a.leadImageCredit,
    publishedAt: toBeijingLocalInput(a.publishedAt),
    unpublishAt: toBeijingLocalInput(a.unpublishAt),
    isHeadline: a.isHeadline,
    isRecommended: a.isRecommended,
    isCommunity: a.isCommunity,
  };
}
