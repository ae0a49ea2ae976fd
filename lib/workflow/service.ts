// The review flow's writes and reads on the database (rules: lib/workflow/rules.ts). Approving and
// returning change only where the story is in the flow, never its content: updatedAt stays (it is
// the content's version, which an open editor form saves against, and the sitemap's lastmod).
// Each transition applies only if the story is still where the reviewer saw it, so two reviewers
// clicking at once cannot both move it.
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { EDITORIAL_AUDIT } from "@/lib/articles/audit-actions";
import { canReviewIn, isReviewer, type Actor } from "@/lib/articles/permissions";
import {
  REVIEW_ACTIONS,
  WORKFLOW_MESSAGES,
  mayApprove,
  mayReturn,
  parseReviewState,
  reviewedStory,
  type RefusalReason,
  type ReviewAction,
  type ReviewState,
} from "@/lib/workflow/rules";

export interface ReviewRequest {
  articleId: number;
  action: "approve" | "return";
  note: string;
  /** Where the reviewer saw the story (state and step): the transition applies only from there. */
  seenState: ReviewState;
  seenStep: number;
}

export type ReviewResult =
  | { ok: true; reviewState: ReviewState; reviewStep: number }
  | { ok: false; message: string; reason?: RefusalReason };

const NOT_FOUND = "稿件不存在或已被删除";

async function loadStory(db: PrismaClient, articleId: number) {
  const row = await db.article.findUnique({
    where: { id: articleId },
    select: {
      title: true,
      updatedAt: true,
      channelId: true,
      authorId: true,
      status: true,
      reviewState: true,
      reviewStep: true,
      author: { select: { role: true } },
      channel: { select: { reviewSteps: true } },
    },
  });
  if (!row) return null;
  return { title: row.title, updatedAt: row.updatedAt, story: reviewedStory(row) };
}

/**
 * Who approved a step since each story was last submitted (one person, one step per round), for
 * a bounded set of stories in one query.
 */
export async function approversThisRound(
  db: PrismaClient,
  articleIds: readonly number[],
): Promise<Map<number, number[]>> {
  const events = await db.articleReviewEvent.findMany({
    where: { articleId: { in: [...articleIds] }, action: { in: ["submit", "approve"] } },
    orderBy: { id: "asc" },
    select: { articleId: true, action: true, userId: true },
  });
  const round = new Map<number, number[]>(articleIds.map((id) => [id, []]));
  for (const e of events) {
    if (e.action === "submit") round.set(e.articleId, []);
    else if (e.userId !== null) round.get(e.articleId)?.push(e.userId);
  }
  return round;
}

/** 审核通过 or 退回修改, with its timeline event and audit row in one transaction. */
export async function reviewStory(
  db: PrismaClient,
  actor: Actor,
  request: ReviewRequest,
  now: Date,
): Promise<ReviewResult> {
  const loaded = await loadStory(db, request.articleId);
  if (!loaded) return { ok: false, message: NOT_FOUND };
  const { story } = loaded;
  if (story.reviewState !== request.seenState || story.reviewStep !== request.seenStep)
    return { ok: false, message: WORKFLOW_MESSAGES.state };
  const note = request.note.trim();

  let next: { reviewState: ReviewState; reviewStep: number };
  let step: number;
  if (request.action === "approve") {
    const approvers = await approversThisRound(db, [request.articleId]);
    const decision = mayApprove(actor, story, approvers.get(request.articleId) ?? []);
    if (!decision.ok) return { ok: false, message: decision.message, reason: decision.reason };
    next = decision.next;
    step = story.reviewStep;
  } else {
    const decision = mayReturn(actor, story, note);
    if (!decision.ok) return { ok: false, message: decision.message, reason: decision.reason };
    next = { reviewState: "returned", reviewStep: 0 };
    step = story.reviewStep;
  }

  const moved = await db.$transaction(async (tx) => {
    const { count } = await tx.article.updateMany({
      where: { id: request.articleId, reviewState: story.reviewState, reviewStep: story.reviewStep },
      // Written as it was: Prisma would otherwise stamp @updatedAt.
      data: { ...next, updatedAt: loaded.updatedAt },
    });
    if (count === 0) return false;
    await tx.articleReviewEvent.create({
      data: {
        articleId: request.articleId,
        userId: actor.id,
        action: request.action,
        step,
        note,
        createdAt: now,
      },
    });
    await tx.auditLog.create({
      data: {
        userId: actor.id,
        action:
          request.action === "approve" ? EDITORIAL_AUDIT.articleApproved : EDITORIAL_AUDIT.articleReturned,
        articleId: request.articleId,
        detail: JSON.stringify({
          title: loaded.title,
          step,
          to: next.reviewState,
          ...(note ? { note } : {}),
        }),
        createdAt: now,
      },
    });
    return true;
  });
  if (!moved) return { ok: false, message: WORKFLOW_MESSAGES.state };
  return { ok: true, ...next };
}

