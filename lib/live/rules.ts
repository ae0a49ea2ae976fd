// The 直播 entry form: what it sends, exactly as typed, and its rules. Shared by the server actions,
// the forms and the tests; no server-only code here.
import { z } from "zod";
import { parseId } from "@/lib/http/params";
import { cleanMultiline, lineText, multilineText } from "@/lib/text";

export const LIVE_LIMITS = {
  /** A live entry is a short update: a few sentences read at a glance on a phone. */
  body: 1000,
  quote: 300,
  quoteBy: 40,
} as const;

export interface LiveEntryFormValues {
  body: string;
  quote: string;
  quoteBy: string;
  /** An image id from the picker, or "" for none. */
  imageId: string;
}

export type LiveEntryField = keyof LiveEntryFormValues;

export interface LiveEntryInput {
  body: string;
  quote: string;
  quoteBy: string;
  imageId: number | null;
}

export const LIVE_MESSAGES = {
  bodyEmpty: "请输入直播内容",
  bodyLong: `每条直播最多 ${LIVE_LIMITS.body} 个字`,
  quoteLong: `引语最多 ${LIVE_LIMITS.quote} 个字`,
  quoteByLong: `引语出处最多 ${LIVE_LIMITS.quoteBy} 个字`,
  quoteByAlone: "填写了出处，请同时填写引语",
  image: "请选择列表中的图片",
} as const;

/** The fields of a submitted form, bounded well above the limits so that what was typed comes back. */
export function readLiveEntryForm(formData: FormData): LiveEntryFormValues {
  const text = (name: LiveEntryField, max: number): string => {
    const v = formData.get(name);
    return typeof v === "string" ? v.slice(0, max) : "";
  };
  return {
    body: text("body", LIVE_LIMITS.body * 4),
    quote: text("quote", LIVE_LIMITS.quote * 4),
    quoteBy: text("quoteBy", LIVE_LIMITS.quoteBy * 4),
    imageId: text("imageId", 20),
  };
}

const liveEntrySchema = z
  .object({
    body: multilineText()
      .trim()
      .min(1, { error: LIVE_MESSAGES.bodyEmpty })
      .max(LIVE_LIMITS.body, { error: LIVE_MESSAGES.bodyLong }),
    quote: multilineText().trim().max(LIVE_LIMITS.quote, { error: LIVE_MESSAGES.quoteLong }),
    quoteBy: lineText().trim().max(LIVE_LIMITS.quoteBy, { error: LIVE_MESSAGES.quoteByLong }),
    imageId: z.string().transform((v, ctx) => {
      if (v.trim() === "") return null;
      const id = parseId(v.trim());
      if (id === null) {
        ctx.addIssue({ code: "custom", message: LIVE_MESSAGES.image });
        return z.NEVER;
      }
      return id;
    }),
  })
  .superRefine((v, ctx) => {
    if (v.quoteBy !== "" && v.quote === "") {
      ctx.addIssue({ code: "custom", path: ["quoteBy"], message: LIVE_MESSAGES.quoteByAlone });
    }
  });

export type LiveEntryParse =
  { ok: true; input: LiveEntryInput } | { ok: false; errors: Partial<Record<LiveEntryField, string[]>> };

export function parseLiveEntryForm(values: LiveEntryFormValues): LiveEntryParse {
  const parsed = liveEntrySchema.safeParse(values);
  if (!parsed.success) {
    const { body, quote, quoteBy, imageId } = z.flattenError(parsed.error).fieldErrors;
    return { ok: false, errors: { body, quote, quoteBy, imageId } };
  }
  return { ok: true, input: parsed.data };
}

/** Paragraphs of an entry's plain text (blank lines and single line breaks both separate them). */
export function paragraphs(text: string): string[] {
  return cleanMultiline(text)
    .split("\n")
    .map((p) => p.trim())
    .filter((p) => p !== "");
}
