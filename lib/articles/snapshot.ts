// ArticleRevision.snapshot: the editable fields of one save, as JSON. Parsed back with zod, so a
// hand-edited or older row can never restore garbage.
import { z } from "zod";
import type { ArticleInput } from "@/lib/articles/form";
import { markdownToBody } from "@/lib/body/markdown";

export const snapshotSchema = z.object({
  v: z.literal(1),
  channelId: z.number().int().positive(),
  title: z.string(),
  summary: z.string(),
  body: z.string(),
  /** "html": body is in the stored form; absent in snapshots written before (Markdown). */
  bodyFormat: z.literal("html").optional(),
  source: z.string(),
  byline: z.string(),
  tags: z.array(z.string()),
  leadImageId: z.number().int().positive().nullable(),
  leadImageAlt: z.string(),
  leadImageCaption: z.string(),
  leadImageCredit: z.string(),
  /** ISO 8601 (UTC) or null. */
  publishedAt: z.iso.datetime().nullable(),
  status: z.string(),
  isHeadline: z.boolean(),
  isRecommended: z.boolean(),
  isCommunity: z.boolean(),
});

export type ArticleSnapshot = z.infer<typeof snapshotSchema>;

export function toSnapshot(input: ArticleInput, status: string): ArticleSnapshot {
  return {
    v: 1,
    channelId: input.channelId,
    title: input.title,
    summary: input.summary,
    body: input.body,
    bodyFormat: "html",
    source: input.source,
    byline: input.byline,
    tags: [...input.tags],
    leadImageId: input.leadImageId,
    leadImageAlt: input.leadImageId === null ? "" : input.leadImageAlt,
    leadImageCaption: input.leadImageId === null ? "" : input.leadImageCaption,
    leadImageCredit: input.leadImageId === null ? "" : input.leadImageCredit,
    publishedAt: input.publishedAt ? input.publishedAt.toISOString() : null,
    status,
    isHeadline: input.isHeadline,
    isRecommended: input.isRecommended,
    isCommunity: input.isCommunity,
  };
}

/** The stored text of a revision, or null when it does not hold a valid snapshot. */
export function parseSnapshot(text: string): ArticleSnapshot | null {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return null;
  }
  const parsed = snapshotSchema.safeParse(json);
  return parsed.success ? parsed.data : null;
}

/**
 * The snapshot as a save input (what restoring it saves again). A revision is content: the
 * unpublish time, like status, is not part of it (restoring keeps the current one).
 */
export function snapshotToInput(s: ArticleSnapshot): ArticleInput {
  return {
    channelId: s.channelId,
    title: s.title,
    summary: s.summary,
    body: s.bodyFormat === "html" ? s.body : markdownToBody(s.body),
    source: s.source,
    byline: s.byline,
    tags: [...s.tags],
    leadImageId: s.leadImageId,
    leadImageAlt: s.leadImageAlt,
    leadImageCaption: s.leadImageCaption,
    leadImageCredit: s.leadImageCredit,
    publishedAt: s.publishedAt === null ? null : new Date(s.publishedAt),
    unpublishAt: null,
    isHeadline: s.isHeadline,
    isRecommended: s.isRecommended,
    isCommunity: s.isCommunity,
  };
}