export interface TimelineEvent {
  id: number;
  action: ReviewAction;
  step: number;
  note: string;
  createdAt: Date;
  user: string;
}

/** The story's review timeline, oldest first (bounded: a story has a handful of rounds). */
export async function reviewTimeline(db: PrismaClient, articleId: number): Promise<TimelineEvent[]> {
  const rows = await db.articleReviewEvent.findMany({
    where: { articleId },
    orderBy: { id: "desc" },
    take: 200,
    select: {
      id: true,
      action: true,
      step: true,
      note: true,
      createdAt: true,
      user: { select: { username: true, displayName: true } },
    },
  });
  return rows.reverse().map((r) => ({
    id: r.id,
    action: REVIEW_ACTIONS.find((a) => a === r.action) ?? "submit",
    step: r.step,
    note: r.note,
    createdAt: r.createdAt,
    user: r.user ? r.user.displayName || r.user.username : "（已删除的账号）",
  }));
}

export interface InboxItem {
  id: number;
  title: string;
  channelName: string;
  reviewState: ReviewState;
  reviewStep: number;
  reviewSteps: number;
  updatedAt: Date;
  /** What this person is asked to do. */
  task: "review" | "sign" | "revise";
}

export const INBOX_LIMIT = 100;

/**
 * 待我处理: stories waiting for this person. A writer's returned copy; for reviewers, stories at a
 * review step in their channels that they may approve (not their own, not a second step of the
 * same round), and 待签发 stories they may sign off. Bounded (INBOX_LIMIT per kind), read through
 * the (reviewState, channelId, updatedAt) and (authorId, reviewState) indexes.
 */
export async function inboxFor(db: PrismaClient, actor: Actor): Promise<InboxItem[]> {
  const select = {
    id: true,
    title: true,
    reviewState: true,
    reviewStep: true,
    updatedAt: true,
    authorId: true,
    channelId: true,
    channel: { select: { name: true, reviewSteps: true } },
  } as const;
  const desk =
    actor.role === "reporter" || actor.role === "editor"
      ? actor.channels && actor.channels.length > 0
        ? { channelId: { in: [...actor.channels] } }
        : {}
      : {};
  const [returned, waiting] = await Promise.all([
    db.article.findMany({
      where: { authorId: actor.id, reviewState: "returned" },
      orderBy: { updatedAt: "desc" },
      take: INBOX_LIMIT,
      select,
    }),
    isReviewer(actor)
      ? db.article.findMany({
          where: { reviewState: { in: ["submitted", "approved"] }, ...desk },
          orderBy: { updatedAt: "asc" },
          take: INBOX_LIMIT,
          select,
        })
      : [],
  ]);
  const items: InboxItem[] = returned.map((r) => ({
    id: r.id,
    title: r.title,
    channelName: r.channel.name,
    reviewState: "returned",
    reviewStep: 0,
    reviewSteps: r.channel.reviewSteps,
    updatedAt: r.updatedAt,
    task: "revise",
  }));
  const approvers = await approversThisRound(
    db,
    waiting.filter((r) => r.reviewState === "submitted").map((r) => r.id),
  );
  for (const r of waiting) {
    if (!canReviewIn(actor, r.channelId)) continue;
    if (r.reviewState === "submitted") {
      if (r.authorId === actor.id) continue;
      if (approvers.get(r.id)?.includes(actor.id)) continue;
    }
    items.push({
      id: r.id,
      title: r.title,
      channelName: r.channel.name,
      reviewState: parseReviewState(r.reviewState),
      reviewStep: r.reviewStep,
      reviewSteps: r.channel.reviewSteps,
      updatedAt: r.updatedAt,
      task: r.reviewState === "approved" ? "sign" : "review",
    });
  }
  return items;
}
