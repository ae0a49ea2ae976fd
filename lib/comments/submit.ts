import "server-only";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { isPostgres } from "@/lib/database-url";
import { lockForTransaction } from "@/lib/postgres/locks";
import { recordInvalidation } from "@/lib/cache/invalidate";
import { TAGS } from "@/lib/data/cache-tags";
import { isVisible } from "@/lib/data/visibility";
import { applySensitiveWords, bodyFingerprint, checkFormToken, commentSchema } from "@/lib/comments/policy";
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
export const DUPLICATE_WINDOW_MS = 24 * 3_600_000;
/** Claims older than the longest window are deleted this many at a time by each accepted comment. */
const PRUNE_BATCH = 100;

/** Refuses a submission from inside its transaction, so that its claim is rolled back. */
class Refusal extends Error {
  constructor(readonly code: "duplicate" | "rate-limited") {
    super(code);
  }
}

/** Salted hash of the client address; the only form in which an address is stored. */
export function addressHash(address: string): string {
  return hashClientAddress(address, env.IP_HASH_SALT);
}

/**
 * Validate and store one reader comment. All spam defences run here, on the server: honeypot,
 * minimum fill time (signed form token), ban list, per-address rate limit, duplicate body,
 * sensitive words. New comments wait for moderation unless COMMENTS_AUTO_APPROVE is set.
 *
 * The rate limit (COMMENT_RATE_LIMIT accepted comments per address in RATE_WINDOW_MS) and the
 * duplicate check (the same words on the same story within DUPLICATE_WINDOW_MS) count
 * CommentAttempt rows, written in the comment's own transaction: exact across processes and
 * nodes, and a submission refused for any reason, a full disk included, counts for nothing.
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
    select: { status: true, publishedAt: true, unpublishAt: true },
  });
  if (!article || !isVisible(article, now)) return fail("not-found", "评论的新闻不存在或已下线。");

  const ipHash = addressHash(client.address);
  const ban = await db.ban.findUnique({ where: { ipHash }, select: { until: true } });
  if (ban && ban.until.getTime() > now) return fail("banned", "您暂时无法发表评论。");

  const words = applySensitiveWords(input.body, env.COMMENT_SENSITIVE_WORDS, env.COMMENT_SENSITIVE_MODE);
  if (words.blocked)
    return fail("blocked", "评论包含不适宜发布的内容，请修改后再提交。", { body: ["包含不适宜发布的词语"] });
  const nick = applySensitiveWords(input.nickname, env.COMMENT_SENSITIVE_WORDS, "mask");

  const bodyHash = `${input.articleId}:${bodyFingerprint(input.body)}`;
  const status = env.COMMENTS_AUTO_APPROVE ? "approved" : "pending";
  try {
    await db.$transaction(async (tx) => {
      // The address's and the body's submissions, on every process, pass this point one at a
      // time: on PostgreSQL by these locks; on SQLite because the claim below is the
      // transaction's first statement, a write, which holds the database's write lock until the
      // end, so the reads after it see every other committed claim.
      if (isPostgres(env.DATABASE_URL))
        await lockForTransaction(tx, [`comment-address:${ipHash}`, `comment-body:${bodyHash}`]);
      const claim = await tx.commentAttempt.create({
        data: { ipHash, bodyHash, createdAt: new Date(now) },
        select: { id: true },
      });
      const others = { id: { not: claim.id } };
      // No upper time bound: a claim stamped a little ahead by another node's clock still counts.
      const sameBody = await tx.commentAttempt.findFirst({
        where: { bodyHash, createdAt: { gt: new Date(now - DUPLICATE_WINDOW_MS) }, ...others },
        select: { id: true },
      });
      if (sameBody) throw new Refusal("duplicate");
      // Bounded read: only whether the limit is reached matters.
      const recent = await tx.commentAttempt.findMany({
        where: { ipHash, createdAt: { gt: new Date(now - RATE_WINDOW_MS) }, ...others },
        take: env.COMMENT_RATE_LIMIT,
        select: { id: true },
      });
      if (recent.length >= env.COMMENT_RATE_LIMIT) throw new Refusal("rate-limited");
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
      // Each accepted comment removes up to PRUNE_BATCH claims past both windows, so the table
      // holds about a day of comments. In the transaction: a failure here fails the submission
      // as a whole instead of answering with an error for a stored comment.
      const expired = await tx.commentAttempt.findMany({
        where: { createdAt: { lt: new Date(now - DUPLICATE_WINDOW_MS) } },
        take: PRUNE_BATCH,
        select: { id: true },
      });
      if (expired.length > 0)
        await tx.commentAttempt.deleteMany({ where: { id: { in: expired.map((e) => e.id) } } });
    });
  } catch (e) {
    if (e instanceof Refusal) {
      if (e.code === "duplicate")
        return fail("duplicate", "请勿重复提交相同的评论。", { body: ["与已有评论重复"] });
      return fail("rate-limited", "评论太频繁了，请 10 分钟后再试。");
    }
    if (isStorageFull(e)) {
      console.error(`comments: a comment could not be stored: ${describeWriteError(e)}`);
      return fail("unavailable", "服务器存储空间已满，评论没有保存。请稍后再试，您写的内容还在。");
    }
    throw e;
  }
  if (status === "approved") return { status: "approved", message: "评论已发表。" };
  return { status: "pending", message: "评论已提交，审核通过后将显示。" };
}
