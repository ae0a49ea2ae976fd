// Pure helpers for site search: reading the query, quoting it for SQLite FTS5 and LIKE, ranking
// the matches, and cutting and highlighting result text. The SQL itself lives in lib/sqlite.ts
// and lib/postgres/search.ts (chosen by lib/search-store.ts).
import { cleanLine } from "@/lib/text";

/** Longest accepted query, in characters (code points). */
export const MAX_QUERY_LENGTH = 100;
/** Words beyond this many are ignored (each one is a condition of the query). */
export const MAX_QUERY_TERMS = 8;
/**
 * The trigram tokenizer indexes 3-character substrings; shorter words are found through the index
 * of single characters and adjacent pairs (gramMatchExpression).
 */
export const MIN_FTS_TERM_LENGTH = 3;

export type SearchQuery =
  | { kind: "empty" }
  | { kind: "too-long"; length: number }
  | {
      kind: "ok";
      /** The normalized query, as shown back to the reader. */
      text: string;
      /** Distinct words, longest first; every one must occur in a result. */
      terms: string[];
    };

function codePointLength(s: string): number {
  return Array.from(s).length;
}

/**
 * Read the `q` search parameter. Full-width spaces separate words like ASCII ones (`\s` covers
 * U+3000). A repeated parameter counts as its first value.
 */
export function parseSearchQuery(raw: string | string[] | undefined): SearchQuery {
  const value = Array.isArray(raw) ? raw[0] : raw;
  if (value === undefined) return { kind: "empty" };
  const text = cleanLine(value.normalize("NFC")).replace(/\s+/g, " ").trim();
  if (text === "") return { kind: "empty" };
  const length = codePointLength(text);
  if (length > MAX_QUERY_LENGTH) return { kind: "too-long", length };
  const seen = new Set<string>();
  const terms: string[] = [];
  for (const word of text.split(" ")) {
    const key = fold(word);
    if (word === "" || seen.has(key)) continue;
    seen.add(key);
    terms.push(word);
    if (terms.length === MAX_QUERY_TERMS) break;
  }
  terms.sort((a, b) => codePointLength(b) - codePointLength(a));
  return { kind: "ok", text, terms };
}

/** Search looks at most at this many matches, the newest: its cost stays bounded on any archive. */
export const SEARCH_MAX_MATCHES = 1_000;

/**
 * Newest visible stories checked one by one before any index is used. A word in more than half of
 * them is common (柳州, 记者, 乡村振兴): its newest SEARCH_MAX_MATCHES + 1 matches are among them,
 * and going through the index would hand over a long list of its matches across the archive.
 */
export const SEARCH_RECENT_WINDOW = 2 * SEARCH_MAX_MATCHES;

export interface ArticleSearchQuery {
  /** Words that must all occur (see parseSearchQuery). */
  terms: readonly string[];
  channelId: number | null;
  /** Stories published after this instant are not found. */
  now: Date;
  /**
   * Stories withdrawn by their unpublish time (lib/data/withdrawn.ts), left out by id: the unpublish
   * time is no part of the indexes search walks. Absent: none.
   */
  withdrawn?: readonly number[];
  limit: number;
  offset: number;
}

export interface ArticleSearchPage {
  ids: number[];
  /** Matches looked at, at most SEARCH_MAX_MATCHES. */
  total: number;
  /** More stories match than were looked at. */
  capped: boolean;
}

/** A matching story as both stores' queries return it (at most SEARCH_MAX_MATCHES + 1, newest first). */
export interface SearchMatch {
  id: number | bigint;
  title: string;
  publishedAt: Date | string;
}

/**
 * One page of the matches, in the order of both stores: stories with more of the terms in their
 * title first, then newest first. One match beyond the cap only says that there are more.
 */
export function rankMatches(matches: readonly SearchMatch[], q: ArticleSearchQuery): ArticleSearchPage {
  const capped = matches.length > SEARCH_MAX_MATCHES;
  const inTitle = (t: string) => q.terms.filter((term) => fold(t).includes(fold(term))).length;
  const ranked = matches
    .slice(0, SEARCH_MAX_MATCHES)
    .map((m) => ({ id: Number(m.id), hits: inTitle(m.title), at: new Date(m.publishedAt).getTime() }))
    .sort((x, y) => y.hits - x.hits || y.at - x.at || y.id - x.id);
  return {
    ids: ranked.slice(q.offset, q.offset + q.limit).map((r) => r.id),
    total: ranked.length,
    capped,
  };
}

/** Words long enough for the trigram index. */
export function isFtsTerm(term: string): boolean {
  return codePointLength(term) >= MIN_FTS_TERM_LENGTH;
}

/**
 * An FTS5 query that matches rows containing every term as a substring. Each term becomes an FTS5
 * string ("…", with `"` doubled), so operators typed by the reader (`NEAR`, `*`, `:`, `^`, `-`,
 * parentheses, `AND`/`OR`/`NOT`) are plain text and can never make the query invalid. Null when
 * no term is long enough for the trigram index.
 */
