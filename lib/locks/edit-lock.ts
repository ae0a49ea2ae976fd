// Edit locks (issue 13 item 4): who is editing a story. The edit page takes the lock as soon as its
// editor changes something (not on merely opening it: a reviewer who reads or approves does not
// block the writer) and its heartbeat keeps it; a save ends it (lib/articles/service.ts), and
// without a heartbeat it expires (a closed tab, a crash), so nobody has to unlock by hand. Someone
// else may read, wait, or take over; the one taken over from learns it on their next heartbeat,
// and their save is refused (lockRefusal). The lock is a database row, so two processes agree on
// it; the row's key makes taking it atomic.
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { getDb } from "@/lib/db";
import { EDITORIAL_AUDIT } from "@/lib/articles/audit-actions";
import { canUnlock, canWriteArticles, type Actor } from "@/lib/articles/permissions";
import { mayEdit, parseReviewState } from "@/lib/workflow/rules";
import { formatClock } from "@/lib/time";
import { LOCK_TTL_MS } from "@/lib/locks/timing";

export interface LockHolder {
  userId: number;
  name: string;
  since: Date;
}

/** The lock as one user sees it: theirs, nobody's, or someone else's (live). */
export type LockView =
  { state: "mine"; since: Date } | { state: "free" } | { state: "other"; holder: LockHolder };

export const LOCK_MESSAGES = {
  notFound: "稿件不存在或已被删除",
  forbidden: "您不能编辑这篇稿件，不能接管",
} as const;

/** What a save by someone else is refused with while the holder is editing. */
export function lockedMessage(holder: LockHolder): string {
  return `${holder.name} 正在编辑这篇稿件（自 ${formatClock(holder.since)} 起），您的保存未执行。您输入的内容仍在表单中，也已自动保存；请等对方结束编辑，或接管后再保存。`;
}

const holderSelect = {
  userId: true,
  since: true,
  expiresAt: true,
  user: { select: { username: true, displayName: true } },
} as const;

function view(
  row: {
    userId: number;
    since: Date;
    expiresAt: Date;
    user: { username: string; displayName: string };
  } | null,
  userId: number,
  now: Date,
): LockView {
  if (!row || row.expiresAt.getTime() <= now.getTime()) return { state: "free" };
  if (row.userId === userId) return { state: "mine", since: row.since };
  return {
    state: "other",
    holder: { userId: row.userId, name: row.user.displayName || row.user.username, since: row.since },
  };
}

/** The lock of story `articleId` as `userId` sees it, without changing it. */
export async function readLock(
  db: PrismaClient,
  articleId: number,
  userId: number,
  now: Date,
): Promise<LockView> {
  const row = await db.articleLock.findUnique({ where: { articleId }, select: holderSelect });
  return view(row, userId, now);
}

/** Someone else's live lock on the story, which refuses `userId`'s save; null: the save may go ahead. */
export async function lockRefusal(
  db: Pick<PrismaClient, "articleLock">,
  articleId: number,
  userId: number,
  now: Date,
): Promise<LockHolder | null> {
  const row = await db.articleLock.findUnique({ where: { articleId }, select: holderSelect });
  const seen = view(row, userId, now);
  return seen.state === "other" ? seen.holder : null;
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2002";
}

/**
 * The heartbeat: keep the lock when it is `actor`'s, take it when nobody holds a live one, and
 * otherwise leave it and say who has it. Each step is one conditional statement, so of two people
 * opening the story at once exactly one gets it.
 */
export async function keepLock(
  db: PrismaClient,
  actor: Actor,
  articleId: number,
  now: Date,
): Promise<LockView> {
  const expiresAt = new Date(now.getTime() + LOCK_TTL_MS);
  const kept = await db.articleLock.updateMany({
    where: { articleId, userId: actor.id, expiresAt: { gt: now } },
    data: { expiresAt },
  });
  if (kept.count === 0) {
    const taken = await db.articleLock.updateMany({
      where: { articleId, expiresAt: { lte: now } },
      data: { userId: actor.id, since: now, expiresAt },
    });
    if (taken.count === 0) {
      try {
        await db.articleLock.create({ data: { articleId, userId: actor.id, since: now, expiresAt } });
      } catch (error) {
        // Someone else's live lock (or one created a moment ago): theirs stands.
        if (!isUniqueViolation(error)) throw error;
      }
    }
  }
  return readLock(db, articleId, actor.id, now);
}

