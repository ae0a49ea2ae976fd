// Plain-text helpers shared by rendering, excerpts and search.

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
