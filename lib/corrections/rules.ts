// The 更正 / 更新说明 form: what it sends, exactly as typed, and its rules. Shared by the server
// actions, the form and the tests; no server-only code here.
import { z } from "zod";
import { multilineText } from "@/lib/text";

export const CORRECTION_KINDS = ["correction", "update"] as const;
export type CorrectionKind = (typeof CORRECTION_KINDS)[number];

/** How each kind is named to readers and editors. */
export const CORRECTION_LABELS: Record<CorrectionKind, string> = {
  correction: "更正",
  update: "更新说明",
};

export const CORRECTION_LIMITS = {
  /** A note says what was wrong and what is right: a few sentences. */
  text: 500,
} as const;

export interface CorrectionFormValues {
  kind: string;
  text: string;
}

export type CorrectionField = keyof CorrectionFormValues;

export interface CorrectionInput {
  kind: CorrectionKind;
  text: string;
}

export const CORRECTION_MESSAGES = {
  kind: "请选择“更正”或“更新说明”",
  textEmpty: "请写明更正或更新的内容",
  textLong: `最多 ${CORRECTION_LIMITS.text} 个字`,
} as const;

/** The fields of a submitted form, bounded well above the limits so that what was typed comes back. */
export function readCorrectionForm(formData: FormData): CorrectionFormValues {
  const text = (name: CorrectionField, max: number): string => {
    const v = formData.get(name);
    return typeof v === "string" ? v.slice(0, max) : "";
  };
  return { kind: text("kind", 20), text: text("text", CORRECTION_LIMITS.text * 4) };
}

const correctionSchema = z.object({
  kind: z.enum(CORRECTION_KINDS, { error: CORRECTION_MESSAGES.kind }),
  text: multilineText()
    .trim()
    .min(1, { error: CORRECTION_MESSAGES.textEmpty })
    .max(CORRECTION_LIMITS.text, { error: CORRECTION_MESSAGES.textLong }),
});

export type CorrectionParse =
  { ok: true; input: CorrectionInput } | { ok: false; errors: Partial<Record<CorrectionField, string[]>> };

export function parseCorrectionForm(values: CorrectionFormValues): CorrectionParse {
  const parsed = correctionSchema.safeParse(values);
  if (!parsed.success) {
    const { kind, text } = z.flattenError(parsed.error).fieldErrors;
    return { ok: false, errors: { kind, text } };
  }
  return { ok: true, input: parsed.data };
}

/** A stored kind as a known one (a row written by a newer version reads as a correction). */
export function correctionKind(value: string): CorrectionKind {
  return value === "update" ? "update" : "correction";
}
