// Article bodies: Markdown rendered by markdown-it, then sanitized by sanitize-html with an
// allow-list. Raw HTML in the source is escaped by markdown-it (html: false) and anything that
// survives is filtered again, so scripts, event handlers, javascript: URLs and iframes are inert.
// A reader's page loads images from the site only (another site would learn every reader's
// address): the article form refuses off-site images (lib/body/normalize.ts), and one that reaches
// rendering anyway (a restored revision, an import, a body stored before) becomes a link to it.
import MarkdownIt from "markdown-it";
import cjkFriendly from "markdown-it-cjk-friendly";
import sanitizeHtml from "sanitize-html";
import { offSiteHttpUrl } from "@/lib/body/schema";

// cjk-friendly: CommonMark will not close `**` between full-width punctuation and a CJK letter,
// so `**产业升级：**正文` would print its asterisks; the plugin relaxes that rule for CJK text.
const md = new MarkdownIt({ html: false, linkify: true, typographer: false, breaks: false }).use(cjkFriendly);

// An image from another site is written as a link to it (sanitizeArticleHtml does the same for
// stored HTML); inside a link, as its alt text only, so that links never nest.
const renderImage = md.renderer.rules.image;
md.renderer.rules.image = (tokens, idx, options, env, self) => {
  const token = tokens[idx];
  const href = token ? offSiteHttpUrl(String(token.attrGet("src") ?? "")) : null;
  if (!token || !href) return renderImage ? renderImage(tokens, idx, options, env, self) : "";
  const text = md.utils.escapeHtml(self.renderInlineAsText(token.children ?? [], options, env) || href);
  let depth = 0;
  for (const t of tokens.slice(0, idx))
    depth += t.type === "link_open" ? 1 : t.type === "link_close" ? -1 : 0;
  return depth > 0 ? text : `<a href="${md.utils.escapeHtml(href)}">${text}</a>`;
};

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
    // srcset, sizes, decoding: body images rendered by lib/body/render.ts (derivatives of uploads).
    img: ["src", "srcset", "sizes", "alt", "title", "width", "height", "loading", "decoding"],
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
    img: (tagName, attribs): sanitizeHtml.Tag => {
      // An image from another site becomes a link to it: nothing is fetched until a reader asks.
      // Other schemes (data:) stay images here and lose their src to allowedSchemesByTag.
      const href = offSiteHttpUrl(attribs.src ?? "");
      if (href) {
        return {
          tagName: "a",
          attribs: { href, rel: "nofollow noopener noreferrer", target: "_blank" },
          text: attribs.alt?.trim() || href,
        };
      }
      return { tagName, attribs: { ...attribs, loading: "lazy" } };
    },
  },
};

/** Markdown source → sanitized HTML, safe to inject into a reader page. */
export function renderMarkdown(source: string): string {
  return sanitizeHtml(md.render(source), ALLOWED);
}

/**
 * Sanitize HTML with the same allow-list: HTML from any other origin, and stored bodies when read
 * (lib/data/articles.ts), so that a body saved before off-site images were refused loads none.
 */
export function sanitizeArticleHtml(html: string): string {
  return sanitizeHtml(html, ALLOWED);
}

/**
 * A stored body as readers get it: bodies rendered before off-site images were refused may hold
 * an <img> from another site, which sanitizeArticleHtml turns into a link (sanitizing again is
 * idempotent). Bodies without an image, nearly all, are returned as they are.
 */
export function readerBodyHtml(stored: string): string {
  return /<img\b/i.test(stored) ? sanitizeArticleHtml(stored) : stored;
}
