// Saving, restoring and deleting stories, as functions of (db, actor, input, now): no request
// context, so the server actions and the integration tests call the same code. Each function
// checks the actor's permission itself, and records in its own transaction which cached pages and
// reads it changed (lib/articles/cache-tags.ts), so every process drops them. The similarity
// refresh is the caller's job (it runs after the response: lib/articles/after-write.ts).
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { normalizeBody } from "@/lib/body/normalize";
import { renderReaderBody } from "@/lib/body/render";
import { bodyToText } from "@/lib/body/text";
import { EDITORIAL_AUDIT, type EditorialAuditAction } from "@/lib/articles/audit-actions";
import {
  toFormValues,
  type ArticleFieldErrors,
  type ArticleFormValues,
  type ArticleInput,
} from "@/lib/articles/form";
import {
  canAcknowledgeSensitive,
  canDeleteArticles,
  canReviewIn,
  canWriteArticles,
  deskCovers,
  type Actor,
} from "@/lib/articles/permissions";
import { decidePublication, decideUnpublishAt, type SaveIntent } from "@/lib/articles/publication";
import { settleWithdrawn } from "@/lib/articles/unpublish";
import { parseSnapshot, snapshotToInput, toSnapshot } from "@/lib/articles/snapshot";
import { deriveStatus, type DisplayStatus, type StoredStatus } from "@/lib/articles/status";
import { storyCard, storyWriteInvalidation, type StoryReaderState } from "@/lib/articles/cache-tags";
import { linkStoryAuthors, lockAuthorLinks } from "@/lib/authors/links";
import { recordInvalidation } from "@/lib/cache/invalidate";
import { TAGS } from "@/lib/data/cache-tags";
import { storyTexts, type SensitiveHit } from "@/lib/sensitive/check";
import { loadChecker } from "@/lib/sensitive/service";
import { slotKey } from "@/lib/drafts/autosave";
import { lockRefusal, lockedMessage } from "@/lib/locks/edit-lock";
import {
  WORKFLOW_MESSAGES,
  maySignOff,
  maySubmit,
  mayEdit,
  reviewedStory,
  type ReviewState,
  type ReviewedStory,
} from "@/lib/workflow/rules";

/** Hits of words a field holds more often than it did (all of them when there was no before). */
function newHits(after: readonly SensitiveHit[], before: readonly SensitiveHit[]): SensitiveHit[] {
  const key = (h: SensitiveHit) => `${h.field}\u0000${h.word}`;
  const count = (hits: readonly SensitiveHit[]) => {
    const m = new Map<string, number>();
    for (const h of hits) m.set(key(h), (m.get(key(h)) ?? 0) + 1);
    return m;
  };
  const had = count(before);
  const has = count(after);
  return after.filter((h) => (has.get(key(h)) ?? 0) > (had.get(key(h)) ?? 0));
}

export const SERVICE_MESSAGES = {
  forbidden: "您没有权限进行此操作",
  deleteForbidden: "只有管理员可以删除稿件",
  notFound: "稿件不存在或已被删除",
  conflict: "这篇稿件在您打开之后已被修改（可能是其他编辑）。您的内容仍在表单中，请复制保存后刷新页面再改。",
  invalid: "请检查标出的内容",
  badRevision: "该历史版本无法读取",
  restoreConflict: "这篇稿件刚刚被修改（可能是其他编辑），未恢复。请刷新页面后再试。",
  sensitiveAcknowledge: "发现敏感词（见下方列表）。请逐条核对；确认无误后勾选“我已核对”再提交。",
  sensitiveSubmitted: "注意：稿件含有敏感词（见下方列表），签发前须由主编核对确认",
  sensitiveBlocked:
    "发现敏感词（见下方列表），须由主编核对确认后才能签发。请修改这些内容，或保存后请主编签发。",
} as const;

export type ServiceFailure =
  | { ok: false; error: "forbidden" | "not_found" | "conflict" | "bad_revision" | "locked"; message: string }
  | { ok: false; error: "invalid"; message: string; errors: ArticleFieldErrors }
  | { ok: false; error: "sensitive"; message: string; hits: SensitiveHit[]; canAcknowledge: boolean };

export interface SavedArticle {
  ok: true;
  id: number;
  created: boolean;
  status: StoredStatus;
  displayStatus: DisplayStatus;
  publishedAt: Date | null;
  updatedAt: Date;
  /** Published before or after this save: reader lists and similarity lists are affected. */
  touchesReaders: boolean;
  /** The saved fields as the form shows them. */
  values: ArticleFormValues;
  /** Where the story now is in the review flow. */
  reviewState: ReviewState;
  /** Sensitive words found when the story was submitted (a warning for the writer; sign-off decides). */
  sensitiveWarnings?: SensitiveHit[];
}

