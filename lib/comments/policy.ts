// Reader comment rules (pure, unit-tested): validation, the form token that enforces a minimum
// time between page load and submit, sensitive words, and the body fingerprint of the duplicate
// check (the rate limit and the duplicate check themselves are in lib/comments/submit.ts).
import { createHmac, createHash, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import { cleanLine, cleanMultiline } from "@/lib/text";

export const NICKNAME_MAX = 20;
export const BODY_MIN = 2;
export const BODY_MAX = 500;
export const DEFAULT_NICKNAME = "网友";
/** A human needs at least this long between opening a story and sending a comment. */
export const MIN_FILL_MS = 3_000;
/** Form tokens expire after a day (the page is reloaded by then). */
export const TOKEN_MAX_AGE_MS = 24 * 3_600_000;

/** Remove control, bidi and invisible characters (lib/text.ts; keeps newlines), at most one blank line, trim. */
export function cleanText(s: string): string {
  return cleanMultiline(s)
    .replace(/\t/g, " ")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

const length = (s: string) => Array.from(s).length;

export const commentSchema = z.object({
  articleId: z.coerce.number().int().positive({ message: "评论的新闻不存在" }),
  nickname: z
    .string()
    .optional()
    .transform((v) =>
      cleanLine(v ?? "")
        .replace(/\s+/g, " ")
        .trim(),
    )
    .refine((v) => length(v) <= NICKNAME_MAX, { message: `昵称最多 ${NICKNAME_MAX} 个字` })
    .transform((v) => v || DEFAULT_NICKNAME),
  body: z
    .string({ message: "请填写评论内容" })
    .transform(cleanText)
    .refine((v) => length(v) >= BODY_MIN, { message: `评论至少 ${BODY_MIN} 个字` })
    .refine((v) => length(v) <= BODY_MAX, { message: `评论最多 ${BODY_MAX} 个字` }),
  /** Honeypot: a field hidden from people; anything in it means a bot filled the form. */
  website: z.string().optional().default(""),
  token: z.string().optional().default(""),
});

export type CommentInput = z.output<typeof commentSchema>;

/** A token binding the article and the time the form was rendered: `<issuedAt>.<hmac>`. */
export function issueFormToken(articleId: number, issuedAt: number, secret: string): string {
  const mac = createHmac("sha256", secret)
    .update(`comment:${articleId}:${issuedAt}`)
    .digest("base64url")
    .slice(0, 24);
  return `${issuedAt}.${mac}`;
}

export type TokenCheck = "ok" | "invalid" | "too-fast" | "expired";

export function checkFormToken(token: string, articleId: number, now: number, secret: string): TokenCheck {
  const m = /^(\d{10,16})\.([A-Za-z0-9_-]{24})$/.exec(token);
  if (!m || !m[1]) return "invalid";
  const issuedAt = Number(m[1]);
  const expected = Buffer.from(issueFormToken(articleId, issuedAt, secret));
  const given = Buffer.from(token);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return "invalid";
  if (now - issuedAt < MIN_FILL_MS) return "too-fast";
  if (now - issuedAt > TOKEN_MAX_AGE_MS) return "expired";
  return "ok";
}

export type SensitiveMode = "block" | "mask";

/** Find configured sensitive words (case-insensitive); `mask` replaces each character with ＊. */
export function applySensitiveWords(
  text: string,
  words: readonly string[],
  mode: SensitiveMode,
): { blocked: boolean; text: string; found: string[] } {
  const found = words.filter((w) => w && text.toLowerCase().includes(w.toLowerCase()));
  if (found.length === 0) return { blocked: false, text, found };
  if (mode === "block") return { blocked: true, text, found };
  let out = text;
  for (const w of [...found].sort((a, b) => b.length - a.length)) {
    const re = new RegExp(w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"), "gi");
    out = out.replace(re, (m) => "＊".repeat(Array.from(m).length));
  }
  return { blocked: false, text: out, found };
}

/** Normalized fingerprint of a body for the duplicate check (spacing and punctuation ignored). */
export function bodyFingerprint(body: string): string {
  const norm = body.toLowerCase().replace(/[\s\p{P}\p{S}]+/gu, "");
  return createHash("sha256").update(norm).digest("base64url").slice(0, 22);
}
