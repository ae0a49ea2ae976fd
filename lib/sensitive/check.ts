// The sensitive-word check (pure): every listed word found in a story's texts, with the field,
// its position and the words around it, except where an allowlisted phrase covers the hit.
// Matching is Aho–Corasick (modern-ahocorasick) over NFKC-normalized, case-folded text, so
// full-width letters and digits and capitals do not hide a word; positions are in the text as
// written.
import TextMatcher from "modern-ahocorasick/text";
import type { WordKind } from "@/lib/sensitive/rules";

export interface ListedWord {
  word: string;
  kind: WordKind;
  category: string;
}

export interface CheckedText {
  /** e.g. "title", "body", "caption" */
  field: string;
  /** How the field is named to editors: 标题, 正文, 题图说明… */
  label: string;
  text: string;
}

export interface SensitiveHit {
  field: string;
  label: string;
  word: string;
  category: string;
  /** 1-based character position in the field's text. */
  position: number;
  /** The hit as written, with up to CONTEXT characters either side. */
  before: string;
  match: string;
  after: string;
}

const CONTEXT = 12;

export interface SensitiveChecker {
  check(texts: readonly CheckedText[]): SensitiveHit[];
}

/** A checker over the lists (build once per check run; the lists are read fresh each time). */
export function makeChecker(words: readonly ListedWord[]): SensitiveChecker {
  const options = { normalization: "NFKC", caseFold: true } as const;
  const blocked = words.filter((w) => w.kind === "block");
  const allowed = words.filter((w) => w.kind === "allow");
  const blockMatcher = new TextMatcher(
    blocked.map((w) => ({ pattern: w.word, data: w.category })),
    options,
  );
  const allowMatcher = new TextMatcher(
    allowed.map((w) => ({ pattern: w.word })),
    options,
  );
  return {
    check(texts) {
      if (blocked.length === 0) return [];
      return texts.flatMap((t) => {
        if (t.text === "") return [];
        const safe = allowed.length ? allowMatcher.search(t.text) : [];
        return blockMatcher
          .search(t.text)
          .filter((m) => !safe.some((s) => s.start <= m.start && m.end <= s.end))
          .sort((a, b) => a.start - b.start || b.end - a.end)
          .map((m) => ({
            field: t.field,
            label: t.label,
            word: m.pattern,
            category: m.data ?? "",
            position: [...t.text.slice(0, m.start)].length + 1,
            before: [...t.text.slice(0, m.start)].slice(-CONTEXT).join(""),
            match: t.text.slice(m.start, m.end),
            after: [...t.text.slice(m.end)].slice(0, CONTEXT).join(""),
          }));
      });
    },
  };
}

/** What readers see of a story, field by field, as the check reads it (title to captions). */
export function storyTexts(t: {
  title: string;
  summary: string;
  bodyText: string;
  alt: string;
  caption: string;
}): CheckedText[] {
  return [
    { field: "title", label: "标题", text: t.title },
    { field: "summary", label: "摘要", text: t.summary },
    { field: "body", label: "正文", text: t.bodyText },
    { field: "leadImageAlt", label: "题图替代文字", text: t.alt },
    { field: "leadImageCaption", label: "题图说明", text: t.caption },
  ];
}
