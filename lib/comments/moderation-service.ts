// Comment moderation as functions of (db, actor, input, now), callable without a request. The
// cache invalidation is recorded in the same transaction as the change.
import "server-only";
import { recordInvalidation } from "@/lib/cache/invalidate";
import { TAGS } from "@/lib/data/cache-tags";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { EDITORIAL_AUDIT } from "@/lib/articles/audit-actions";
import { canModerateComments, type Actor } from "@/lib/articles/permissions";
import { banHoursLabel, type Decision } from "@/lib/comments/moderation-rules";

export type ModerationResult =
  { ok: true; count: number; articleIds: number[] } | { ok: false; message: string };

const STATUS_OF: Record<Exclude<Decision, "delete">, string> = { approve: "approved", reject: "rejected" };
const AUDIT_OF = {
  approve: EDITORIAL_AUDIT.commentApproved,
  reject: EDITORIAL_AUDIT.commentRejected,
  delete: EDITORIAL_AUDIT.commentDeleted,
} as const;

export const MODERATION_MESSAGES = {
  forbidden: "您没有审核评论的权限",
  none: "所选评论不存在或已被删除",
  noAddress: "这条评论没有记录来源地址，无法封禁",
} as const;

/**
 * Approve, reject or delete comments. Returns the stories whose comments changed. One audit row
 * per story, listing the comment ids.
 */
export async function moderateComments(
  db: PrismaClient,
  actor: Actor,
  request: { decision: Decision; ids: number[] },
  now: Date,
): Promise<ModerationResult> {
  if (!canModerateComments(actor)) return { ok: false, message: MODERATION_MESSAGES.forbidden };
  const rows = await db.comment.findMany({
    where: { id: { in: request.ids } },
    select: { id: true, articleId: true, status: true },
  });
  if (rows.length === 0) return { ok: false, message: MODERATION_MESSAGES.none };
  const ids = rows.map((r) => r.id);
  const byArticle = new Map<number, number[]>();
  for (const r of rows) byArticle.set(r.articleId, [...(byArticle.get(r.articleId) ?? []), r.id]);
  const { decision } = request;
  await db.$transaction(async (tx) => {
    if (decision === "delete") await tx.comment.deleteMany({ where: { id: { in: ids } } });
    else await tx.comment.updateMany({ where: { id: { in: ids } }, data: { status: STATUS_OF[decision] } });
    for (const [articleId, commentIds] of byArticle) {
      await tx.auditLog.create({
        data: {
          userId: actor.id,
          action: AUDIT_OF[decision],
          articleId,
          detail: JSON.stringify({ commentIds, count: commentIds.length }),
          createdAt: now,
        },
      });
    }
    // The stories' shown comments change on every process.
    await recordInvalidation(tx, [...byArticle.keys()].map(TAGS.comments), now);
  });
  return { ok: true, count: ids.length, articleIds: [...byArticle.keys()] };
}

export type BanResult =
  { ok: true; until: Date; rejected: number; articleIds: number[] } | { ok: false; message: string };

/**
 * Ban the (hashed) address a comment came from for `hours`, optionally rejecting that address's
 * comments still waiting in the queue. A later ban of the same address replaces the earlier one.
 */
export async function banCommentAddress(
  db: PrismaClient,
  actor: Actor,
  request: { commentId: number; hours: number; reason: string; rejectPending: boolean },
  now: Date,
): Promise<BanResult> {
  if (!canModerateComments(actor)) return { ok: false, message: MODERATION_MESSAGES.forbidden };
  const comment = await db.comment.findUnique({
    where: { id: request.commentId },
    select: { ipHash: true, articleId: true },
  });
  if (!comment) return { ok: false, message: MODERATION_MESSAGES.none };
  if (comment.ipHash === "") return { ok: false, message: MODERATION_MESSAGES.noAddress };
  const until = new Date(now.getTime() + request.hours * 3_600_000);
  const reason = request.reason || `评论 #${request.commentId}，封禁 ${banHoursLabel(request.hours)}`;
  const pending = request.rejectPending
    ? await db.comment.findMany({
        where: { ipHash: comment.ipHash, status: "pending" },
        select: { id: true, articleId: true },
      })
    : [];
  await db.$transaction([
    db.ban.upsert({
      where: { ipHash: comment.ipHash },
      create: { ipHash: comment.ipHash, until, reason, createdAt: now },
      update: { until, reason, createdAt: now },
    }),
    db.comment.updateMany({ where: { id: { in: pending.map((p) => p.id) } }, data: { status: "rejected" } }),
    db.auditLog.create({
      data: {
        userId: actor.id,
        action: EDITORIAL_AUDIT.addressBanned,
        articleId: comment.articleId,
        detail: JSON.stringify({
          commentId: request.commentId,
          hours: request.hours,
          until: until.toISOString(),
          rejectedCommentIds: pending.map((p) => p.id),
        }),
        createdAt: now,
      },
    }),
  ]);
  return {
    ok: true,
    until,
    rejected: pending.length,
    articleIds: [...new Set(pending.map((p) => p.articleId))],
  };
}
