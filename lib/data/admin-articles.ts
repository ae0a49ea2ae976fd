// Article reads for the editor area. Never cached: editors expect their own changes at once, and
// every read here is bounded (one page of an index, one story).
import "server-only";
import { getDb } from "@/lib/db";
import { listChannels } from "@/lib/data/channels";
import { articleHref } from "@/lib/data/cards";
import { imageSelect, toAdminImage, type AdminImage } from "@/lib/data/admin-images";
import { imageRef } from "@/lib/images/urls";
import { toFormValues, type ArticleFormValues } from "@/lib/articles/form";
import { parseSnapshot, snapshotToInput } from "@/lib/articles/snapshot";
import { deriveStatus, statusWhere, unpublishNote, type DisplayStatus } from "@/lib/articles/status";
import type { ImageRef } from "@/lib/data/types";
import { readerBodyHtml } from "@/lib/markdown";
import { markdownToBody } from "@/lib/body/markdown";
import { bodyToText } from "@/lib/body/text";
import { parseReviewState, type ReviewedStory } from "@/lib/workflow/rules";

export const ADMIN_PAGE_SIZE = 30;

export interface AdminArticleFilter {
  /** Part of the title; "" for all. */
  q: string;
  channelId: number | null;
  status: DisplayStatus | null;
  page: number;
}

export interface AdminArticleRow {
  id: number;
  title: string;
  channelName: string;
  status: DisplayStatus;
  /** "定时撤稿 HH:mm" while its unpublish time is ahead. */
  unpublishNote: string | null;
  publishedAt: Date | null;
  updatedAt: Date;
  author: string;
  /** Reader address (answers 404 unless the story is visible). */
  href: string;
}

/** One page of stories, most recently updated first. */
export async function listAdminArticles(
  filter: AdminArticleFilter,
  nowMs: number,
): Promise<{ items: AdminArticleRow[]; total: number }> {
  const db = await getDb();
  const where = {
    ...(filter.q ? { title: { contains: filter.q } } : {}),
    ...(filter.channelId !== null ? { channelId: filter.channelId } : {}),
    ...(filter.status ? statusWhere(filter.status, nowMs) : {}),
  };
  const [total, rows] = await Promise.all([
    db.article.count({ where }),
    db.article.findMany({
      where,
      orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
      skip: (filter.page - 1) * ADMIN_PAGE_SIZE,
      take: ADMIN_PAGE_SIZE,
      select: {
        id: true,
        title: true,
        status: true,
        publishedAt: true,
        unpublishAt: true,
        updatedAt: true,
        channel: { select: { name: true, slug: true } },
        author: { select: { username: true, displayName: true } },
      },
    }),
  ]);
  return {
    total,
    items: rows.map((r) => ({
      id: r.id,
      title: r.title,
      channelName: r.channel.name,
      status: deriveStatus(r, nowMs),
      unpublishNote: unpublishNote(r, nowMs),
      publishedAt: r.publishedAt,
      updatedAt: r.updatedAt,
      author: r.author ? r.author.displayName || r.author.username : "",
      href: articleHref(r.channel.slug, r.id),
    })),
  };
}

export interface ChannelOption {
  id: number;
  name: string;
}

/** Channels for the form's select, in channel-bar order (read fresh: renames show at once). */
export async function listChannelOptions(): Promise<ChannelOption[]> {
  const db = await getDb();
  return db.channel.findMany({
    orderBy: [{ sortOrder: "asc" }, { id: "asc" }],
    select: { id: true, name: true },
  });
}

export interface ArticleForEdit {
  id: number;
  values: ArticleFormValues;
  /** updatedAt in ms: the form sends it back so that a concurrent edit is detected. */
  version: number;
  status: DisplayStatus;
  /** "定时撤稿 HH:mm" while its unpublish time is ahead. */
  unpublishNote: string | null;
  publishedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  author: string;
  href: string;
  leadImage: AdminImage | null;
  /** Where it is in the review flow (lib/workflow/rules.ts). */
  review: ReviewedStory;
}

