// The review flow (三审), as pure rules: what a person may do to a story in the state it is in.
// lib/workflow/service.ts applies them to the database; lib/articles/service.ts asks them before a
// save or a sign-off. A story moves 草稿 → 待审 (submitted, step 1 … N, N = its channel's
// reviewSteps) → 待签发 (approved) → signed off (published or scheduled); a reviewer may return it
// to its writer (退回修改) from any review step or from 待签发.
import { canReviewIn, deskCovers, type Actor } from "@/lib/articles/permissions";

export const REVIEW_STATES = ["draft", "submitted", "returned", "approved", "signed"] as const;
export type ReviewState = (typeof REVIEW_STATES)[number];

export const REVIEW_STATE_LABELS: Record<ReviewState, string> = {
  draft: "草稿",
  submitted: "待审",
  returned: "退回修改",
  approved: "待签发",
  signed: "已签发",
};

export const REVIEW_ACTIONS = ["submit", "approve", "return", "sign"] as const;
export type ReviewAction = (typeof REVIEW_ACTIONS)[number];

export const REVIEW_ACTION_LABELS: Record<ReviewAction, string> = {
  submit: "提交审核",
  approve: "审核通过",
  return: "退回修改",
  sign: "签发",
};

export const MAX_REVIEW_STEPS = 3;
export const REVIEW_NOTE_MAX = 500;

/** 一审, 二审, 三审. */
export function stepLabel(step: number): string {
  return `${["一", "二", "三"][step - 1] ?? String(step)}审`;
}

/** What a reviewer is told after approving step `step` (to `next`) or returning a story. */
export function reviewOutcome(action: "approve" | "return", step: number, next: ReviewState): string {
  if (action === "return") return "已退回修改，写稿人会在“待我处理”中看到您的说明";
  return next === "approved"
    ? `${stepLabel(step)}已通过，稿件进入待签发`
    : `${stepLabel(step)}已通过，稿件进入${stepLabel(step + 1)}`;
}

/** The list's short label of where a story is in the flow: 待审（二审）, 退回修改, 待签发; null outside it. */
export function reviewLabel(state: ReviewState, step: number): string | null {
  if (state === "submitted") return `待审（${stepLabel(step)}）`;
  if (state === "returned" || state === "approved") return REVIEW_STATE_LABELS[state];
  return null;
}

export function parseReviewState(value: string): ReviewState {
  return (REVIEW_STATES as readonly string[]).includes(value) ? (value as ReviewState) : "draft";
}

/** The story as the rules see it. */
export interface ReviewedStory {
  channelId: number;
  /** Who created it (null: imported or its account is gone). */
  authorId: number | null;
  /** Its writer is a 记者 (their copy goes out only through the review flow). */
  writtenByReporter: boolean;
  /** draft | published | unpublished */
  status: string;
  reviewState: ReviewState;
  reviewStep: number;
  /** The channel's configured review steps. */
  reviewSteps: number;
}

/** The rules' view of a stored story (read with its author's role and its channel's steps). */
export function reviewedStory(row: {
  channelId: number;
  authorId: number | null;
  status: string;
  reviewState: string;
  reviewStep: number;
  author: { role: string } | null;
  channel: { reviewSteps: number };
}): ReviewedStory {
  return {
    channelId: row.channelId,
    authorId: row.authorId,
    writtenByReporter: row.author?.role === "reporter",
    status: row.status,
    reviewState: parseReviewState(row.reviewState),
    reviewStep: row.reviewStep,
    reviewSteps: row.channel.reviewSteps,
  };
}

export type Refusal = { ok: false; reason: RefusalReason; message: string };
export type RefusalReason =
  | "desk"
  | "role"
  | "state"
  | "own_copy"
  | "same_reviewer"
  | "note_required"
  | "note_too_long"
  | "needs_review";

export const WORKFLOW_MESSAGES: Record<RefusalReason, string> = {
  desk: "您只能处理分配给您的频道的稿件",
  role: "您的角色不能进行此操作",
  state: "稿件当前状态不能进行此操作，请刷新页面后再看",
  own_copy: "不能审核自己写的稿件",
  same_reviewer: "同一人不能审核同一稿件的两个审级，请由其他编辑审核",
  note_required: "退回修改请写明原因",
  note_too_long: `退回说明最多 ${REVIEW_NOTE_MAX} 个字`,
  needs_review: "这篇稿件须走完审核流程（待签发）才能签发：审核中或已退回的稿件、记者的稿件都不能直接发布",
};

