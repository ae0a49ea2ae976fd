// Autosave (issue 13 item 4): one slot per story and user holding the article form's fields as
// typed, written every few seconds while they change. It never touches the story or adds a
// revision; a real save clears it (lib/articles/service.ts), and the edit or new page offers to
// put it back when it holds something the story does not. All of it is in the database, so every
// process sees the same slot.
import { z } from "zod";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { getDb } from "@/lib/db";
import {
  EMPTY_ARTICLE_FORM,
  LIMITS,
  toFormValues,
  type ArticleField,
  type ArticleFormValues,
} from "@/lib/articles/form";
import { canWriteArticles, type Actor } from "@/lib/articles/permissions";
import { normalizeBody } from "@/lib/body/normalize";

/** The slot of a story, or of the user's story not saved yet. */
export function slotKey(articleId: number | null): string {
  return articleId === null ? "new" : String(articleId);
}

/**
 * The longest text each field may hold in a slot: the form's own bound (lib/articles/form.ts
 * readArticleForm keeps twice each limit, so that an over-long field comes back whole with its
 * error). Longer is refused with a message rather than cut.
 */
export const AUTOSAVE_FIELD_MAX: Record<Exclude<ArticleField, `is${string}`>, number> = {
  channelId: 20,
  title: LIMITS.title * 2,
  summary: LIMITS.summary * 2,
  body: LIMITS.bodyHtml * 2,
  source: LIMITS.source * 2,
  byline: LIMITS.byline * 2,
  tags: LIMITS.tags * 2,
  leadImageId: 20,
  leadImageAlt: LIMITS.alt * 2,
  leadImageCaption: LIMITS.caption * 2,
  leadImageCredit: LIMITS.credit * 2,
  publishedAt: 40,
  unpublishAt: 40,
};

const FIELD_LABELS: Record<keyof typeof AUTOSAVE_FIELD_MAX, string> = {
  channelId: "频道",
  title: "标题",
  summary: "摘要",
  body: "正文",
  source: "来源",
  byline: "署名",
  tags: "标签",
  leadImageId: "题图",
  leadImageAlt: "题图说明文字",
  leadImageCaption: "题图图片说明",
  leadImageCredit: "题图来源",
  publishedAt: "发布时间",
  unpublishAt: "撤稿时间",
};

export const AUTOSAVE_MESSAGES = {
  notFound: "稿件不存在或已被删除，未自动保存",
  forbidden: "您的账号不能编辑稿件，未自动保存",
  tooLarge: (label: string) => `${label}过长，未能自动保存。请缩短后再保存（已输入的内容仍在表单中）。`,
} as const;

/** The whole slot as stored: every field of the form, as strings and booleans. */
const text = z.string();
const slotSchema = z.object({
  channelId: text,
  title: text,
  summary: text,
  body: text,
  source: text,
  byline: text,
  tags: text,
  leadImageId: text,
  leadImageAlt: text,
  leadImageCaption: text,
  leadImageCredit: text,
  publishedAt: text,
  // Slots written before 定时撤稿 have none.
  unpublishAt: text.default(""),
  isHeadline: z.boolean(),
  isRecommended: z.boolean(),
  isCommunity: z.boolean(),
}) satisfies z.ZodType<ArticleFormValues>;

function parseFields(json: string): ArticleFormValues | null {
  try {
    const parsed = slotSchema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : null;
  } catch {
    // A slot written by an older form that no longer parses: nothing to offer.
    return null;
  }
}

/**
 * The form's fields from what the page sent (name → value, as in its FormData), not cut to any
 * length: writeAutosave refuses a field that is too long instead of keeping part of it.
 */
export function autosaveFields(sent: Readonly<Record<string, unknown>>): ArticleFormValues {
  const text = (name: keyof typeof AUTOSAVE_FIELD_MAX) => {
    const v = sent[name];
    return typeof v === "string" ? v : "";
  };
  const flag = (name: ArticleField) => typeof sent[name] === "string";
  return {
    channelId: text("channelId"),
    title: text("title"),
    summary: text("summary"),
    body: text("body"),
    source: text("source"),
    byline: text("byline"),
    tags: text("tags"),
    leadImageId: text("leadImageId"),
    leadImageAlt: text("leadImageAlt"),
    leadImageCaption: text("leadImageCaption"),
    leadImageCredit: text("leadImageCredit"),
    publishedAt: text("publishedAt"),
    unpublishAt: text("unpublishAt"),
    isHeadline: flag("isHeadline"),
    isRecommended: flag("isRecommended"),
    isCommunity: flag("isCommunity"),
  };
}

/** The largest request a slot can come in: every field at its bound, 3 bytes a character, JSON-escaped. */
export const AUTOSAVE_MAX_BYTES =
  Object.values(AUTOSAVE_FIELD_MAX).reduce((sum, max) => sum + max, 0) * 4 + 16 * 1024;

/** The first field longer than a slot holds, or null. */
export function oversizeField(values: ArticleFormValues): string | null {
  for (const [field, max] of Object.entries(AUTOSAVE_FIELD_MAX) as [
    keyof typeof AUTOSAVE_FIELD_MAX,
    number,
  ][]) {
    if (values[field].length > max) return FIELD_LABELS[field];
  }
  return null;
}

/** A body in its stored form, without the line breaks between blocks that the editor may leave out. */
const canonicalBody = (body: string) => normalizeBody(body).replace(/>\n+</g, "><").trim();

