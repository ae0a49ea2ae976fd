// 更正 / 更新说明 writes as functions of (db, actor, input, now), tested without a request. A note
// changes the story's page, its structured data, the /corrections list, and the story's <lastmod>
// in the sitemap (the story's updatedAt moves to the note's time), so each write records `site`
// and the story's own tag in its own transaction: every process drops those pages at once.
import "server-only";
import { recordInvalidation } from "@/lib/cache/invalidate";
import { TAGS } from "@/lib/data/cache-tags";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { EDITORIAL_AUDIT, type EditorialAuditAction } from "@/lib/articles/audit-actions";
import { canWriteArticles, type Actor } from "@/lib/articles/permissions";
import type { CorrectionInput } from "@/lib/corrections/rules";

export type CorrectionResult = { ok: true; correctionId: number } | { ok: false; message: string };

export const CORRECTION_SERVICE_MESSAGES = {
  forbidden: "您的账号没有更正稿件的权限",
  noArticle: "没有这篇稿件",
  notPublished: "只有已发布的稿件才能添加更正或更新说明；未发布的稿件请直接修改",
  noCorrection: "没有这条说明，可能已被撤下",
} as const;

type Tx = Prisma.TransactionClient;

async function recordWrite(
  tx: Tx,
  actor: Actor,
  action: EditorialAuditAction,
  articleId: number,
  detail: object,
  now: Date,
): Promise<void> {
  await tx.auditLog.create({
    data: { userId: actor.id, action, articleId, detail: JSON.stringify(detail), createdAt: now },
  });
  // The story was updated now: its <lastmod> and dateModified follow. An editor with the story's
  // form open is told it changed (the concurrent-save check) and keeps what they typed.
  await tx.article.update({ where: { id: articleId }, data: { updatedAt: now } });
  await recordInvalidation(tx, [TAGS.site, TAGS.article(articleId)], now);
}

/** Add a dated note to a published story (scheduled ones too: they are published). */
export async function addCorrection(
  db: PrismaClient,
  actor: Actor,
  articleId: number,
  input: CorrectionInput,
  now: Date,
): Promise<CorrectionResult> {
  if (!canWriteArticles(actor)) return { ok: false, message: CORRECTION_SERVICE_MESSAGES.forbidden };
  return db.$transaction(async (tx): Promise<CorrectionResult> => {
    const article = await tx.article.findUnique({ where: { id: articleId }, select: { status: true } });
    if (!article) return { ok: false, message: CORRECTION_SERVICE_MESSAGES.noArticle };
    if (article.status !== "published")
      return { ok: false, message: CORRECTION_SERVICE_MESSAGES.notPublished };
    const row = await tx.articleCorrection.create({
      data: { articleId, kind: input.kind, text: input.text, createdAt: now },
    });
    await recordWrite(
      tx,
      actor,
      EDITORIAL_AUDIT.correctionAdded,
      articleId,
      { correctionId: row.id, ...input },
      now,
    );
    return { ok: true, correctionId: row.id };
  });
}

/**
 * Take a note down (one added to the wrong story, say). The audit log keeps its words, who took
 * it down and when.
 */
export async function removeCorrection(
  db: PrismaClient,
  actor: Actor,
  articleId: number,
  correctionId: number,
  now: Date,
): Promise<CorrectionResult> {
  if (!canWriteArticles(actor)) return { ok: false, message: CORRECTION_SERVICE_MESSAGES.forbidden };
  return db.$transaction(async (tx): Promise<CorrectionResult> => {
    const row = await tx.articleCorrection.findFirst({ where: { id: correctionId, articleId } });
    if (!row) return { ok: false, message: CORRECTION_SERVICE_MESSAGES.noCorrection };
    await tx.articleCorrection.delete({ where: { id: correctionId } });
    await recordWrite(
      tx,
      actor,
      EDITORIAL_AUDIT.correctionRemoved,
      articleId,
      { correctionId, kind: row.kind, text: row.text, addedAt: row.createdAt.toISOString() },
      now,
    );
    return { ok: true, correctionId };
  });
}
