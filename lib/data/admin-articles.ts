// Article reads for the editor area. Never cached: editors expect their own changes at once, and
// every read here is bounded (one page of an index, one story).
import "server-only";
import { getDb } from "@/lib/db";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { titleSearchTerms, type AdminListCursor, type TitleNarrowing } from "@/lib/admin-list";
import { titleMatchIds } from "@/lib/search-store";
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
import { parseReviewState, reviewLabel, reviewedStory, type ReviewedStory } from "@/lib/workflow/rules";

export const ADMIN_PAGE_SIZE = 30;

/**
 * A title search first checks this many stories of the (filtered) list from the cursor on, one by
 * one: a word in many titles fills its page there, where the title index would hand over a long
 * list of its matches to sort.
 */
export const TITLE_WALK_WINDOW = 1_000;
/**
 * Otherwise the title index: when no more than this many titles match, those stories are sorted
 * into the list's order; when more do, the word is common after all and the list is walked.
 */
export const TITLE_MATCH_CAP = 10_000;

export interface AdminArticleFilter {
  /** Words of the title, all required; "" for all. */
  q: string;
  channelId: number | null;
  status: DisplayStatus | null;
  /** The page starts after this story (下一页), or ends before it (上一页); neither: the first page. */
  after: AdminListCursor | null;
  before: AdminListCursor | null;
}

export interface AdminArticleRow {
  id: number;
  title: string;
  channelName: string;
  status: DisplayStatus;
  /** Where an unpublished story is in the review flow (待审, 退回修改, 待签发), null otherwise. */
  review: string | null;
  /** "定时撤稿 HH:mm" while its unpublish time is ahead. */
  unpublishNote: string | null;
  publishedAt: Date | null;
  updatedAt: Date;
  author: string;
  /** Reader address (answers 404 unless the story is visible). */
  href: string;
}

export interface AdminArticlePage {
  items: AdminArticleRow[];
  /** Cursor of the next (older) page, null on the last. */
  next: AdminListCursor | null;
  /** Cursor of the previous (newer) page, null on the first. */
  prev: AdminListCursor | null;
}

const rowSelect = {
  id: true,
  title: true,
  status: true,
  unpublishAt: true,
  reviewState: true,
  reviewStep: true,
  publishedAt: true,
  updatedAt: true,
  channel: { select: { name: true, slug: true } },
  author: { select: { username: true, displayName: true } },
} as const;

type Where = NonNullable<Prisma.ArticleFindManyArgs["where"]>;
type Row = Prisma.ArticleGetPayload<{ select: typeof rowSelect }>;

/** Stories after `c` in the list's order (older; or newer when `backward`), index-friendly: a range of updatedAt. */
function beyond(c: AdminListCursor, backward: boolean): Where {
  return backward
    ? { updatedAt: { gte: c.updatedAt }, OR: [{ updatedAt: { gt: c.updatedAt } }, { id: { gt: c.id } }] }
    : { updatedAt: { lte: c.updatedAt }, OR: [{ updatedAt: { lt: c.updatedAt } }, { id: { lt: c.id } }] };
}

/** Stories up to `c` inclusive in the walking direction. */
function upTo(c: AdminListCursor, backward: boolean): Where {
  return beyond(c, !backward);
}

/**
 * One page of stories, most recently changed first (then highest id), as keyset pages: each page
 * is one walk of an index from its cursor (Article_updatedAt_idx, or the channel's, the status's
 * or both: prisma/migrations/20261201120000_admin_list), so a page deep in a million stories costs
 * what the first does. A title search (every word in the title) walks TITLE_WALK_WINDOW stories
 * of that index first, then asks the title index (lib/search-store.ts titleMatchIds, narrowed to
 * the channel and stored status there) and sorts its matches, and walks on only for a word in
 * more than TITLE_MATCH_CAP of those titles.
 */
