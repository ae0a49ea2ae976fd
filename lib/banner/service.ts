// Setting and removing the 突发 banner as functions of (db, actor, input, now), tested without a
// request. Every reader page shows the banner (the site layout), so both writes drop the `site` tag
// in their own transaction, and setting one also records a row due at its end time: every cached
// page showing it expires exactly then, with no job to run (lib/cache/invalidate.ts).
import "server-only";
import { recordInvalidation } from "@/lib/cache/invalidate";
import { TAGS } from "@/lib/data/cache-tags";
import { isVisible } from "@/lib/data/visibility";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { EDITORIAL_AUDIT } from "@/lib/articles/audit-actions";
import { canWriteArticles, type Actor } from "@/lib/articles/permissions";
import { BANNER_ID, type BannerField, type BannerInput } from "@/lib/banner/rules";

export type BannerResult =
  { ok: true } | { ok: false; message: string; errors?: Partial<Record<BannerField, string[]>> };

export const BANNER_SERVICE_MESSAGES = {
  forbidden: "您的账号没有设置突发横幅的权限",
  noArticle: "没有这篇稿件",
  notVisible: "这篇稿件读者还看不到（草稿、定时或已撤下），请先发布",
  nothingToRemove: "当前没有突发横幅",
} as const;

export async function setBanner(
  db: PrismaClient,
  actor: Actor,
  input: BannerInput,
  now: Date,
): Promise<BannerResult> {
  if (!canWriteArticles(actor)) return { ok: false, message: BANNER_SERVICE_MESSAGES.forbidden };
  const article = await db.article.findUnique({
    where: { id: input.articleId },
    select: { status: true, publishedAt: true, unpublishAt: true },
  });
  const refused = !article
    ? BANNER_SERVICE_MESSAGES.noArticle
    : !isVisible(article, now.getTime())
      ? BANNER_SERVICE_MESSAGES.notVisible
      : null;
  if (refused) return { ok: false, message: "请检查标出的内容", errors: { article: [refused] } };
  // Checked outside the transaction: a story unpublished meanwhile only hides the banner, since
  // readers see it only while its story is visible (lib/data/banner.ts).
  const row = {
    text: input.text,
    articleId: input.articleId,
    endsAt: input.endsAt,
    createdById: actor.id,
    createdAt: now,
  };
  await db.$transaction(async (tx) => {
    await tx.breakingBanner.upsert({
      where: { id: BANNER_ID },
      create: { id: BANNER_ID, ...row },
      update: row,
    });
    await tx.auditLog.create({
      data: {
        userId: actor.id,
        action: EDITORIAL_AUDIT.bannerSet,
        articleId: input.articleId,
        detail: JSON.stringify({ text: input.text, endsAt: input.endsAt.toISOString() }),
        createdAt: now,
      },
    });
    await recordInvalidation(tx, [TAGS.site], now, { dueAt: input.endsAt, tags: [TAGS.site] });
  });
  return { ok: true };
}

export async function removeBanner(db: PrismaClient, actor: Actor, now: Date): Promise<BannerResult> {
  if (!canWriteArticles(actor)) return { ok: false, message: BANNER_SERVICE_MESSAGES.forbidden };
  const removed = await db.$transaction(async (tx) => {
    const current = await tx.breakingBanner.findUnique({
      where: { id: BANNER_ID },
      select: { text: true, articleId: true, endsAt: true },
    });
    if (!current) return false;
    await tx.breakingBanner.deleteMany({ where: { id: BANNER_ID } });
    await tx.auditLog.create({
      data: {
        userId: actor.id,
        action: EDITORIAL_AUDIT.bannerRemoved,
        articleId: current.articleId,
        detail: JSON.stringify({ text: current.text, endsAt: current.endsAt.toISOString() }),
        createdAt: now,
      },
    });
    await recordInvalidation(tx, [TAGS.site], now);
    return true;
  });
  return removed ? { ok: true } : { ok: false, message: BANNER_SERVICE_MESSAGES.nothingToRemove };
}
