// Tags as typed in the article form: one line, separated by commas (, or ，), 、 or semicolons.

export const MAX_TAGS = 10;
export const MAX_TAG_LENGTH = 20;

const SEPARATORS = /[,，、;；\n\r]+/;

/** Split, trim, collapse inner spaces, drop empties and repeats (first spelling wins). */
export function parseTags(raw: string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const part of raw.split(SEPARATORS)) {
    const tag = part.replace(/\s+/g, " ").trim();
    if (tag === "" || seen.has(tag)) continue;
    seen.add(tag);
    out.push(tag);
  }
  return out;
}

/** The form's text for a list of tags. */
export function formatTags(tags: readonly string[]): string {
  return tags.join("、");
}
