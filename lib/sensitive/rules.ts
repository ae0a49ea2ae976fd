// The sensitive-word lists' form: words pasted many at a time, and their rules. Shared by the
// server actions, the form and the tests; no server-only code here.
import { z } from "zod";
import { lineText } from "@/lib/text";

export const WORD_KINDS = ["block", "allow"] as const;
export type WordKind = (typeof WORD_KINDS)[number];

export const WORD_KIND_LABELS: Record<WordKind, string> = { block: "敏感词", allow: "白名单" };

export const WORD_LIMITS = {
  /** A listed phrase, not a sentence. */
  word: 30,
  category: 20,
  /** Words one submission may add (a pasted list). */
  perSubmit: 2_000,
} as const;

export const WORD_MESSAGES = {
  kind: "请选择“敏感词”或“白名单”",
  empty: "请至少填写一个词",
  tooMany: `一次最多添加 ${WORD_LIMITS.perSubmit} 个词`,
  tooLong: (w: string) => `“${w.slice(0, 40)}”超过 ${WORD_LIMITS.word} 个字`,
  category: `分类最多 ${WORD_LIMITS.category} 个字`,
} as const;

/**
 * How a word is stored and matched: NFKC (full-width letters and digits become half-width, so
 * ＡＢＣ and ABC are one word) and lower case. Text is matched the same way (lib/sensitive/check.ts).
 */
export function normalizeWord(word: string): string {
  return word.normalize("NFKC").toLowerCase().trim();
}

/** The words of a pasted list: one per line, or separated by commas, 、 or semicolons; each once. */
export function splitWords(text: string): string[] {
  const words = text
    .split(/[\n\r,，、;；]+/)
    .map(normalizeWord)
    .filter((w) => w !== "");
  return [...new Set(words)];
}

export interface WordFormValues {
  kind: string;
  category: string;
  words: string;
}

export type WordField = keyof WordFormValues;

export interface WordInput {
  kind: WordKind;
  category: string;
  words: string[];
}

/** The fields of a submitted form, bounded well above the limits so that what was typed comes back. */
export function readWordForm(formData: FormData): WordFormValues {
  const text = (name: WordField, max: number): string => {
    const v = formData.get(name);
    return typeof v === "string" ? v.slice(0, max) : "";
  };
  return {
    kind: text("kind", 20),
    category: text("category", WORD_LIMITS.category * 4),
    words: text("words", WORD_LIMITS.perSubmit * (WORD_LIMITS.word + 2)),
  };
}

const wordSchema = z.object({
  kind: z.enum(WORD_KINDS, { error: WORD_MESSAGES.kind }),
  category: lineText().trim().max(WORD_LIMITS.category, { error: WORD_MESSAGES.category }),
  words: z
    .string()
    .transform(splitWords)
    .superRefine((words, ctx) => {
      if (words.length === 0) ctx.addIssue({ code: "custom", message: WORD_MESSAGES.empty });
      else if (words.length > WORD_LIMITS.perSubmit)
        ctx.addIssue({ code: "custom", message: WORD_MESSAGES.tooMany });
      const long = words.find((w) => [...w].length > WORD_LIMITS.word);
      if (long) ctx.addIssue({ code: "custom", message: WORD_MESSAGES.tooLong(long) });
    }),
});

export type WordParse =
  { ok: true; input: WordInput } | { ok: false; errors: Partial<Record<WordField, string[]>> };

export function parseWordForm(values: WordFormValues): WordParse {
  const parsed = wordSchema.safeParse(values);
  if (!parsed.success) {
    const { kind, category, words } = z.flattenError(parsed.error).fieldErrors;
    return { ok: false, errors: { kind, category, words } };
  }
  return { ok: true, input: parsed.data };
}
