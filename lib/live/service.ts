// Live coverage writes as functions of (db, actor, input, now), tested without a request. The
// story's page and its live endpoint (/api/live/<id>) are both cached under `article:<id>`
// (lib/cache/page-tags.ts), so every write records that tag in its own transaction: readers'
// next poll, on any process, gets the new state. Lists of stories do not show live state, so
// `site` is left alone and a crowd polling one story never drops the rest of the site.
import "server-only";
import { recordInvalidation } from "@/lib/cache/invalidate";
import { TAGS } from "@/lib/data/cache-tags";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { EDITORIAL_AUDIT, type EditorialAuditAction } from "@/lib/articles/audit-actions";
import { canWriteArticles, type Actor } from "@/lib/articles/permissions";
import type { LiveEntryField, LiveEntryInput } from "@/lib/live/rules";

export type LiveResult =
  | { ok: true; entryId?: number }
  | { ok: false; message: string; errors?: Partial<Record<LiveEntryField, string[]>> };

export const LIVE_SERVICE_MESSAGES = {
  forbidden: "您的账号没有编辑直播的权限",
  noArticle: "没有这篇稿件",
  notStarted: "这篇稿件还没有开始直播",
  ended: "直播已结束，请先重新开始直播",
  alreadyLive: "直播已在进行中",
  noEntry: "没有这条直播，可能已被删除",
  noImage: "没有这张图片",
} as const;

type Tx = Prisma.TransactionClient;

async function audit(
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
  await recordInvalidation(tx, [TAGS.article(articleId)], now);
}

/** Start (or restart after an end) the live coverage of a story, draft or published. */
export async function startLive(
  db: PrismaClient,
  actor: Actor,
  articleId: number,
  now: Date,
): Promise<LiveResult> {
  if (!canWriteArticles(actor)) return { ok: false, message: LIVE_SERVICE_MESSAGES.forbidden };
  return db.$transaction(async (tx): Promise<LiveResult> => {
    const article = await tx.article.findUnique({ where: { id: articleId }, select: { id: true } });
    if (!article) return { ok: false, message: LIVE_SERVICE_MESSAGES.noArticle };
    const current = await tx.liveCoverage.findUnique({ where: { articleId } });
    if (current && current.endedAt === null) return { ok: false, message: LIVE_SERVICE_MESSAGES.alreadyLive };
    // A restart keeps the first start: coverageStartTime is when the coverage began.
    await tx.liveCoverage.upsert({
      where: { articleId },
      create: { articleId, startedAt: now },
      update: { endedAt: null },
    });
    await audit(tx, actor, EDITORIAL_AUDIT.liveStarted, articleId, { restarted: current !== null }, now);
    return { ok: true };
  });
}

/** End the coverage: readers' pages stop polling and say 直播已结束. */
export async function endLive(
  db: PrismaClient,
  actor: Actor,
  articleId: number,
  now: Date,
): Promise<LiveResult> {
  if (!canWriteArticles(actor)) return { ok: false, message: LIVE_SERVICE_MESSAGES.forbidden };
  return db.$transaction(async (tx): Promise<LiveResult> => {
    const refusedCoverage = await notRunning(tx, articleId);
    if (refusedCoverage) return refusedCoverage;
    await tx.liveCoverage.update({ where: { articleId }, data: { endedAt: now } });
    await audit(tx, actor, EDITORIAL_AUDIT.liveEnded, articleId, {}, now);
    return { ok: true };
  });
}

/** Why a write that needs a running coverage is refused, or null while it runs. */
async function notRunning(tx: Tx, articleId: number): Promise<LiveResult | null> {
  const current = await tx.liveCoverage.findUnique({ where: { articleId }, select: { endedAt: true } });
  if (!current) return { ok: false, message: LIVE_SERVICE_MESSAGES.notStarted };
  return current.endedAt === null ? null : { ok: false, message: LIVE_SERVICE_MESSAGES.ended };
}

async function imageRefused(tx: Tx, imageId: number | null): Promise<LiveResult | null> {
  if (imageId === null) return null;
  const image = await tx.image.findUnique({ where: { id: imageId }, select: { id: true } });
  return image
    ? null
    : { ok: false, message: "请检查标出的内容", errors: { imageId: [LIVE_SERVICE_MESSAGES.noImage] } };
}