function refuse(reason: RefusalReason): Refusal {
  return { ok: false, reason, message: WORKFLOW_MESSAGES[reason] };
}

/**
 * May the actor change the story's content? Editors, the 主编 and admins edit anything in their
 * channels (a reviewer edits before approving); a reporter edits their own copy while it is with
 * them (草稿 or 退回修改, never published), not while the desk has it.
 */
export function mayEdit(actor: Actor, story: ReviewedStory): { ok: true } | Refusal {
  if (!deskCovers(actor, story.channelId)) return refuse("desk");
  if (actor.role !== "reporter") return { ok: true };
  if (story.authorId !== actor.id) return refuse("role");
  if (story.status !== "draft") return refuse("role");
  if (story.reviewState !== "draft" && story.reviewState !== "returned") return refuse("state");
  return { ok: true };
}

/** 提交审核: the writer (or anyone who may edit it) hands a draft or a returned story to the desk. */
export function maySubmit(actor: Actor, story: ReviewedStory): { ok: true; step: number } | Refusal {
  const edit = mayEdit(actor, story);
  if (!edit.ok) return edit;
  if (story.status === "published") return refuse("state");
  if (story.reviewState !== "draft" && story.reviewState !== "returned" && story.reviewState !== "signed")
    return refuse("state");
  return { ok: true, step: 1 };
}

/**
 * 审核通过 at the story's current step. The writer does not review their own copy, and one person
 * approves at most one step of a round (三审 means three pairs of eyes): `approvedThisRound` are
 * the users who approved earlier steps since the last submit.
 */
export function mayApprove(
  actor: Actor,
  story: ReviewedStory,
  approvedThisRound: readonly number[],
): { ok: true; next: { reviewState: ReviewState; reviewStep: number } } | Refusal {
  if (!canReviewIn(actor, story.channelId))
    return refuse(deskCovers(actor, story.channelId) ? "role" : "desk");
  if (story.reviewState !== "submitted") return refuse("state");
  if (story.authorId === actor.id) return refuse("own_copy");
  if (approvedThisRound.includes(actor.id)) return refuse("same_reviewer");
  const steps = Math.min(Math.max(story.reviewSteps, 1), MAX_REVIEW_STEPS);
  if (story.reviewStep >= steps) return { ok: true, next: { reviewState: "approved", reviewStep: 0 } };
  return { ok: true, next: { reviewState: "submitted", reviewStep: story.reviewStep + 1 } };
}

/** 退回修改, with a note for the writer, from any review step or from 待签发. */
export function mayReturn(actor: Actor, story: ReviewedStory, note: string): { ok: true } | Refusal {
  if (!canReviewIn(actor, story.channelId))
    return refuse(deskCovers(actor, story.channelId) ? "role" : "desk");
  if (story.reviewState !== "submitted" && story.reviewState !== "approved") return refuse("state");
  if (note.trim().length === 0) return refuse("note_required");
  if ([...note].length > REVIEW_NOTE_MAX) return refuse("note_too_long");
  return { ok: true };
}

/**
 * 签发: publishing or scheduling (and unpublishing) a story. Only a sign-off publishes: editors in
 * their channels, the 主编 and admins sign off. A story in review must have passed every step
 * (待签发); one that was returned is with its writer. A story outside the flow (an editor's own
 * copy, or one that went out before) is signed off directly; a reporter's copy never is.
 */
export function maySignOff(actor: Actor, story: ReviewedStory): { ok: true } | Refusal {
  if (!canReviewIn(actor, story.channelId))
    return refuse(deskCovers(actor, story.channelId) ? "role" : "desk");
  if (story.reviewState === "approved") return { ok: true };
  if (story.reviewState === "submitted" || story.reviewState === "returned") return refuse("needs_review");
  if (story.status === "draft" && story.writtenByReporter) return refuse("needs_review");
  return { ok: true };
}