export async function getArticleForEdit(id: number, nowMs: number): Promise<ArticleForEdit | null> {
  const db = await getDb();
  const row = await db.article.findUnique({
    where: { id },
    select: {
      id: true,
      channelId: true,
      title: true,
      summary: true,
      body: true,
      bodyFormat: true,
      source: true,
      byline: true,
      status: true,
      publishedAt: true,
      unpublishAt: true,
      isHeadline: true,
      isRecommended: true,
      isCommunity: true,
      leadImageId: true,
      createdAt: true,
      updatedAt: true,
      authorId: true,
      reviewState: true,
      reviewStep: true,
      channel: { select: { slug: true, reviewSteps: true } },
      author: { select: { username: true, displayName: true, role: true } },
      leadImage: { select: imageSelect },
      tags: { select: { tag: { select: { name: true } } }, orderBy: { tag: { name: "asc" } } },
    },
  });
  if (!row) return null;
  return {
    id: row.id,
    values: toFormValues({
      ...row,
      // A row not yet converted by the migration's data step opens converted.
      body: row.bodyFormat === "markdown" ? markdownToBody(row.body) : row.body,
      tags: row.tags.map((t) => t.tag.name),
      leadImageAlt: row.leadImage?.alt ?? "",
      leadImageCaption: row.leadImage?.caption ?? "",
      leadImageCredit: row.leadImage?.credit ?? "",
    }),
    version: row.updatedAt.getTime(),
    status: deriveStatus(row, nowMs),
    unpublishNote: unpublishNote(row, nowMs),
    publishedAt: row.publishedAt,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    author: row.author ? row.author.displayName || row.author.username : "",
    href: articleHref(row.channel.slug, row.id),
    leadImage: row.leadImage ? toAdminImage(row.leadImage) : null,
    review: {
      channelId: row.channelId,
      authorId: row.authorId,
      writtenByReporter: row.author?.role === "reporter",
      status: row.status,
      reviewState: parseReviewState(row.reviewState),
      reviewStep: row.reviewStep,
      reviewSteps: row.channel.reviewSteps,
    },
  };
}

/** A story as the reader page shows it, whatever its status (preview). */
export interface ArticlePreview {
  id: number;
  title: string;
  status: DisplayStatus;
  publishedAt: Date | null;
  bodyHtml: string;
  source: string;
  byline: string;
  tags: string[];
  image: ImageRef | null;
  href: string;
  channel: { id: number; slug: string; name: string; regionCrumbs: { label: string; href?: string }[] };
}

export async function getArticlePreview(id: number, nowMs: number): Promise<ArticlePreview | null> {
  const db = await getDb();
  const row = await db.article.findUnique({
    where: { id },
    select: {
      id: true,
      title: true,
      status: true,
      publishedAt: true,
      unpublishAt: true,
      bodyHtml: true,
      source: true,
      byline: true,
      channel: { select: { id: true, slug: true, name: true } },
      leadImage: { select: imageSelect },
      tags: { select: { tag: { select: { name: true } } }, orderBy: { tag: { name: "asc" } } },
    },
  });
  if (!row) return null;
  const channels = await listChannels();
  return {
    id: row.id,
    title: row.title,
    status: deriveStatus(row, nowMs),
    publishedAt: row.publishedAt,
    bodyHtml: readerBodyHtml(row.bodyHtml),
    source: row.source,
    byline: row.byline,
    tags: row.tags.map((t) => t.tag.name),
    image: row.leadImage ? imageRef(row.leadImage) : null,
    href: articleHref(row.channel.slug, row.id),
    channel: {
      ...row.channel,
      regionCrumbs: channels.find((c) => c.id === row.channel.id)?.regionCrumbs ?? [],
    },
  };
}

export interface RevisionRow {
  id: number;
  createdAt: Date;
  user: string;
  /** null when the stored snapshot cannot be read (it cannot be restored either). */
  title: string | null;
  summary: string;
  status: string;
  tags: string[];
  /** The body's plain text. */
  body: string;
}

export const REVISIONS_PAGE_SIZE = 20;

/** A story's saves, newest first. */
export async function listRevisions(
  articleId: number,
  page: number,
): Promise<{ title: string; items: RevisionRow[]; total: number } | null> {
  const db = await getDb();
  const [article, total, rows] = await Promise.all([
    db.article.findUnique({ where: { id: articleId }, select: { title: true } }),
    db.articleRevision.count({ where: { articleId } }),
    db.articleRevision.findMany({
      where: { articleId },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * REVISIONS_PAGE_SIZE,
      take: REVISIONS_PAGE_SIZE,
      select: {
        id: true,
        createdAt: true,
        snapshot: true,
        user: { select: { username: true, displayName: true } },
      },
    }),
  ]);
  if (!article) return null;
  return {
    title: article.title,
    total,
    items: rows.map((r) => {
      const s = parseSnapshot(r.snapshot);
      return {
        id: r.id,
        createdAt: r.createdAt,
        user: r.user ? r.user.displayName || r.user.username : "",
        title: s?.title ?? null,
        summary: s?.summary ?? "",
        status: s?.status ?? "",
        tags: s?.tags ?? [],
        // The text of the body (its stored HTML is for the editor, not for reading here).
        body: s ? bodyToText(snapshotToInput(s).body) : "",
      };
    }),
  };
}
