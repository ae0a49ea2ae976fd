// The sensitive-word lists' writes and the read every check uses, as functions of (db, …),
// tested without a request. Lists are editorial settings, not reader content: nothing cached
// depends on them, and a check reads them fresh (a few thousand short rows).
import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { EDITORIAL_AUDIT } from "@/lib/articles/audit-actions";
import { canManageSensitiveWords, type Actor } from "@/lib/articles/permissions";
import { makeChecker, type ListedWord, type SensitiveChecker } from "@/lib/sensitive/check";
import type { WordInput, WordKind } from "@/lib/sensitive/rules";

export type WordsResult =
  { ok: true; added: number; existing: string[]; removed?: number } | { ok: false; message: string };

export const WORDS_SERVICE_MESSAGES = {
  forbidden: "只有管理员可以维护敏感词表",
} as const;

/** SQLite binds at most 32,766 parameters a statement; lists are looked up in slices. */
const SLICE = 500;

/** Add a pasted list; words already listed (in either list) are named and left as they are. */
export async function addWords(
  db: PrismaClient,
  actor: Actor,
  input: WordInput,
  now: Date,
): Promise<WordsResult> {
  if (!canManageSensitiveWords(actor)) return { ok: false, message: WORDS_SERVICE_MESSAGES.forbidden };
  return db.$transaction(async (tx): Promise<WordsResult> => {
    const existing = new Set<string>();
    for (let i = 0; i < input.words.length; i += SLICE) {
      const rows = await tx.sensitiveWord.findMany({
        where: { word: { in: input.words.slice(i, i + SLICE) } },
        select: { word: true },
      });
      for (const r of rows) existing.add(r.word);
    }
    const fresh = input.words.filter((w) => !existing.has(w));
    if (fresh.length > 0) {
      await tx.sensitiveWord.createMany({
        data: fresh.map((word) => ({ word, kind: input.kind, category: input.category, createdAt: now })),
      });
      await tx.auditLog.create({
        data: {
          userId: actor.id,
          action: EDITORIAL_AUDIT.sensitiveWordsAdded,
          detail: JSON.stringify({
            kind: input.kind,
            category: input.category,
            count: fresh.length,
            words: fresh.slice(0, 50),
          }),
          createdAt: now,
        },
      });
    }
    return { ok: true, added: fresh.length, existing: [...existing] };
  });
}

/** Delete listed words by id. */
export async function removeWords(
  db: PrismaClient,
  actor: Actor,
  ids: readonly number[],
  now: Date,
): Promise<WordsResult> {
  if (!canManageSensitiveWords(actor)) return { ok: false, message: WORDS_SERVICE_MESSAGES.forbidden };
  return db.$transaction(async (tx): Promise<WordsResult> => {
    const rows = await tx.sensitiveWord.findMany({
      where: { id: { in: [...ids] } },
      select: { word: true, kind: true },
    });
    if (rows.length === 0) return { ok: true, added: 0, existing: [], removed: 0 };
    await tx.sensitiveWord.deleteMany({ where: { id: { in: [...ids] } } });
    await tx.auditLog.create({
      data: {
        userId: actor.id,
        action: EDITORIAL_AUDIT.sensitiveWordsRemoved,
        detail: JSON.stringify({ count: rows.length, words: rows.slice(0, 50) }),
        createdAt: now,
      },
    });
    return { ok: true, added: 0, existing: [], removed: rows.length };
  });
}

/** A checker over the lists as they are now. */
export async function loadChecker(db: PrismaClient): Promise<SensitiveChecker> {
  const rows = await db.sensitiveWord.findMany({ select: { word: true, kind: true, category: true } });
  const words: ListedWord[] = rows.map((r) => ({
    word: r.word,
    kind: (r.kind === "allow" ? "allow" : "block") satisfies WordKind,
    category: r.category,
  }));
  return makeChecker(words);
}
