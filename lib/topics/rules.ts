// The 专题 form: what it sends, exactly as typed, and its rules. Shared by the server actions, the
// form and the tests; no server-only code here.
import { z } from "zod";
import { articleIdFrom } from "@/lib/banner/rules";
import { lineText, multilineText } from "@/lib/text";

export const TOPIC_LIMITS = {
  title: 40,
  slug: 60,
  intro: 1_000,
  sectionTitle: 30,
  /** Sections per topic: a topic page reads each section, so their number bounds its queries. */
  sections: 10,
  /** Hand-picked stories per section. */
  picked: 50,
  tag: 40,
  homeOrder: 999,
} as const;

/** How many empty sections the form offers below the filled ones (save to get more). */
export const BLANK_SECTIONS = 2;

export type SectionKind = "picked" | "tag";

export interface SectionFormValues {
  title: string;
  kind: SectionKind;
  /** Story ids or addresses, separated by spaces, commas or lines, in reading order. */
  stories: string;
  tag: string;
}

export interface TopicFormValues {
  title: string;
  slug: string;
  intro: string;
  bannerImageId: string;
  published: boolean;
  featuredOnHome: boolean;
  homeOrder: string;
  sections: SectionFormValues[];
}

/** Field names: the topic's own, `sections` for the whole list, `s<i>.<field>` per section. */
export type TopicFieldErrors = Record<string, string[]>;

export interface SectionInput {
  /** The section's field prefix in the form (`s2`), for the service's errors. */
  field: string;
  title: string;
  kind: SectionKind;
  articleIds: number[];
  tag: string | null;
}

export interface TopicInput {
  title: string;
  slug: string;
  intro: string;
  bannerImageId: number | null;
  published: boolean;
  featuredOnHome: boolean;
  homeOrder: number;
  sections: SectionInput[];
}

/** Addresses under /zhuanti that are not topics (routes of their own). */
export const RESERVED_SLUGS = new Set(["page"]);

export const TOPIC_MESSAGES = {
  titleEmpty: "请输入专题标题",
  titleLong: `标题最多 ${TOPIC_LIMITS.title} 个字`,
  slug: "地址须为小写拼音、数字或连字符，以字母开头，如 sanyuesan 或 luosifen-2026",
  slugReserved: "这个地址留作他用，请换一个",
  introLong: `简介最多 ${TOPIC_LIMITS.intro} 个字`,
  image: "题图编号无效，请重新上传或选择",
  homeOrder: `首页顺序须为 0 到 ${TOPIC_LIMITS.homeOrder} 的整数`,
  sectionsMany: `一个专题最多 ${TOPIC_LIMITS.sections} 个栏目`,
  sectionsNone: "发布的专题至少要有一个栏目",
  sectionTitleEmpty: "请输入栏目标题",
  sectionTitleLong: `栏目标题最多 ${TOPIC_LIMITS.sectionTitle} 个字`,
  storiesEmpty: "请填写至少一篇稿件的编号或地址",
  storiesMany: `每个栏目最多 ${TOPIC_LIMITS.picked} 篇稿件`,
  storyBad: (v: string) => `“${v}”不是稿件编号或地址`,
  tagEmpty: "请填写标签名",
  tagLong: `标签最多 ${TOPIC_LIMITS.tag} 个字`,
} as const;

function text(formData: FormData, name: string, max: number): string {
  const v = formData.get(name);
  return typeof v === "string" ? v.slice(0, max) : "";
}

/** The fields of a submitted form, bounded well above the limits so that what was typed comes back. */
export function readTopicForm(formData: FormData): TopicFormValues {
  const sections: SectionFormValues[] = [];
  for (let i = 0; i < TOPIC_LIMITS.sections + BLANK_SECTIONS; i++) {
    if (!formData.has(`s${i}.title`)) continue;
    sections.push({
      title: text(formData, `s${i}.title`, TOPIC_LIMITS.sectionTitle * 4),
      kind: formData.get(`s${i}.kind`) === "tag" ? "tag" : "picked",
      stories: text(formData, `s${i}.stories`, 20_000),
      tag: text(formData, `s${i}.tag`, TOPIC_LIMITS.tag * 4),
    });
  }
  return {
    title: text(formData, "title", TOPIC_LIMITS.title * 4),
    slug: text(formData, "slug", TOPIC_LIMITS.slug * 4),
    intro: text(formData, "intro", TOPIC_LIMITS.intro * 4),
    bannerImageId: text(formData, "bannerImageId", 20),
    published: formData.get("published") === "on",
    featuredOnHome: formData.get("featuredOnHome") === "on",
    homeOrder: text(formData, "homeOrder", 20),
    sections,
  };
}

