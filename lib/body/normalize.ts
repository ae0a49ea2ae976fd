// normalizeBody: the one gate every body passes on its way into the store (a save, a restored
// revision, the Markdown migration, an import). sanitize-html first drops every tag and attribute
// outside the schema (./schema.ts) and every unsafe URL; a walk over the result then fixes the
// structure (text outside a block becomes a paragraph, an image becomes a <figure>, a code block
// a paragraph of code, list items and table cells holding one lone paragraph, as the editor
// writes them, hold its text directly). Whitespace between blocks is kept as it came, so a
// converted Markdown body renders to the same bytes as before. Idempotent.
import sanitizeHtml from "sanitize-html";
import { DomUtils, parseDocument } from "htmlparser2";
import { BODY_TAGS, offSiteHttpUrl, isSitePath } from "@/lib/body/schema";

type Node = ReturnType<typeof parseDocument>["children"][number];
type Element = Extract<Node, { name: string; attribs: Record<string, string> }>;

const SANITIZE: sanitizeHtml.IOptions = {
  // The stored form, plus <pre>, which becomes paragraphs of code (codeBlock below).
  allowedTags: [...BODY_TAGS, "pre"],
  allowedAttributes: {
    a: ["href"],
    img: ["src", "alt", "width", "height"],
    ol: ["start"],
    th: ["colspan", "rowspan"],
    td: ["colspan", "rowspan"],
  },
  allowedSchemes: ["http", "https", "mailto"],
  // Images: site paths only (no scheme at all); an off-site one became a link in transformTags.
  allowedSchemesByTag: { img: [] },
  allowProtocolRelative: false,
  transformTags: {
    // Headings in a body sit under the page's h1; the schema has two levels.
    h1: "h2",
    h4: "h3",
    h5: "h3",
    h6: "h3",
    b: "strong",
    i: "em",
    del: "s",
    strike: "s",
    img: (tagName, attribs): sanitizeHtml.Tag => {
      // An image from another site is never stored: it becomes a link to it, as the Markdown
      // renderer always did (a save refuses such bodies first, lib/articles/form.ts).
      const href = offSiteHttpUrl(attribs.src ?? "");
      if (href) return { tagName: "a", attribs: { href }, text: attribs.alt?.trim() || href };
      return { tagName, attribs };
    },
  },
};

const INLINE = new Set(["strong", "em", "s", "a", "sub", "sup", "code"]);