export type TakeOverResult =
  { ok: true; view: LockView; from: LockHolder | null } | { ok: false; status: 403 | 404; message: string };

/**
 * 接管编辑: `actor` takes the lock whoever holds it. Anyone who may edit the story may (the page
 * asks them to confirm first); the 主编 and admins always may. The audit log records whom it was
 * taken from.
 */
export async function takeOverLock(
  db: PrismaClient,
  actor: Actor,
  articleId: number,
  now: Date,
): Promise<TakeOverResult> {
  if (!canWriteArticles(actor)) return { ok: false, status: 403, message: LOCK_MESSAGES.forbidden };
  const story = await db.article.findUnique({
    where: { id: articleId },
    select: {
      channelId: true,
      authorId: true,
      status: true,
      reviewState: true,
      reviewStep: true,
      title: true,
      author: { select: { role: true } },
      channel: { select: { reviewSteps: true } },
    },
  });
  if (!story) return { ok: false, status: 404, message: LOCK_MESSAGES.notFound };
  const may =
    canUnlock(actor) ||
    mayEdit(actor, {
      channelId: story.channelId,
      authorId: story.authorId,
      writtenByReporter: story.author?.role === "reporter",
      status: story.status,
      reviewState: parseReviewState(story.reviewState),
      reviewStep: story.reviewStep,
      reviewSteps: story.channel.reviewSteps,
    }).ok;
  if (!may) return { ok: false, status: 403, message: LOCK_MESSAGES.forbidden };
  const expiresAt = new Date(now.getTime() + LOCK_TTL_MS);
  const from = await db.$transaction(async (tx) => {
    const before = await tx.articleLock.findUnique({ where: { articleId }, select: holderSelect });
    const seen = view(before, actor.id, now);
    await tx.articleLock.upsert({
      where: { articleId },
      create: { articleId, userId: actor.id, since: now, expiresAt },
      update: seen.state === "mine" ? { expiresAt } : { userId: actor.id, since: now, expiresAt },
    });
    if (seen.state === "other") {
      await tx.auditLog.create({
        data: {
          userId: actor.id,
          action: EDITORIAL_AUDIT.articleLockTaken,
          articleId,
          detail: JSON.stringify({
            title: story.title,
            fromUserId: seen.holder.userId,
            from: seen.holder.name,
            since: seen.holder.since.toISOString(),
          }),
          createdAt: now,
        },
      });
      return seen.holder;
    }
    return null;
  });
  return { ok: true, view: await readLock(db, articleId, actor.id, now), from };
}

/** The page is closed (or can no longer edit): its lock, if it still has it, is free at once. */
export async function releaseLock(db: PrismaClient, userId: number, articleId: number): Promise<void> {
  await db.articleLock.deleteMany({ where: { articleId, userId } });
}

/** What the edit page's lock route asks (app/admin/api/articles/[id]/lock/route.ts). */
export const LOCK_ACTIONS = ["keep", "peek", "take", "release"] as const;
export type LockAction = (typeof LOCK_ACTIONS)[number];

export function parseLockAction(value: unknown): LockAction | null {
  return (LOCK_ACTIONS as readonly unknown[]).includes(value) ? (value as LockAction) : null;
}

/**
 * One request of the lock route, on the process's database: "keep" (the heartbeat: keep or take
 * the lock unless someone else holds a live one), "peek" (change nothing), "take" (接管编辑),
 * "release" (the page closes). The answer is the lock as `actor` then sees it.
 */
export async function answerLockAction(
  actor: Actor,
  articleId: number,
  action: LockAction,
  now: Date,
): Promise<TakeOverResult> {
  const db = await getDb();
  if (action === "take") return takeOverLock(db, actor, articleId, now);
  if (action === "release") {
    await releaseLock(db, actor.id, articleId);
    return { ok: true, view: await readLock(db, articleId, actor.id, now), from: null };
  }
  const exists = await db.article.findUnique({ where: { id: articleId }, select: { id: true } });
  if (!exists) return { ok: false, status: 404, message: "稿件不存在或已被删除" };
  const view =
    action === "keep"
      ? await keepLock(db, actor, articleId, now)
      : await readLock(db, articleId, actor.id, now);
  return { ok: true, view, from: null };
}