export function ftsMatchExpression(terms: readonly string[]): string | null {
  const phrases = terms.filter(isFtsTerm).map((t) => `"${t.replaceAll('"', '""')}"`);
  return phrases.length > 0 ? phrases.join(" AND ") : null;
}

/**
 * The gram index's query for words of one or two characters (SQLite: the FTS5 table
 * "ArticleSearchGrams", prisma/migrations/20261130200500_search_bigrams): each word is one token,
 * the hex of its UTF-8 bytes after lower-casing ASCII letters, as the migration's SQL builds the
 * tokens (`hex()` of the `lower()`-ed text; SQLite's lower() and LIKE fold ASCII only). Quoted,
 * like any FTS5 string. Null when every word is long enough for the trigram index.
 */
export function gramMatchExpression(terms: readonly string[]): string | null {
  const tokens = terms.filter((t) => !isFtsTerm(t)).map((t) => `"${gramToken(t)}"`);
  return tokens.length > 0 ? tokens.join(" AND ") : null;
}

/** One word's token in the gram index (see gramMatchExpression). */
export function gramToken(term: string): string {
  const bytes = new TextEncoder().encode(term.replace(/[A-Z]/g, (c) => c.toLowerCase()));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0"))
    .join("")
    .toUpperCase();
}

/** A LIKE pattern matching `term` anywhere, for use with `ESCAPE '\'`. */
export function likeContains(term: string): string {
  return `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * Case folding that keeps every UTF-16 index in place (so matches found in the folded text can be
 * cut from the original): a character is lower-cased only when that does not change its length.
 * SQLite's LIKE and the trigram tokenizer are both case-insensitive.
 */
export function fold(s: string): string {
  let out = "";
  for (const ch of s) {
    const lower = ch.toLowerCase();
    out += lower.length === ch.length ? lower : ch;
  }
  return out;
}

export interface Segment {
  text: string;
  /** True for a part that matched a search term. */
  match: boolean;
}

/**
 * Split `text` into plain and matching segments (matches are case-insensitive, never overlap;
 * at each position the longest term wins). The page renders matches as <mark> elements, so the
 * text is never interpreted as HTML.
 */
export function highlightSegments(text: string, terms: readonly string[]): Segment[] {
  const needles = [...new Set(terms.map(fold).filter((t) => t !== ""))].sort((a, b) => b.length - a.length);
  if (text === "") return [];
  if (needles.length === 0) return [{ text, match: false }];
  const hay = fold(text);
  const segments: Segment[] = [];
  let plainStart = 0;
  let i = 0;
  while (i < hay.length) {
    const needle = needles.find((n) => hay.startsWith(n, i));
    if (needle === undefined) {
      i++;
      continue;
    }
    if (i > plainStart) segments.push({ text: text.slice(plainStart, i), match: false });
    segments.push({ text: text.slice(i, i + needle.length), match: true });
    i += needle.length;
    plainStart = i;
  }
  if (plainStart < text.length) segments.push({ text: text.slice(plainStart), match: false });
  return segments;
}

/** Index (UTF-16) of the first occurrence of any term, case-insensitive; -1 when none occurs. */
export function firstMatchIndex(text: string, terms: readonly string[]): number {
  const hay = fold(text);
  let best = -1;
  for (const t of terms) {
    const at = hay.indexOf(fold(t));
    if (at >= 0 && (best < 0 || at < best)) best = at;
  }
  return best;
}

/**
 * About `max` characters of `text` around the first match of a term (starting a little before
 * it), with "…" where it was cut. Without a match, the start of the text.
 */
export function snippetAround(text: string, terms: readonly string[], max = 110, lead = 24): string {
  const chars = Array.from(text.replace(/\s+/g, " ").trim());
  if (chars.length <= max) return chars.join("");
  const flat = chars.join("");
  const at = firstMatchIndex(flat, terms);
  // Convert the UTF-16 index into a code point index.
  const atChar = at < 0 ? 0 : Array.from(flat.slice(0, at)).length;
  let start = Math.max(0, atChar - lead);
  if (start + max > chars.length) start = Math.max(0, chars.length - max);
  const end = Math.min(chars.length, start + max);
  return `${start > 0 ? "…" : ""}${chars.slice(start, end).join("")}${end < chars.length ? "…" : ""}`;
}

/** The text to show under a result's title: the summary when it matches, else the body around the match. */
export function resultSnippet(
  summary: string,
  bodyText: string,
  terms: readonly string[],
  max = 110,
): string {
  if (summary !== "" && firstMatchIndex(summary, terms) >= 0) return snippetAround(summary, terms, max);
  if (bodyText !== "" && firstMatchIndex(bodyText, terms) >= 0) return snippetAround(bodyText, terms, max);
  return snippetAround(summary !== "" ? summary : bodyText, terms, max);
}
