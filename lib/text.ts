// Plain-text helpers shared by rendering, excerpts and search.
import { z } from "zod";

/** Collapse whitespace, trim. */
export function squish(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

/**
 * An excerpt of at most `max` characters (code points, so Chinese and emoji count as one),
 * cut at a sentence or clause end when one falls after `min`, and ending in "…" when shortened.
 */
export function excerpt(text: string, max = 110, min = 60): string {
  const chars = Array.from(squish(text));
  if (chars.length <= max) return chars.join("");
  const head = chars.slice(0, max - 1);
  const breakAt = ["。", "！", "？", "；", "，", "、", ".", ",", " "];
  for (let i = head.length - 1; i >= min; i--) {
    const ch = head[i];
    if (ch !== undefined && breakAt.includes(ch)) {
      return head.slice(0, i).join("") + "…";
    }
  }
  return head.join("") + "…";
}

/** Strip Markdown syntax to readable text (for excerpts, search and similarity). */
export function markdownToText(markdown: string): string {
  return squish(
    markdown
      .replace(/```[\s\S]*?```/g, " ")
      .replace(/!\[[^\]]*\]\([^)]*\)/g, " ")
      .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
      .replace(/<[^>]*>/g, " ")
      .replace(/^\s{0,3}(#{1,6}|>|[-*+]|\d+\.)\s+/gm, "")
      .replace(/[*_~`]+/g, ""),
  );
}

// --- Cleaning text at the input boundary. Every text field a person or a client submits passes
// through one of these two (article form, image texts, comments, channels, accounts, search), so
// that nothing invisible is stored and served: C0 controls (NUL breaks XML and HTML), DEL and C1
// controls, bidirectional controls (they can reorder what a moderator or reader sees), invisible
// format characters, noncharacters and unpaired surrogates (replaced by U+FFFD).
// Kept: letters of every script, emoji and their joiners (ZWJ U+200D, ZWNJ U+200C, variation
// selectors), and in multi-line text tab and newline.

/**
 * C0 except tab/newline/carriage return, DEL, C1; bidi embeddings, overrides and isolates
 * (U+202A–U+202E, U+2066–U+2069) and marks (U+200E LRM, U+200F RLM, U+061C ALM); zero-width
 * space U+200B, word joiner and invisible operators U+2060–U+2064, deprecated format characters
 * U+206A–U+206F, BOM U+FEFF; interlinear annotation controls U+FFF9–U+FFFB; noncharacters
 * U+FFFE/U+FFFF.
 */
const INVISIBLE =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u061C\u200B\u200E\u200F\u202A-\u202E\u2060-\u2064\u2066-\u206F\uFEFF\uFFF9-\uFFFB\uFFFE\uFFFF]/g;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Multi-line text (article body, summary, comment body): keeps tab and newline, \r\n → \n. */
export function cleanMultiline(text: string): string {
  return text
    .replace(LONE_SURROGATE, "\uFFFD")
    .replace(/\r\n?|[\u2028\u2029]/g, "\n")
    .replace(INVISIBLE, "");
}

/** One-line text (titles, names, alt text, queries): tabs and line breaks become spaces. */
export function cleanLine(text: string): string {
  return cleanMultiline(text).replace(/[\t\n]/g, " ");
}

/** zod strings cleaned first, then checked (`.trim().max()` etc. chain as on z.string()). */
export const lineText = (params?: Parameters<typeof z.string>[0]) => z.string(params).overwrite(cleanLine);
export const multilineText = (params?: Parameters<typeof z.string>[0]) =>
  z.string(params).overwrite(cleanMultiline);
