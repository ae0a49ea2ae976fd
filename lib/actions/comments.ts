import "server-only";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { ExpiringMap } from "@/lib/expiring-map";
import { recordInvalidation } from "@/lib/cache/invalidate";
import { TAGS } from "@/lib/data/cache-tags";
import { isVisible } from "@/lib/data/visibility";
import {
  SlidingWindowLimiter,
  applySensitiveWords,
  bodyFingerprint,
  checkFormToken,
  commentSchema,
} from "@/lib/comments/policy";
import { hashClientAddress } from "@/lib/client-address";
import { describeWriteError, isStorageFull } from "@/lib/storage-full";

export type CommentErrorCode =
  | "invalid"
  | "not-found"
  | "expired"
  | "too-fast"
  | "banned"
  | "blocked"
  | "duplicate"
  | "rate-limited"
  | "unavailable";

/** What the comment form shows after a submit. `values` gives back what was typed on error. */
export interface CommentFormState {
  status: "idle" | "pending" | "approved" | "error";
  /** Machine-readable reason of an error (API clients). */
  code?: CommentErrorCode;
  message?: string;
  errors?: { nickname?: string[]; body?: string[] };
  values?: { nickname: string; body: string };
}

export const RATE_WINDOW_MS = 10 * 60_000;
const DUPLICATE_WINDOW_MS = 24 * 3_600_000;

interface Guards {
  limiter: SlidingWindowLimiter;
  /** Body fingerprints posted lately, to refuse the same comment twice (bounded, O(1) a post). */
  recentBodies: ExpiringMap<true>;
}
declare global {
  var __difangCommentGuards: Guards | undefined;
}
function guards(): Guards {
  globalThis.__difangCommentGuards ??= {
    limiter: new SlidingWindowLimiter(env.COMMENT_RATE_LIMIT, RATE_WINDOW_MS),
    recentBodies: new ExpiringMap(50_000),
  };
  return globalThis.__difangCommentGuards;
}

/** Salted hash of the client address; the only form in which an address is stored. */
export function addressHash(address: string): string {
  return hashClientAddress(address, env.IP_HASH_SALT);
}

/**
 * Validate and store one reader comment. All spam defences run here, on the server: honeypot,
 * minimum fill time (signed form token), ban list, per-address rate limit, duplicate body,
 * sensitive words. New comments wait for moderation unless COMMENTS_AUTO_APPROVE is set.
 */
export async function submitComment(
  raw: Record<string, unknown>,
  client: { address: string },
  now: number = Date.now(),
): Promise<CommentFormState> {
  const typed = {
    nickname: typeof raw.nickname === "string" ? raw.nickname.slice(0, 200) : "",
    body: typeof raw.body === "string" ? raw.body.slice(0, 5000) : "",
  };
  const fail = (
    code: CommentErrorCode,
    message: string,
    errors?: CommentFormState["errors"],
  ): CommentFormState => ({
    status: "error",
    code,
    message,
    errors,
    values: typed,
  });
  const parsed = commentSchema.safeParse(raw);
  if (!parsed.success) {
    const fe = parsed.error.flatten().fieldErrors;
    if (fe.articleId) return fail("not-found", fe.articleId[0] ?? "评论的新闻不存在");
    return fail("invalid", "请检查标出的内容", { nickname: fe.nickname, body: fe.body });
  }
  const input = parsed.data;
  // A filled honeypot gets the same answer as a real submission, so bots learn nothing.
  if (input.website.trim() !== "") return { status: "pending", message: "评论已提交，审核通过后将显示。" };
  const token = checkFormToken(input.token, input.articleId, now, env.APP_SECRET);
  if (token === "too-fast") return fail("too-fast", "提交太快了，请稍等几秒再发表。");
  if (token !== "ok") return fail("expired", "页面已过期，请刷新页面后再发表评论。");

  const db = await getDb();
  const article = await db.article.findUnique({
    where: { id: input.articleId },
    select: { status: true, publishedAt: true },
  });
  if (!article || !isVisible(article, now)) return fail("not-found", "评论的新闻不存在或已下线。");

  const ipHash = addressHash(client.address);
  const ban = await db.ban.findUnique({ where: { ipHash }, select: { until: true } });
  if (ban && ban.until.getTime() > now) return fail("banned", "您暂时无法发表评论。");

  const words = applySensitiveWords(input.body, env.COMMENT_SENSITIVE_WORDS, env.COMMENT_SENSITIVE_MODE);
  if (words.blocked)
    return fail("blocked", "评论包含不适宜发布的内容，请修改后再提交。", { body: ["包含不适宜发布的词语"] });
  const nick = applySensitiveWords(input.nickname, env.COMMENT_SENSITIVE_WORDS, "mask");

  const g = guards();
  const fingerprint = `${input.articleId}:${bodyFingerprint(input.body)}`;
  if (g.recentBodies.get(fingerprint, now)) {
    return fail("duplicate", "请勿重复提交相同的评论。", { body: ["与已有评论重复"] });
  }
  // Claim the body before any await, so that a concurrent identical post is refused above.
  g.recentBodies.set(fingerprint, true, now + DUPLICATE_WINDOW_MS, now);
  const status = env.COMMENTS_AUTO_APPROVE ? "approved" : "pending";
  try {
    const existing = await db.comment.findFirst({
      where: {
        articleId: input.articleId,
        createdAt: { gte: new Date(now - DUPLICATE_WINDOW_MS) },
        body: words.text,
      },
      select: { id: true },
    });
    if (existing) return fail("duplicate", "请勿重复提交相同的评论。", { body: ["与已有评论重复"] });
    if (!g.limiter.take(ipHash, now)) {
      g.recentBodies.delete(fingerprint);
      return fail("rate-limited", "评论太频繁了，请 10 分钟后再试。");
    }
    await db.$transaction(async (tx) => {
      await tx.comment.create({
        data: {
          articleId: input.articleId,
          nickname: nick.text,
          body: words.text,
          status,
          ipHash,
          createdAt: new Date(now),
        },
      });
      // Shown at once: the story's cached pages change on every process.
      if (status === "approved")
        await recordInvalidation(tx, [TAGS.comments(input.articleId)], new Date(now));
    });
  } catch (e) {
    g.recentBodies.delete(fingerprint);
    if (isStorageFull(e)) {
      console.error(`comments: a comment could not be stored: ${describeWriteError(e)}`);
      return fail("unavailable", "服务器存储空间已满，评论没有保存。请稍后再试，您写的内容还在。");
    }
    throw e;
  }
  if (status === "approved") return { status: "approved", message: "评论已发表。" };
  return { status: "pending", message: "评论已提交，审核通过后将显示。" };
}