function escapeText(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

function escapeAttr(value: string): string {
  return value.replace(/&/g, "&amp;").replace(/"/g, "&quot;");
}

const isElement = (n: Node): n is Element => DomUtils.isTag(n);
const isBlank = (n: Node): boolean => DomUtils.isText(n) && n.data.trim() === "";

/** A positive integer attribute (image size, colspan), else null. */
function count(value: string | undefined): number | null {
  return value !== undefined && /^[1-9]\d{0,5}$/.test(value.trim()) ? Number(value.trim()) : null;
}

function imageTag(img: Element): string | null {
  const src = img.attribs.src ?? "";
  // A path from the site's root (/media/…): never another site, nor a path relative to the page.
  if (!src.startsWith("/") || !isSitePath(src)) return null;
  let out = `<img src="${escapeAttr(src)}" alt="${escapeAttr(img.attribs.alt ?? "")}"`;
  const width = count(img.attribs.width);
  const height = count(img.attribs.height);
  if (width && height) out += ` width="${width}" height="${height}"`;
  return out + ">";
}

/**
 * Inline content: text and inline marks. An image inside a run of text has no place in the
 * schema and is kept as its alt text (callers that can hold a figure take images out first).
 */
function inline(nodes: readonly Node[], inLink = false): string {
  let out = "";
  for (const n of nodes) {
    if (DomUtils.isText(n)) out += escapeText(n.data);
    else if (!isElement(n)) continue;
    else if (n.name === "br") out += "<br>";
    else if (n.name === "img") out += escapeText(n.attribs.alt ?? "");
    else if (n.name === "a") {
      const inner = inline(n.children, true);
      const href = n.attribs.href;
      // Links never nest; a link without an address keeps its text.
      out += inLink || !href || inner === "" ? inner : `<a href="${escapeAttr(href)}">${inner}</a>`;
    } else if (INLINE.has(n.name)) {
      const inner = inline(n.children, inLink);
      out += inner === "" ? "" : `<${n.name}>${inner}</${n.name}>`;
    } else out += inline(n.children, inLink);
  }
  return out;
}

function figure(img: Element, caption: string): string {
  const tag = imageTag(img);
  if (!tag) return caption === "" ? "" : `<p>${caption}</p>`;
  return `<figure>${tag}${caption === "" ? "" : `<figcaption>${caption}</figcaption>`}</figure>`;
}

/** A paragraph's content, split around its images (each becomes a figure of its own). */
function paragraph(nodes: readonly Node[]): string {
  let out = "";
  let run: Node[] = [];
  const flush = () => {
    const text = inline(run);
    if (text.trim() !== "") out += `<p>${text}</p>`;
    run = [];
  };
  for (const n of nodes) {
    if (isElement(n) && n.name === "img" && imageTag(n)) {
      flush();
      out += figure(n, "");
    } else run.push(n);
  }
  flush();
  return out;
}

function codeBlock(pre: Element): string {
  const text = DomUtils.textContent(pre).replace(/\n$/, "");
  if (text.trim() === "") return "";
  return `<p><code>${text.split("\n").map(escapeText).join("<br>")}</code></p>`;
}

type Context = "top" | "quote" | "item" | "cell";

/** The blocks each container may hold; anything else is turned into the nearest allowed block. */
const ALLOWED_IN: Record<Context, Set<string>> = {
  top: new Set(["p", "h2", "h3", "blockquote", "ul", "ol", "table", "figure", "hr"]),
  quote: new Set(["p", "ul", "ol", "figure"]),
  item: new Set(["p", "ul", "ol"]),
  cell: new Set(["p"]),
};

function block(n: Element, context: Context): string {
  const allowed = ALLOWED_IN[context];
  switch (n.name) {
    case "p":
      return paragraph(n.children);
    case "h2":
    case "h3": {
      const text = inline(n.children);
      if (text.trim() === "") return "";
      return allowed.has(n.name) ? `<${n.name}>${text}</${n.name}>` : `<p>${text}</p>`;
    }
    case "pre":
      return codeBlock(n);
    case "hr":
      return allowed.has("hr") ? "<hr>" : "";
    case "img":
      return allowed.has("figure") ? figure(n, "") : "";
    case "figure": {
      const img = DomUtils.findOne((e) => e.name === "img", n.children, true);
      const cap = DomUtils.findOne((e) => e.name === "figcaption", n.children, true);
      const caption = cap ? inline(cap.children).trim() : "";
      if (img && allowed.has("figure")) return figure(img, caption);
      // No image left (an off-site one became a link): what the figure held, as paragraphs.
      const rest = paragraph(n.children.filter((c) => c !== cap));
      return rest + (caption === "" ? "" : `<p>${caption}</p>`);
    }
    case "blockquote": {
      const inner = flow(n.children, "quote");
      if (inner.trim() === "") return "";
      return allowed.has("blockquote") ? `<blockquote>${inner}</blockquote>` : inner;
    }
    case "ul":
    case "ol":
      return allowed.has(n.name) ? list(n) : flow(n.children, context);
    case "table":
      return allowed.has("table") ? table(n) : flow(n.children, context);
    default:
      // A list item or cell out of place, a caption without its figure: its content, as blocks.
      return flow(n.children, context);
  }
}

/**
 * Block content of a container. Runs of text and inline marks between blocks become paragraphs,
 * except in list items, where Markdown's tight lists put text straight into the <li>.
 */
function flow(nodes: readonly Node[], context: Context): string {
  let out = "";
  let run: Node[] = [];
  const flush = () => {
    if (run.every(isBlank)) out += run.map((n) => (DomUtils.isText(n) ? n.data : "")).join("");
    else if (context === "item") out += inline(run);
    else out += paragraph(run);
    run = [];
  };
  for (const n of nodes) {
    if (isElement(n) && (ALLOWED_IN.top.has(n.name) || ["li", "pre", "figcaption"].includes(n.name))) {
      flush();
      out += block(n, context);
    } else if (isElement(n) && ["thead", "tbody", "tr", "th", "td"].includes(n.name)) {
      flush();
      out += flow(n.children, context);
    } else run.push(n);
  }
  flush();
  return out;
}

/** The one paragraph an element holds and nothing else (how the editor writes items and cells). */
function loneParagraph(n: Element): Element | null {
  const [only, ...rest] = n.children;
  return only && rest.length === 0 && isElement(only) && only.name === "p" ? only : null;
}

function list(n: Element): string {
  const start = n.name === "ol" ? count(n.attribs.start) : null;
  let out = start !== null && start !== 1 ? `<ol start="${start}">` : `<${n.name}>`;
  for (const c of n.children) {
    if (isBlank(c)) out += (c as { data: string }).data;
    else if (isElement(c) && c.name === "li") {
      const lone = loneParagraph(c);
      out += `<li>${lone ? inline(lone.children) : flow(c.children, "item")}</li>`;
    } else if (isElement(c) || DomUtils.isText(c)) out += `<li>${flow([c], "item")}</li>`;
  }
  return `${out}</${n.name}>`;
}

function cell(c: Element): string {
  const colspan = count(c.attribs.colspan);
  const rowspan = count(c.attribs.rowspan);
  let open = `<${c.name}`;
  if (colspan && colspan > 1) open += ` colspan="${colspan}"`;
  if (rowspan && rowspan > 1) open += ` rowspan="${rowspan}"`;
  const lone = loneParagraph(c);
  const hasBlocks = c.children.some((k) => isElement(k) && k.name === "p");
  const inner = lone ? inline(lone.children) : hasBlocks ? flow(c.children, "cell") : inline(c.children);
  return `${open}>${inner}</${c.name}>`;
}

function row(tr: Element): string {
  let out = "<tr>";
  for (const c of tr.children) {
    if (isBlank(c)) out += (c as { data: string }).data;
    else if (isElement(c) && (c.name === "th" || c.name === "td")) out += cell(c);
  }
  return out + "</tr>";
}

function table(t: Element): string {
  let out = "<table>";
  let loose = "";
  const closeLoose = () => {
    if (loose !== "") out += `<tbody>${loose}</tbody>`;
    loose = "";
  };
  let rows = 0;
  for (const c of t.children) {
    if (isBlank(c)) {
      const space = (c as { data: string }).data;
      if (loose !== "") loose += space;
      else out += space;
    } else if (isElement(c) && (c.name === "thead" || c.name === "tbody")) {
      closeLoose();
      let section = `<${c.name}>`;
      for (const r of c.children) {
        if (isBlank(r)) section += (r as { data: string }).data;
        else if (isElement(r) && r.name === "tr") {
          section += row(r);
          rows++;
        }
      }
      out += `${section}</${c.name}>`;
    } else if (isElement(c) && c.name === "tr") {
      loose += row(c);
      rows++;
    }
  }
  closeLoose();
  return rows === 0 ? "" : out + "</table>";
}

/** Any HTML → the stored form of a body (./schema.ts). Idempotent. */
export function normalizeBody(html: string): string {
  const clean = sanitizeHtml(html, SANITIZE);
  const doc = parseDocument(clean, { decodeEntities: true });
  return flow(doc.children, "top");
}

/**
 * The off-site (http, https, protocol-relative) image addresses in a body as submitted (before normalizeBody turns them into
 * links), each once: a save refuses them with the list.
 */
export function offSiteImages(html: string): string[] {
  const doc = parseDocument(html, { decodeEntities: true });
  const found = new Set<string>();
  for (const img of DomUtils.getElementsByTagName("img", doc.children, true)) {
    const src = (img.attribs.src ?? "").trim();
    // Only addresses a browser would fetch from another site; anything else (data:, javascript:)
    // normalizeBody simply drops.
    if (offSiteHttpUrl(src)) found.add(src);
  }
  return [...found];
}

/** The positions (from 1) of a stored body's images that have no alt text. */
export function imagesWithoutAlt(body: string): number[] {
  const doc = parseDocument(body, { decodeEntities: true });
  return DomUtils.getElementsByTagName("img", doc.children, true)
    .map((img, i) => ((img.attribs.alt ?? "").trim() === "" ? i + 1 : 0))
    .filter((n) => n > 0);
}
