// What changed between two saves of a story, field by field (the 历史版本 comparison). Texts are
// compared character by character, which is what Chinese needs (there are no spaces between
// words to compare by); the body is compared as the text a reader reads, one line per paragraph,
// so markup never shows up as a change. Pure: unit-tested, used by the admin compare page.
import { diffChars, diffLines, type ChangeObject } from "diff";
import { Parser } from "htmlparser2";
import type { ArticleSnapshot } from "@/lib/articles/snapshot";

/** One run of text: unchanged, added in the newer save, or removed from the older one. */
export interface DiffPart {
  text: string;
  change: "same" | "added" | "removed";
}

export type FieldDiff =
  | { field: string; label: string; kind: "text"; parts: DiffPart[] }
  | { field: string; label: string; kind: "value"; before: string; after: string };

/** Names and values a snapshot refers to by id, for showing them. */
export interface SnapshotNames {
  channelName: (id: number) => string;
}

/** Past this many edits within one paragraph, it is shown as replaced whole (a rewrite). */
const MAX_EDIT_LENGTH = 400;

const BLOCK_TAGS = new Set([
  "p",
  "h1",
  "h2",
  "h3",
  "h4",
  "li",
  "blockquote",
  "figcaption",
  "tr",
  "hr",
  "br",
  "pre",
  "table",
  "ul",
  "ol",
  "figure",
]);

/**
 * A body as the lines a reader reads: HTML (the editor's stored form) becomes its text with one
 * line per block and table cells separated by a tab; anything without tags (Markdown) is kept as
 * it is. Lines are trimmed and blank ones dropped.
 */
export function bodyLines(body: string): string {
  if (!/<[a-z][^>]*>/i.test(body)) return tidy(body);
  let out = "";
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (BLOCK_TAGS.has(name)) out += "\n";
        if (name === "td" || name === "th") out += "\t";
        if (name === "img") out += `［图片：${attrs.alt ?? ""}］`;
      },
      ontext(text) {
        out += text;
      },
      onclosetag(name) {
        if (BLOCK_TAGS.has(name)) out += "\n";
      },
    },
    { decodeEntities: true },
  );
  parser.write(body);
  parser.end();
  return tidy(out);
}

function tidy(text: string): string {
  return text
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l !== "")
    .join("\n");
}

function toParts(changes: readonly ChangeObject<string>[]): DiffPart[] {
  return changes.map((c) => ({ text: c.value, change: c.added ? "added" : c.removed ? "removed" : "same" }));
}

/**
 * A character-level comparison of two texts: paragraphs are matched first (fast on long bodies),
 * then each rewritten paragraph is compared character by character with the one it replaced;
 * one rewritten beyond recognition shows as removed and added whole.
 */
export function diffText(before: string, after: string): DiffPart[] {
  const lines = diffLines(before, after);
  const out: DiffPart[] = [];
  for (let i = 0; i < lines.length; i++) {
    const c = lines[i]!;
    const next = lines[i + 1];
    if (c.removed && next?.added) {
      const chars = diffChars(c.value, next.value, { maxEditLength: MAX_EDIT_LENGTH });
      out.push(...toParts(chars ?? [c, next]));
      i++;
    } else {
      out.push(...toParts([c]));
    }
  }
  // Neighbouring runs of the same kind read as one.
  return out.reduce<DiffPart[]>((acc, p) => {
    const last = acc[acc.length - 1];
    if (last && last.change === p.change) last.text += p.text;
    else if (p.text !== "") acc.push({ ...p });
    return acc;
  }, []);
}

function flags(s: ArticleSnapshot): string {
  const on = [s.isHeadline && "头条", s.isRecommended && "推荐", s.isCommunity && "乡里乡亲"].filter(Boolean);
  return on.length ? on.join("、") : "（无）";
}

function leadImage(s: ArticleSnapshot): string {
  if (s.leadImageId === null) return "（无）";
  return `#${s.leadImageId} ${s.leadImageAlt}${s.leadImageCaption ? `｜${s.leadImageCaption}` : ""}${
    s.leadImageCredit ? `（${s.leadImageCredit}）` : ""
  }`;
}

/**
 * The fields that differ between an older and a newer save, in the form's order. Texts come as
 * runs of same/added/removed characters; other fields as before → after values.
 */
export function diffSnapshots(
  older: ArticleSnapshot,
  newer: ArticleSnapshot,
  names: SnapshotNames,
): FieldDiff[] {
  const out: FieldDiff[] = [];
  const value = (field: string, label: string, before: string, after: string) => {
    if (before !== after) out.push({ field, label, kind: "value", before, after });
  };
  const text = (field: string, label: string, before: string, after: string) => {
    if (before !== after) out.push({ field, label, kind: "text", parts: diffText(before, after) });
  };
  value("channel", "频道", names.channelName(older.channelId), names.channelName(newer.channelId));
  text("title", "标题", older.title, newer.title);
  text("summary", "摘要", older.summary, newer.summary);
  text("body", "正文", bodyLines(older.body), bodyLines(newer.body));
  text("source", "来源", older.source, newer.source);
  text("byline", "署名", older.byline, newer.byline);
  value("tags", "标签", older.tags.join("、") || "（无）", newer.tags.join("、") || "（无）");
  value("leadImage", "题图", leadImage(older), leadImage(newer));
  value("flags", "版面位置", flags(older), flags(newer));
  return out;
}