export type SaveResult = SavedArticle | ServiceFailure;

export interface SaveRequest {
  /** null: a new story. */
  id: number | null;
  /**
   * updatedAt (ms) of the row the editor started from; null: the version read here (a restore).
   * Either way the update applies only if the row is still at that version.
   */
  version: number | null;
  intent: SaveIntent;
  input: ArticleInput;
  /** An admin has read the sensitive-word hits this save would publish and lets it go out. */
  acknowledgeSensitive?: boolean;
}

interface AuditOverride {
  action: EditorialAuditAction;
  detail: Record<string, unknown>;
}

function auditActionFor(intent: SaveIntent, created: boolean): EditorialAuditAction {
  if (intent === "submit") return EDITORIAL_AUDIT.articleSubmitted;
  if (intent === "publish") return EDITORIAL_AUDIT.articlePublished;
  if (intent === "schedule") return EDITORIAL_AUDIT.articleScheduled;
  if (intent === "unpublish") return EDITORIAL_AUDIT.articleUnpublished;
  return created ? EDITORIAL_AUDIT.articleCreated : EDITORIAL_AUDIT.articleUpdated;
}

/**
 * Validate references, decide status and time from the button (lib/articles/publication.ts),
 * then in one transaction: the story with its rendered body and tags, the lead image's texts, a
 * revision snapshot and an audit row.
 */