/** The same story as far as a reader of the form can tell (the body compared in its stored form). */
export function sameFields(a: ArticleFormValues, b: ArticleFormValues): boolean {
  return (Object.keys(EMPTY_ARTICLE_FORM) as ArticleField[]).every((f) =>
    f === "body" ? a.body === b.body || canonicalBody(a.body) === canonicalBody(b.body) : a[f] === b[f],
  );
}

/** What the fields of a new story are before anything is typed (the channel may be preset). */
function untouchedNew(values: ArticleFormValues): boolean {
  return sameFields({ ...values, channelId: "" }, EMPTY_ARTICLE_FORM);
}

export type AutosaveResult =
  { ok: true; savedAt: Date; cleared: boolean } | { ok: false; status: 403 | 404 | 413; message: string };

/**
 * Keep what `actor` has typed into the form of story `articleId` (null: a new story). Fields equal
 * to the story as saved (or an untouched new form) clear the slot instead: there is nothing to
 * restore.
 */
export async function writeAutosave(
  db: PrismaClient,
  actor: Actor,
  articleId: number | null,
  values: ArticleFormValues,
  now: Date,
): Promise<AutosaveResult> {
  if (!canWriteArticles(actor)) return { ok: false, status: 403, message: AUTOSAVE_MESSAGES.forbidden };
  const tooLong = oversizeField(values);
  if (tooLong) return { ok: false, status: 413, message: AUTOSAVE_MESSAGES.tooLarge(tooLong) };
  let unchanged: boolean;
  if (articleId === null) unchanged = untouchedNew(values);
  else {
    const saved = await storyFormValues(db, articleId);
    if (!saved) return { ok: false, status: 404, message: AUTOSAVE_MESSAGES.notFound };
    unchanged = sameFields(values, saved);
  }
  const where = { userId_slot: { userId: actor.id, slot: slotKey(articleId) } };
  if (unchanged) {
    await db.articleAutosave.deleteMany({ where: { userId: actor.id, slot: slotKey(articleId) } });
    return { ok: true, savedAt: now, cleared: true };
  }
  const fields = JSON.stringify(values);
  await db.articleAutosave.upsert({
    where,
    create: { userId: actor.id, slot: slotKey(articleId), articleId, fields, savedAt: now },
    update: { fields, savedAt: now },
  });
  return { ok: true, savedAt: now, cleared: false };
}

/** writeAutosave on the process's database (the autosave route). */
export async function autosaveOnDb(
  actor: Actor,
  articleId: number | null,
  values: ArticleFormValues,
  now: Date,
): Promise<AutosaveResult> {
  return writeAutosave(await getDb(), actor, articleId, values, now);
}

export interface AutosaveSlot {
  values: ArticleFormValues;
  savedAt: Date;
}

export async function readAutosave(
  db: PrismaClient,
  userId: number,
  articleId: number | null,
): Promise<AutosaveSlot | null> {
  const row = await db.articleAutosave.findUnique({
    where: { userId_slot: { userId, slot: slotKey(articleId) } },
    select: { fields: true, savedAt: true },
  });
  if (!row) return null;
  const values = parseFields(row.fields);
  return values ? { values, savedAt: row.savedAt } : null;
}

export async function discardAutosave(
  db: PrismaClient,
  userId: number,
  articleId: number | null,
): Promise<void> {
  await db.articleAutosave.deleteMany({ where: { userId, slot: slotKey(articleId) } });
}

/** discardAutosave on the process's database (the autosave route). */
export async function discardAutosaveOnDb(userId: number, articleId: number | null): Promise<void> {
  await discardAutosave(await getDb(), userId, articleId);
}

/** The story's saved fields as its form shows them (what an autosave is compared with). */
async function storyFormValues(db: PrismaClient, articleId: number): Promise<ArticleFormValues | null> {
  const row = await db.article.findUnique({
    where: { id: articleId },
    select: {
      channelId: true,
      title: true,
      summary: true,
      body: true,
      source: true,
      byline: true,
      publishedAt: true,
      unpublishAt: true,
      isHeadline: true,
      isRecommended: true,
      isCommunity: true,
      leadImageId: true,
      leadImage: { select: { alt: true, caption: true, credit: true } },
      tags: { select: { tag: { select: { name: true } } }, orderBy: { tag: { name: "asc" } } },
    },
  });
  if (!row) return null;
  return toFormValues({
    ...row,
    tags: row.tags.map((t) => t.tag.name),
    leadImageAlt: row.leadImage?.alt ?? "",
    leadImageCaption: row.leadImage?.caption ?? "",
    leadImageCredit: row.leadImage?.credit ?? "",
  });
}

export interface AutosaveOffer {
  /** The slot's fields, to fill the form with when the editor restores them. */
  values: ArticleFormValues;
  savedAt: Date;
  /** The story was saved after this autosave (by anyone): restoring would replace that save. */
  olderThanStory: boolean;
}

/**
 * What the edit page (or the new page, `story` null) offers to restore: the user's slot when it
 * holds something the story does not.
 */
export async function autosaveOffer(
  db: PrismaClient,
  userId: number,
  articleId: number | null,
  story: { values: ArticleFormValues; updatedAt: Date } | null,
): Promise<AutosaveOffer | null> {
  const slot = await readAutosave(db, userId, articleId);
  if (!slot) return null;
  if (story ? sameFields(slot.values, story.values) : untouchedNew(slot.values)) return null;
  return {
    values: slot.values,
    savedAt: slot.savedAt,
    olderThanStory: story !== null && slot.savedAt.getTime() < story.updatedAt.getTime(),
  };
}