/** A section the editor left untouched (one of the blank rows): ignored. */
export function isBlankSection(s: SectionFormValues): boolean {
  return s.title.trim() === "" && s.stories.trim() === "" && s.tag.trim() === "";
}

const topicSchema = z.object({
  title: lineText()
    .trim()
    .min(1, { error: TOPIC_MESSAGES.titleEmpty })
    .max(TOPIC_LIMITS.title, { error: TOPIC_MESSAGES.titleLong }),
  slug: z
    .string()
    .trim()
    .toLowerCase()
    .regex(new RegExp(`^[a-z][a-z0-9-]{0,${TOPIC_LIMITS.slug - 1}}$`), { error: TOPIC_MESSAGES.slug })
    .refine((s) => !s.endsWith("-") && !s.includes("--"), { error: TOPIC_MESSAGES.slug })
    .refine((s) => !RESERVED_SLUGS.has(s), { error: TOPIC_MESSAGES.slugReserved }),
  intro: multilineText().trim().max(TOPIC_LIMITS.intro, { error: TOPIC_MESSAGES.introLong }),
  bannerImageId: z
    .string()
    .trim()
    .regex(/^(\d{1,9})?$/, { error: TOPIC_MESSAGES.image })
    .transform((v) => (v === "" ? null : Number(v))),
  homeOrder: z
    .string()
    .trim()
    .regex(/^\d{0,3}$/, { error: TOPIC_MESSAGES.homeOrder })
    .transform((v) => (v === "" ? 0 : Number(v))),
});

const sectionTitle = lineText()
  .trim()
  .min(1, { error: TOPIC_MESSAGES.sectionTitleEmpty })
  .max(TOPIC_LIMITS.sectionTitle, { error: TOPIC_MESSAGES.sectionTitleLong });
const tagName = lineText()
  .trim()
  .min(1, { error: TOPIC_MESSAGES.tagEmpty })
  .max(TOPIC_LIMITS.tag, { error: TOPIC_MESSAGES.tagLong });

/** Story ids in what an editor typed, in order, each once; or what could not be read. */
export function parseStoryList(value: string): { ids: number[]; bad: string[] } {
  const ids: number[] = [];
  const bad: string[] = [];
  for (const token of value.split(/[\s,，、;；]+/).filter((t) => t !== "")) {
    const id = articleIdFrom(token);
    if (id === null) bad.push(token.slice(0, 60));
    else if (!ids.includes(id)) ids.push(id);
  }
  return { ids, bad };
}

function sectionInput(s: SectionFormValues, errors: TopicFieldErrors, key: string): SectionInput | null {
  const title = sectionTitle.safeParse(s.title);
  if (!title.success) errors[`${key}.title`] = z.flattenError(title.error).formErrors;
  if (s.kind === "tag") {
    const tag = tagName.safeParse(s.tag);
    if (!tag.success) errors[`${key}.tag`] = z.flattenError(tag.error).formErrors;
    return title.success && tag.success
      ? { field: key, title: title.data, kind: "tag", articleIds: [], tag: tag.data }
      : null;
  }
  const { ids, bad } = parseStoryList(s.stories);
  const storyErrors =
    bad.length > 0
      ? bad.slice(0, 3).map(TOPIC_MESSAGES.storyBad)
      : ids.length === 0
        ? [TOPIC_MESSAGES.storiesEmpty]
        : ids.length > TOPIC_LIMITS.picked
          ? [TOPIC_MESSAGES.storiesMany]
          : [];
  if (storyErrors.length > 0) errors[`${key}.stories`] = storyErrors;
  return title.success && storyErrors.length === 0
    ? { field: key, title: title.data, kind: "picked", articleIds: ids, tag: null }
    : null;
}

export type TopicParse = { ok: true; input: TopicInput } | { ok: false; errors: TopicFieldErrors };

/** The form's rules (whether stories, tags and the image exist is the service's to check). */
export function parseTopicForm(values: TopicFormValues): TopicParse {
  const errors: TopicFieldErrors = {};
  const parsed = topicSchema.safeParse(values);
  if (!parsed.success) Object.assign(errors, z.flattenError(parsed.error).fieldErrors);
  const sections: SectionInput[] = [];
  values.sections.forEach((s, i) => {
    if (isBlankSection(s)) return;
    const input = sectionInput(s, errors, `s${i}`);
    if (input) sections.push(input);
  });
  const filled = values.sections.filter((s) => !isBlankSection(s)).length;
  if (filled > TOPIC_LIMITS.sections) errors.sections = [TOPIC_MESSAGES.sectionsMany];
  else if (filled === 0 && values.published) errors.sections = [TOPIC_MESSAGES.sectionsNone];
  if (!parsed.success || Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    input: {
      ...parsed.data,
      published: values.published,
      featuredOnHome: values.featuredOnHome,
      sections,
    },
  };
}