export async function saveArticle(
  db: PrismaClient,
  actor: Actor,
  request: SaveRequest,
  now: Date,
  audit?: AuditOverride,
): Promise<SaveResult> {
  if (!canWriteArticles(actor)) return { ok: false, error: "forbidden", message: SERVICE_MESSAGES.forbidden };
  const { input } = request;

  const [current, channel, image] = await Promise.all([
    request.id === null
      ? null
      : db.article.findUnique({
          where: { id: request.id },
          select: {
            status: true,
            publishedAt: true,
            unpublishAt: true,
            updatedAt: true,
            channelId: true,
            authorId: true,
            reviewState: true,
            reviewStep: true,
            author: { select: { role: true } },
            channel: { select: { reviewSteps: true } },
            title: true,
            summary: true,
            leadImageId: true,
            isHeadline: true,
            isRecommended: true,
            isCommunity: true,
            leadImage: { select: { alt: true, caption: true, credit: true } },
            tags: { select: { tag: { select: { name: true } } } },
            bodyText: true,
          },
        }),
    db.channel.findUnique({ where: { id: input.channelId }, select: { id: true, reviewSteps: true } }),
    input.leadImageId === null
      ? null
      : db.image.findUnique({
          where: { id: input.leadImageId },
          select: { id: true, alt: true, caption: true, credit: true },
        }),
  ]);
  if (request.id !== null && !current)
    return { ok: false, error: "not_found", message: SERVICE_MESSAGES.notFound };
  if (current && request.version !== null && current.updatedAt.getTime() !== request.version)
    return { ok: false, error: "conflict", message: SERVICE_MESSAGES.conflict };
  // Someone else is editing it (lib/locks/edit-lock.ts): their lock refuses this save.
  const holder = request.id === null ? null : await lockRefusal(db, request.id, actor.id, now);
  if (holder) return { ok: false, error: "locked", message: lockedMessage(holder) };

  // The newsroom's rules (lib/workflow/rules.ts): whose desk, whose copy, and only a sign-off
  // publishes. Refused on the server whatever the form offered.
  const story: ReviewedStory = current
    ? reviewedStory(current)
    : {
        channelId: input.channelId,
        authorId: actor.id,
        writtenByReporter: actor.role === "reporter",
        status: "draft",
        reviewState: "draft",
        reviewStep: 0,
        reviewSteps: channel?.reviewSteps ?? 1,
      };
  const workflow = !deskCovers(actor, input.channelId)
    ? ({ ok: false, message: WORKFLOW_MESSAGES.desk } as const)
    : request.intent === "submit"
      ? maySubmit(actor, story)
      : request.intent === "publish" || request.intent === "schedule"
        ? maySignOff(actor, { ...story, channelId: input.channelId })
        : request.intent === "unpublish" && !canReviewIn(actor, story.channelId)
          ? ({ ok: false, message: WORKFLOW_MESSAGES.role } as const)
          : mayEdit(actor, story);
  if (!workflow.ok) return { ok: false, error: "forbidden", message: workflow.message };
  const signing = request.intent === "publish" || request.intent === "schedule";
  const review: { reviewState: ReviewState; reviewStep: number } =
    request.intent === "submit"
      ? { reviewState: "submitted", reviewStep: 1 }
      : signing
        ? { reviewState: "signed", reviewStep: 0 }
        : { reviewState: story.reviewState, reviewStep: story.reviewStep };

  const errors: ArticleFieldErrors = {};
  if (!channel) errors.channelId = ["该频道不存在，请重新选择"];
  if (input.leadImageId !== null && !image) errors.leadImageId = ["题图已不存在，请重新选择或上传"];
  const decision = decidePublication(request.intent, current, input.publishedAt, now);
  if (!decision.ok) {
    if (decision.field) errors[decision.field] = [decision.message];
    else return { ok: false, error: "invalid", message: decision.message, errors };
  }
  // 定时撤稿: set, moved or cleared only by those who may unpublish in the story's channel.
  const unpublish = decision.ok
    ? decideUnpublishAt(
        request.intent,
        decision,
        current?.unpublishAt ?? null,
        input.unpublishAt,
        canReviewIn(actor, input.channelId) && (!current || canReviewIn(actor, current.channelId)),
        now,
      )
    : null;
  if (unpublish && !unpublish.ok) errors.unpublishAt = [unpublish.message];
  if (Object.keys(errors).length > 0 || !decision.ok || !unpublish?.ok)
    return { ok: false, error: "invalid", message: SERVICE_MESSAGES.invalid, errors };

  // normalizeBody again (the form did): a restored revision or a test's input passes here too.
  const saved: ArticleInput = {
    ...input,
    body: normalizeBody(input.body),
    publishedAt: decision.publishedAt,
    unpublishAt: unpublish.unpublishAt,
  };
  let acknowledged: { field: string; word: string; position: number }[] = [];
  let sensitiveWarnings: SensitiveHit[] | undefined;
  // What readers will see is checked against the sensitive-word lists, at submit (a warning for
  // the writer) and at sign-off. A story already visible was checked (or acknowledged) when it
  // went out: only words it did not have then count.
  if (decision.status === "published" || request.intent === "submit") {
    const checker = await loadChecker(db);
    const hits = newHits(
      checker.check(
        storyTexts({
          ...saved,
          bodyText: bodyToText(saved.body),
          alt: saved.leadImageId === null ? "" : saved.leadImageAlt,
          caption: saved.leadImageId === null ? "" : saved.leadImageCaption,
        }),
      ),
      current?.status === "published"
        ? checker.check(
            storyTexts({
              ...current,
              alt: current.leadImage?.alt ?? "",
              caption: current.leadImage?.caption ?? "",
            }),
          )
        : [],
    );
    const canAcknowledge = canAcknowledgeSensitive(actor);
    if (request.intent === "submit") sensitiveWarnings = hits;
    else if (hits.length > 0 && !(canAcknowledge && request.acknowledgeSensitive)) {
      return {
        ok: false,
        error: "sensitive",
        message: canAcknowledge ? SERVICE_MESSAGES.sensitiveAcknowledge : SERVICE_MESSAGES.sensitiveBlocked,
        hits,
        canAcknowledge,
      };
    } else acknowledged = hits.map((h) => ({ field: h.field, word: h.word, position: h.position }));
  }

  const data = {
    channelId: saved.channelId,
    title: saved.title,
    summary: saved.summary,
    body: saved.body,
    bodyFormat: "html",
    bodyHtml: renderReaderBody(saved.body),
    bodyText: bodyToText(saved.body),
    source: saved.source,
    byline: saved.byline,
    status: decision.status,
    publishedAt: saved.publishedAt,
    unpublishAt: saved.unpublishAt,
    isHeadline: saved.isHeadline,
    isRecommended: saved.isRecommended,
    isCommunity: saved.isCommunity,
    leadImageId: saved.leadImageId,
    ...review,
    updatedAt: now,
  };
  const created = request.id === null;
  const action = audit?.action ?? auditActionFor(request.intent, created);
  const before: StoryReaderState | null = current && {
    status: current.status,
    publishedAt: current.publishedAt,
    unpublishAt: current.unpublishAt,
    card: storyCard({
      ...current,
      imageTexts: current.leadImage
        ? [current.leadImage.alt, current.leadImage.caption, current.leadImage.credit]
        : [],
      tags: current.tags.map((t) => t.tag.name),
    }),
  };
  const imageTexts =
    saved.leadImageId === null ? [] : [saved.leadImageAlt, saved.leadImageCaption, saved.leadImageCredit];
  const after: StoryReaderState = {
    status: decision.status,
    publishedAt: saved.publishedAt,
    unpublishAt: saved.unpublishAt,
    card: storyCard({ ...saved, imageTexts }),
  };
  // The image's texts belong to the image: every story showing it changes with them.
  const imageChanged =
    image !== null && JSON.stringify([image.alt, image.caption, image.credit]) !== JSON.stringify(imageTexts);

  const unpublishChanged =
    (current?.unpublishAt?.getTime() ?? null) !== (saved.unpublishAt?.getTime() ?? null);
  const row = await db.$transaction(async (tx) => {
    await lockAuthorLinks(tx);
    await settleWithdrawn(tx, now, request.id);
    // An edit writes only over the version it was read at, checked by the UPDATE itself (the check
    // above is only the early answer): of two saves started from the same version, the second
    // finds nothing to update, and nothing has been written when it gives up.
    if (current && request.id !== null) {
      const { count } = await tx.article.updateMany({
        where: { id: request.id, updatedAt: current.updatedAt },
        data,
      });
      if (count === 0) return null;
    }
    const tagIds: number[] = [];
    for (const name of saved.tags) {
      const tag = await tx.tag.upsert({
        where: { name },
        create: { name },
        update: {},
        select: { id: true },
      });
      tagIds.push(tag.id);
    }
    let article: { id: number; updatedAt: Date };
    if (request.id === null) {
      const tags = { create: tagIds.map((tagId) => ({ tagId })) };
      article = await tx.article.create({
        data: { ...data, authorId: actor.id, createdAt: now, tags },
        select: { id: true, updatedAt: true },
      });
    } else {
      const articleId = request.id;
      await tx.articleTag.deleteMany({ where: { articleId } });
      await tx.articleTag.createMany({ data: tagIds.map((tagId) => ({ articleId, tagId })) });
      article = { id: articleId, updatedAt: now };
    }
    // The reporters' pages its byline links to (lib/authors/links.ts); they list it while it is visible.
    const authorsChanged = await linkStoryAuthors(tx, article.id, saved.byline);
    const listed = current?.status === "published" || decision.status === "published";
    if (saved.leadImageId !== null) {
      // Alt text, caption and credit belong to the image row (the reader page and picture lists
      // show them); editing them here changes them wherever the image is used.
      await tx.image.update({
        where: { id: saved.leadImageId },
        data: { alt: saved.leadImageAlt, caption: saved.leadImageCaption, credit: saved.leadImageCredit },
      });
    }
    // What was autosaved is in the story now (lib/drafts/autosave.ts); a new story's slot too.
    await tx.articleAutosave.deleteMany({
      where: { userId: actor.id, slot: { in: [slotKey(article.id), ...(created ? [slotKey(null)] : [])] } },
    });
    // Nothing unsaved is left to protect: the saver's edit lock ends (lib/locks/edit-lock.ts); the
    // version check above keeps guarding against saves over this one.
    await tx.articleLock.deleteMany({ where: { articleId: article.id, userId: actor.id } });
    await tx.articleRevision.create({
      data: {
        articleId: article.id,
        userId: actor.id,
        snapshot: JSON.stringify(toSnapshot(saved, decision.status)),
        createdAt: now,
      },
    });
    if (request.intent === "submit" || signing) {
      await tx.articleReviewEvent.create({
        data: {
          articleId: article.id,
          userId: actor.id,
          action: signing ? "sign" : "submit",
          step: signing ? 0 : 1,
          createdAt: now,
        },
      });
    }
    await tx.auditLog.create({
      data: {
        userId: actor.id,
        action,
        articleId: article.id,
        detail: JSON.stringify({
          title: saved.title,
          status: deriveStatus(data, now.getTime()),
          ...audit?.detail,
          ...(acknowledged.length > 0 ? { sensitiveAcknowledged: acknowledged } : {}),
        }),
        createdAt: now,
      },
    });
    if (unpublishChanged) {
      await tx.auditLog.create({
        data: {
          userId: actor.id,
          action: saved.unpublishAt ? EDITORIAL_AUDIT.unpublishScheduled : EDITORIAL_AUDIT.unpublishCancelled,
          articleId: article.id,
          detail: JSON.stringify({
            title: saved.title,
            unpublishAt: saved.unpublishAt?.toISOString() ?? null,
            was: current?.unpublishAt?.toISOString() ?? null,
          }),
          createdAt: now,
        },
      });
    }
    const invalidation = storyWriteInvalidation(article.id, before, after, now);
    const sharing = imageChanged
      ? await tx.article.findMany({ where: { leadImageId: saved.leadImageId }, select: { id: true } })
      : [];
    await recordInvalidation(
      tx,
      [
        ...invalidation.now,
        ...(authorsChanged && listed ? [TAGS.authors] : []),
        ...(sharing.length > 0 ? [TAGS.site] : []),
        ...sharing.map((a) => TAGS.article(a.id)),
      ],
      now,
      [invalidation.later, invalidation.unpublishLater],
    );
    return article;
  });
  if (!row) return { ok: false, error: "conflict", message: SERVICE_MESSAGES.conflict };

  return {
    ok: true,
    id: row.id,
    created,
    status: decision.status,
    displayStatus: deriveStatus(data, now.getTime()),
    publishedAt: saved.publishedAt,
    updatedAt: row.updatedAt,
    touchesReaders: decision.status === "published" || current?.status === "published",
    values: toFormValues(saved),
    reviewState: review.reviewState,
    ...(sensitiveWarnings && sensitiveWarnings.length > 0 ? { sensitiveWarnings } : {}),
  };
}