export async function listAdminArticles(
  filter: AdminArticleFilter,
  nowMs: number,
): Promise<AdminArticlePage> {
  const db = await getDb();
  const base: Where[] = [];
  if (filter.channelId !== null) base.push({ channelId: filter.channelId });
  if (filter.status) base.push(statusWhere(filter.status, nowMs));
  const terms = titleSearchTerms(filter.q);
  const backward = filter.before !== null;
  const cursor = filter.before ?? filter.after;
  const narrow: TitleNarrowing = { channelId: filter.channelId, storedStatus: storedStatusOf(filter.status) };
  let rows = await pageRows(db, base, terms, narrow, cursor, backward);
  if (backward && rows.length <= ADMIN_PAGE_SIZE) {
    // Back at the start (or stories were changed since): the first page, whole.
    return listAdminArticles({ ...filter, before: null, after: null }, nowMs);
  }
  const more = rows.length > ADMIN_PAGE_SIZE;
  rows = rows.slice(0, ADMIN_PAGE_SIZE);
  if (backward) rows.reverse();
  const first = rows[0];
  const last = rows.at(-1);
  const at = (r: Row): AdminListCursor => ({ updatedAt: r.updatedAt, id: r.id });
  return {
    items: rows.map((r) => toRow(r, nowMs)),
    next: last && (backward || more) ? at(last) : null,
    prev: backward ? (more && first ? at(first) : null) : cursor && first ? at(first) : cursor,
  };
}

/**
 * The stored status every story of a status filter has (statusWhere); none for 草稿, nor for
 * 已撤下, which also holds published stories whose unpublish time (定时撤稿) has passed.
 */
function storedStatusOf(status: DisplayStatus | null): string | null {
  return status === "published" || status === "scheduled" ? "published" : null;
}

/** Up to ADMIN_PAGE_SIZE + 1 stories from the cursor on, in the walking direction. */
async function pageRows(
  db: PrismaClient,
  base: Where[],
  terms: string[],
  narrow: TitleNarrowing,
  cursor: AdminListCursor | null,
  backward: boolean,
): Promise<Row[]> {
  const order = backward ? "asc" : "desc";
  const where = [...base, ...(cursor ? [beyond(cursor, backward)] : [])];
  const find = (extra: Where[]) =>
    db.article.findMany({
      where: { AND: [...where, ...extra] },
      orderBy: [{ updatedAt: order }, { id: order }],
      take: ADMIN_PAGE_SIZE + 1,
      select: rowSelect,
    });
  if (terms.length === 0) return find([]);
  const inTitle: Where[] = terms.map((t) => ({ title: { contains: t } }));
  // Prisma's `contains` leaves % and _ as LIKE's wildcards: a word holding one goes to the title
  // index, which takes it literally (only a word in more than TITLE_MATCH_CAP titles is walked,
  // and then matches like a pattern).
  if (!terms.some((t) => /[%_]/.test(t))) {
    const [edge] = await db.article.findMany({
      where: { AND: where },
      orderBy: [{ updatedAt: order }, { id: order }],
      skip: TITLE_WALK_WINDOW - 1,
      take: 1,
      select: { id: true, updatedAt: true },
    });
    // Fewer stories than the window: the walk is the whole answer.
    if (!edge) return find(inTitle);
    const walked = await find([...inTitle, upTo({ updatedAt: edge.updatedAt, id: edge.id }, backward)]);
    if (walked.length > ADMIN_PAGE_SIZE) return walked;
  }
  const ids = await titleMatchIds(db, terms, narrow, TITLE_MATCH_CAP);
  return find(ids === null ? inTitle : [{ id: { in: ids } }]);
}

function toRow(r: Row, nowMs: number): AdminArticleRow {
  return {
    id: r.id,
    title: r.title,
    channelName: r.channel.name,
    status: deriveStatus(r, nowMs),
    review: reviewLabel(parseReviewState(r.reviewState), r.reviewStep),
    unpublishNote: unpublishNote(r, nowMs),
    publishedAt: r.publishedAt,
    updatedAt: r.updatedAt,
    author: r.author ? r.author.displayName || r.author.username : "",
    href: articleHref(r.channel.slug, r.id),
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
    review: reviewedStory(row),
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
