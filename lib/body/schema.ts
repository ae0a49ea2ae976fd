// The stored form of a story's body (Article.body, revision snapshots): HTML of a fixed schema.
// Blocks: p, h2, h3, blockquote (of p and lists), ul/ol(start) of li, table (thead/tbody/tr/th/td
// with colspan/rowspan), figure (img src alt width height, optional figcaption), hr. Inline:
// strong, em, s, a(href), br, sub, sup, code. No class, style or id anywhere; image sources are
// site paths only. normalizeBody (./normalize.ts) is the one gate every body passes on its way in.

export const BLOCK_TAGS = new Set(["p", "h2", "h3", "blockquote", "ul", "ol", "table", "figure", "hr"]);
export const INLINE_TAGS = new Set(["strong", "em", "s", "a", "br", "sub", "sup", "code"]);

/** Every element of the stored form: the blocks, what they hold (items, rows, cells, captions), inline. */
export const BODY_TAGS: readonly string[] = [
  ...BLOCK_TAGS,
  "li",
  "thead",
  "tbody",
  "tr",
  "th",
  "td",
  "figcaption",
  "img",
  ...INLINE_TAGS,
];

/** Any URL resolved against this base that keeps its origin is a path on the site itself. */
const SITE_BASE = "http://site.invalid/a/";

/** Whether an image address stays on the site (a path such as `/media/…`, never `//host` or a scheme). */
export function isSitePath(src: string): boolean {
  try {
    return new URL(src, SITE_BASE).origin === new URL(SITE_BASE).origin;
  } catch {
    return false;
  }
}

/** The absolute http(s) address an off-site source points to (`//host/x`, `/\\host/x` too), else null. */
export function offSiteHttpUrl(src: string): string | null {
  if (isSitePath(src)) return null;
  try {
    const url = new URL(src, SITE_BASE);
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
  } catch {
    return null;
  }
}