/**
 * Restore = a new save of an old snapshot's content (channel, texts, tags, lead image, flags).
 * Status and publish time stay as they are now: restoring an old draft version of a live story
 * changes its text, not whether readers see it.
 */
export async function restoreRevision(
  db: PrismaClient,
  actor: Actor,
  articleId: number,
  revisionId: number,
  now: Date,
): Promise<SaveResult> {
  if (!canWriteArticles(actor)) return { ok: false, error: "forbidden", message: SERVICE_MESSAGES.forbidden };
  const [revision, current] = await Promise.all([
    db.articleRevision.findFirst({
      where: { id: revisionId, articleId },
      select: { snapshot: true, createdAt: true },
    }),
    db.article.findUnique({
      where: { id: articleId },
      select: { channelId: true, publishedAt: true, unpublishAt: true },
    }),
  ]);
  if (!revision || !current) return { ok: false, error: "not_found", message: SERVICE_MESSAGES.notFound };
  const snapshot = parseSnapshot(revision.snapshot);
  if (!snapshot) return { ok: false, error: "bad_revision", message: SERVICE_MESSAGES.badRevision };

  const input = snapshotToInput(snapshot);
  const [channel, image] = await Promise.all([
    db.channel.findUnique({ where: { id: input.channelId }, select: { id: true } }),
    input.leadImageId === null
      ? null
      : db.image.findUnique({ where: { id: input.leadImageId }, select: { id: true } }),
  ]);
  const result = await saveArticle(
    db,
    actor,
    {
      id: articleId,
      version: null,
      intent: "save",
      input: {
        ...input,
        // A channel or image deleted since then: keep the current channel, drop the image.
        channelId: channel ? input.channelId : current.channelId,
        leadImageId: image ? input.leadImageId : null,
        publishedAt: current.publishedAt,
        unpublishAt: current.unpublishAt,
      },
    },
    now,
    {
      action: EDITORIAL_AUDIT.articleRestored,
      detail: { revisionId, revisionCreatedAt: revision.createdAt.toISOString() },
    },
  );
  if (!result.ok && result.error === "conflict")
    return { ...result, message: SERVICE_MESSAGES.restoreConflict };
  return result;
}