/** Add an entry, timestamped now, to a running coverage. */
export async function addLiveEntry(
  db: PrismaClient,
  actor: Actor,
  articleId: number,
  input: LiveEntryInput,
  now: Date,
): Promise<LiveResult> {
  if (!canWriteArticles(actor)) return { ok: false, message: LIVE_SERVICE_MESSAGES.forbidden };
  return db.$transaction(async (tx): Promise<LiveResult> => {
    const refused = (await notRunning(tx, articleId)) ?? (await imageRefused(tx, input.imageId));
    if (refused) return refused;
    const entry = await tx.liveEntry.create({ data: { articleId, ...input, createdAt: now } });
    await audit(
      tx,
      actor,
      EDITORIAL_AUDIT.liveEntryAdded,
      articleId,
      { entryId: entry.id, body: input.body },
      now,
    );
    return { ok: true, entryId: entry.id };
  });
}

async function findEntry(tx: Tx, articleId: number, entryId: number) {
  const entry = await tx.liveEntry.findUnique({ where: { id: entryId } });
  return entry && entry.articleId === articleId && entry.removedAt === null ? entry : null;
}

/**
 * Correct an entry: its text, quote and image are replaced, its time stays, and readers see
 * 已更正 with the correction's time. The previous text goes into the audit log. Allowed after the
 * coverage ended too (a correction is never too late).
 */
export async function correctLiveEntry(
  db: PrismaClient,
  actor: Actor,
  articleId: number,
  entryId: number,
  input: LiveEntryInput,
  now: Date,
): Promise<LiveResult> {
  if (!canWriteArticles(actor)) return { ok: false, message: LIVE_SERVICE_MESSAGES.forbidden };
  return db.$transaction(async (tx): Promise<LiveResult> => {
    const entry = await findEntry(tx, articleId, entryId);
    if (!entry) return { ok: false, message: LIVE_SERVICE_MESSAGES.noEntry };
    const refused = await imageRefused(tx, input.imageId);
    if (refused) return refused;
    await tx.liveEntry.update({ where: { id: entryId }, data: { ...input, correctedAt: now } });
    const before = { body: entry.body, quote: entry.quote, quoteBy: entry.quoteBy, imageId: entry.imageId };
    await audit(
      tx,
      actor,
      EDITORIAL_AUDIT.liveEntryCorrected,
      articleId,
      { entryId, before, after: input },
      now,
    );
    return { ok: true, entryId };
  });
}

/** Pin an entry on top of the coverage (replacing any other pinned one), or unpin it. */
export async function pinLiveEntry(
  db: PrismaClient,
  actor: Actor,
  articleId: number,
  entryId: number,
  pinned: boolean,
  now: Date,
): Promise<LiveResult> {
  if (!canWriteArticles(actor)) return { ok: false, message: LIVE_SERVICE_MESSAGES.forbidden };
  return db.$transaction(async (tx): Promise<LiveResult> => {
    const entry = await findEntry(tx, articleId, entryId);
    if (!entry) return { ok: false, message: LIVE_SERVICE_MESSAGES.noEntry };
    // One pinned entry per story.
    await tx.liveEntry.updateMany({ where: { articleId, pinned: true }, data: { pinned: false } });
    if (pinned) await tx.liveEntry.update({ where: { id: entryId }, data: { pinned: true } });
    const action = pinned ? EDITORIAL_AUDIT.liveEntryPinned : EDITORIAL_AUDIT.liveEntryUnpinned;
    await audit(tx, actor, action, articleId, { entryId }, now);
    return { ok: true, entryId };
  });
}

/** Remove an entry from readers' view; the row stays for the record. */
export async function removeLiveEntry(
  db: PrismaClient,
  actor: Actor,
  articleId: number,
  entryId: number,
  now: Date,
): Promise<LiveResult> {
  if (!canWriteArticles(actor)) return { ok: false, message: LIVE_SERVICE_MESSAGES.forbidden };
  return db.$transaction(async (tx): Promise<LiveResult> => {
    const entry = await findEntry(tx, articleId, entryId);
    if (!entry) return { ok: false, message: LIVE_SERVICE_MESSAGES.noEntry };
    await tx.liveEntry.update({ where: { id: entryId }, data: { removedAt: now, pinned: false } });
    await audit(tx, actor, EDITORIAL_AUDIT.liveEntryRemoved, articleId, { entryId, body: entry.body }, now);
    return { ok: true, entryId };
  });
}
