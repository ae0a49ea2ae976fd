// Article bodies: Markdown rendered by markdown-it, then sanitized by sanitize-html with an
// allow-list. Raw HTML in the source is escaped by markdown-it (html: false) and anything that
// survives is filtered again, so scripts, event handlers, javascript: URLs and iframes are inert.
import MarkdownIt from "markdown-it";
import cjkFriendly from "markdown-it-cjk-friendly";
import sanitizeHtml from "sanitize-html";

// cjk-friendly: CommonMark will not close `**` between full-width punctuation and a CJK letter,
// so `**产业升级：**正文` would print its asterisks; the plugin relaxes that rule for CJK text.
const md = new MarkdownIt({ html: false, linkify: true, typographer: false, breaks: false }).use(cjkFriendly);

const ALLOWED: sanitizeHtml.IOptions = {
  allowedTags: [
    "p",
    "br",
    "strong",
    "em",
    "b",
    "i",
    "u",
    "s",
    "del",
    "blockquote",
    "ul",
    "ol",
    "li",
    "h2",
    "h3",
    "h4",
    "a",
    "img",
    "figure",
    "figcaption",
    "hr",
    "code",
    "pre",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "sup",
    "sub",
  ],
  allowedAttributes: {
    a: ["href", "title", "rel", "target"],
    img: ["src", "alt", "title", "width", "height", "loading"],
    th: ["align"],
    td: ["align"],
    ol: ["start"],
  },
  allowedSchemes: ["http", "https", "mailto"],
  allowedSchemesByTag: { img: ["http", "https"] },
  allowProtocolRelative: false,
  transformTags: {
    // Headings in a body sit under the page's h1.
    h1: "h2",
    a: (tagName, attribs) => {
      const href = attribs.href ?? "";
      const external = /^https?:\/\//i.test(href);
      return {
        tagName,
        attribs: external ? { ...attribs, rel: "nofollow noopener noreferrer", target: "_blank" } : attribs,
      };
    },
    img: (tagName, attribs) => ({ tagName, attribs: { ...attribs, loading: "lazy" } }),
  },
};

/** Markdown source → sanitized HTML, safe to inject into a reader page. */
export function renderMarkdown(source: string): string {
  return sanitizeHtml(md.render(source), ALLOWED);
}

/** Sanitize HTML from any other origin with the same allow-list. */
export function sanitizeArticleHtml(html: string): string {
  return sanitizeHtml(html, ALLOWED);
}