export type DeleteResult = { ok: true; id: number; wasPublished: boolean } | ServiceFailure;

/**
 * Delete a story for good (admins only). Its revisions, tags links, comments and view counts go
 * with it; the audit row keeps its id and title in `detail` (AuditLog.articleId becomes null).
 */
export async function deleteArticle(
  db: PrismaClient,
  actor: Actor,
  id: number,
  now: Date,
): Promise<DeleteResult> {
  if (!canDeleteArticles(actor))
    return { ok: false, error: "forbidden", message: SERVICE_MESSAGES.deleteForbidden };
  const article = await db.article.findUnique({
    where: { id },
    select: { title: true, status: true, publishedAt: true },
  });
  if (!article) return { ok: false, error: "not_found", message: SERVICE_MESSAGES.notFound };
  const invalidation = storyWriteInvalidation(id, { ...article, card: "" }, null, now);
  await db.$transaction(async (tx) => {
    await tx.auditLog.create({
      data: {
        userId: actor.id,
        action: EDITORIAL_AUDIT.articleDeleted,
        articleId: null,
        detail: JSON.stringify({ articleId: id, title: article.title, status: article.status }),
        createdAt: now,
      },
    });
    await tx.article.delete({ where: { id } });
    await recordInvalidation(tx, invalidation.now, now);
  });
  return { ok: true, id, wasPublished: article.status === "published" };
}
