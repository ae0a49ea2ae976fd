// Pure helpers of the editor's story list (lib/data/admin-articles.ts): its keyset cursor in the
// URL, and the words of a title search with the grams each one needs from the title index
// (SQLite "ArticleTitleGrams", PostgreSQL "Article_title_grams_idx").
import { cleanLine } from "@/lib/text";
import { MAX_QUERY_LENGTH, MAX_QUERY_TERMS, gramToken } from "@/lib/search-text";

/** A place in the list's order (newest change first, then highest id): the story at it. */
export interface AdminListCursor {
  updatedAt: Date;
  id: number;
}

/** `<updatedAt in ms>.<id>`: both exact (times are stored to the millisecond on both stores). */
export function formatAdminCursor(c: AdminListCursor): string {
  return `${c.updatedAt.getTime()}.${c.id}`;
}

/** The `after`/`before` parameter, or null when it is not one formatAdminCursor() writes. */
export function parseAdminCursor(value: string | string[] | undefined): AdminListCursor | null {
  if (typeof value !== "string") return null;
  const m = /^(\d{1,15})\.([1-9]\d{0,9})$/.exec(value);
  if (!m) return null;
  const id = Number(m[2]);
  const ms = Number(m[1]);
  if (id > 2_147_483_647 || ms > 8_640_000_000_000_000) return null;
  return { updatedAt: new Date(ms), id };
}

/**
 * The title search box: words separated by spaces (full-width ones too), every one must occur in
 * the title; repeated words once, at most MAX_QUERY_TERMS, longest first (the rarest, usually).
 */
export function titleSearchTerms(q: string): string[] {
  const text = cleanLine(q.normalize("NFC")).replace(/\s+/g, " ").trim();
  const words = Array.from(text).slice(0, MAX_QUERY_LENGTH).join("").split(" ");
  const seen = new Set<string>();
  const terms: string[] = [];
  for (const w of words) {
    const key = w.toLowerCase();
    if (w === "" || seen.has(key)) continue;
    seen.add(key);
    terms.push(w);
    if (terms.length === MAX_QUERY_TERMS) break;
  }
  return terms.sort((a, b) => Array.from(b).length - Array.from(a).length);
}

/**
 * The grams a title must hold to contain `term`: the word itself when it has one or two
 * characters (then exact), else each pair of adjacent characters (a title holding them all still
 * needs a LIKE recheck).
 */
export function titleGrams(term: string): string[] {
  const chars = Array.from(term);
  if (chars.length <= 2) return [term];
  return [...new Set(chars.slice(1).map((c, i) => `${chars[i] ?? ""}${c}`))];
}

/**
 * What the title index can also narrow by (its `ch…` and `st…` keys): the list's channel, and the
 * stored status every story of its status filter has (none for 草稿, which is "neither published
 * nor unpublished"). Only ever a superset: the list applies its full filter afterwards.
 */
export interface TitleNarrowing {
  channelId: number | null;
  storedStatus: string | null;
}

/** The hex of a text's UTF-8 bytes, upper case (SQLite's hex()). */
function hex(text: string): string {
  return Buffer.from(text, "utf8").toString("hex").toUpperCase();
}

/** An FTS5 query of "ArticleTitleGrams": titles holding every term's grams, narrowed (tokens quoted). */
export function titleGramMatchExpression(terms: readonly string[], narrow: TitleNarrowing): string {
  const tokens = new Set(terms.flatMap((t) => titleGrams(t).map(gramToken)));
  if (narrow.channelId !== null) tokens.add(`ch${narrow.channelId}`);
  if (narrow.storedStatus !== null) tokens.add(`st${hex(narrow.storedStatus)}`);
  return [...tokens].map((t) => `"${t}"`).join(" AND ");
}

/** The PostgreSQL index's keys for the narrowing (prisma/postgresql/migrations/20261201120000_admin_list). */
export function titleNarrowingKeys(narrow: TitleNarrowing): string[] {
  return [
    ...(narrow.channelId !== null ? [`ch${narrow.channelId}`] : []),
    ...(narrow.storedStatus !== null ? [`st${narrow.storedStatus}`] : []),
  ];
}

/** True when the grams alone decide the match (every term has one or two characters). */
export function titleGramsExact(terms: readonly string[]): boolean {
  return terms.every((t) => Array.from(t).length <= 2);
}
