// What a gallery upload did, carried in the address of the page the upload form returns to
// (POST → 303 → GET), so that the form works without JavaScript and a reload repeats nothing.
import { z } from "zod";

export interface UploadOutcome {
  added: number;
  /** Images already in the gallery (the same bytes uploaded again). */
  duplicates: number;
  /** Files not stored, each with the reason (the lead image's checks). */
  refused: { name: string; message: string }[];
  /** The whole upload was refused (no file, too many, gallery full…). */
  error?: string;
}

const outcomeSchema = z.object({
  added: z.number().int().min(0).max(1000),
  duplicates: z.number().int().min(0).max(1000),
  refused: z.array(z.object({ name: z.string().max(200), message: z.string().max(200) })).max(20),
  error: z.string().max(200).optional(),
});

/** The outcome as one query parameter value (base64url JSON, names shortened). */
export function encodeOutcome(outcome: UploadOutcome): string {
  const short: UploadOutcome = {
    ...outcome,
    refused: outcome.refused
      .slice(0, 20)
      .map((r) => ({ name: r.name.slice(0, 200), message: r.message.slice(0, 200) })),
  };
  return Buffer.from(JSON.stringify(short), "utf8").toString("base64url");
}

/** The outcome in a query parameter, or null when it is missing or not one of ours. */
export function decodeOutcome(value: string | string[] | undefined): UploadOutcome | null {
  if (typeof value !== "string" || value.length > 8000) return null;
  try {
    const parsed = outcomeSchema.safeParse(JSON.parse(Buffer.from(value, "base64url").toString("utf8")));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
