// Pasted HTML → the stored form of a body (lib/body/schema.ts): what Word (Windows and Mac), WPS
// Office and web pages put on the clipboard, reduced to paragraphs, 小标题 (h2/h3), bold, italic,
// strike, sub/sup, code, links, lists, tables, images (as <figure>) and rules.
//
//   cleanPastedHtml(html)            → schema HTML
//   cleanPastedHtmlWithReport(html)  → { html, droppedImages }: images whose source cannot be
//                                      fetched by anyone (file:, blob:, cid: from Word) are dropped
//                                      and counted, so the editor can tell the writer to insert them
//                                      by upload.
//
// Isomorphic: it runs in the browser (Tiptap's transformPastedHTML) and on the server (the .docx
// import), so no DOM and no node: import; htmlparser2 builds a plain tree. Off-site (http/https)
// and data: images are kept as given: lib/body/import/remote-images.ts stores them at save time.
// The output is also what normalizeBody accepts unchanged; it is not a security boundary by
// itself (normalizeBody is), but nothing that can run script is ever written.
//
// What is dropped: fonts, colours, sizes, classes, styles and ids; Word's <o:p>, VML and <xml>
// blocks, conditional comments and comments; Word comments (the reference marks, their anchors and
// the comment list at the end); tracked deletions (<del>, class msoDel; insertions are kept as
// text); bookmarks; hidden text; empty paragraphs (also &nbsp;-only ones). Word writes a list as
// paragraphs carrying `mso-list:l0 level1 lfo1` and a bullet or number inside
// <![if !supportLists]>; these become real <ul>/<ol> (nested by level, `start` from the first
// number). The first-line indent of Chinese text (full-width spaces, &nbsp;, text-indent) and any
// stray spaces at the start and end of a paragraph are removed: the reader's CSS indents.
import { DomUtils, parseDocument } from "htmlparser2";

type Node = ReturnType<typeof parseDocument>["children"][number];
type Element = Extract<Node, { name: string; attribs: Record<string, string> }>;

export interface PasteReport {
  html: string;
  /** Images dropped because their source is on the writer's machine (file:, blob:, cid:…). */
  droppedImages: number;
}

interface Marks {
  strong: boolean;
  em: boolean;
  s: boolean;
  sub: boolean;
  sup: boolean;
  code: boolean;
  href: string | null;
}

type Token =
  | { kind: "text"; text: string; marks: Marks }
  | { kind: "br"; marks: Marks }
  | { kind: "img"; src: string; alt: string };

type Block =
  | { t: "p" | "h2" | "h3"; tokens: Token[]; caption?: boolean }
  | { t: "li"; ordered: boolean; level: number; start: number | null; tokens: Token[] }
  | { t: "html"; html: string }
  | { t: "figure"; src: string; alt: string; caption: Token[] }
  | { t: "quote"; blocks: Block[] };

const NO_MARKS: Marks = {
  strong: false,
  em: false,
  s: false,
  sub: false,
  sup: false,
  code: false,
  href: null,
};

/** Elements whose content is never text of the story. */
const SKIP = new Set([
  "head",
  "style",
  "script",
  "noscript",
  "template",
  "xml",
  "meta",
  "link",
  "title",
  "iframe",
  "frame",
  "object",
  "embed",
  "svg",
  "math",
  "canvas",
  "video",
  "audio",
  "input",
  "button",
  "select",
  "textarea",
  "del",
  "map",
]);

const BLOCKS = new Set([
  "p",
  "div",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "ul",
  "ol",
  "li",
  "table",
  "blockquote",
  "figure",
  "hr",
  "pre",
  "section",
  "article",
  "main",
  "header",
  "footer",
  "aside",
  "nav",
  "address",
  "center",
  "dl",
  "dt",
  "dd",
  "body",
  "html",
  "figcaption",
  "x-list-marker",
]);

/** Classes of Word's comment marks, anchors and comment texts, and of tracked deletions. */
const COMMENT_CLASSES = /^(msocommentreference|msocomanchor|msocomoff|msocomtxt|msocommenttext|msodel)$/i;

/** Spaces stripped at paragraph edges: ASCII, no-break, ideographic (　), en/em/thin, zero-width. */
const LEADING_SPACE = /^[\s\u00a0\u3000\u2000-\u200b\u202f\u205f\ufeff]+/;
const TRAILING_SPACE = /[\s\u00a0\u3000\u2000-\u200b\u202f\u205f\ufeff]+$/;
const CJK = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]/;

const isElement = (n: Node): n is Element => DomUtils.isTag(n);

function parseStyle(value: string | undefined): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of (value ?? "").split(";")) {
    const i = part.indexOf(":");
    if (i > 0)
      out.set(
        part.slice(0, i).trim().toLowerCase(),
        part
          .slice(i + 1)
          .trim()
          .toLowerCase(),
      );
  }
  return out;
}

function classes(el: Element): string[] {
  return (el.attribs.class ?? "").split(/\s+/).filter(Boolean);
}

/** Class → Word style name and outline level, read from the pasted <style> blocks. */
interface StyleSheet {
  names: Map<string, string>;
  outline: Map<string, number>;
}

function readStyleSheet(html: string): StyleSheet {
  const sheet: StyleSheet = { names: new Map(), outline: new Map() };
  for (const [, css = ""] of html.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/gi)) {
    for (const [, selectors = "", body = ""] of css.matchAll(/([^{}]+)\{([^}]*)\}/g)) {
      const name = /mso-style-name:\s*"?([^;"]+)"?/i.exec(body)?.[1]?.trim();
      const level = /mso-outline-level:\s*(\d+)/i.exec(body)?.[1];
      for (const [, cls = ""] of selectors.matchAll(/\.([\w-]+)/g)) {
        const key = cls.toLowerCase();
        if (name) sheet.names.set(key, name);
        if (level) sheet.outline.set(key, Number(level));
      }
    }
  }
  return sheet;
}

/**
 * The clipboard's fragment, with Word's downlevel conditionals resolved: list markers become an
 * element of their own (read, then dropped), the other `!support…` parts (a doubled line break,
 * comment anchors, table fillers, empty-paragraph fillers) are removed.
 */
function prepare(html: string): string {
  let s = html;
  const start = s.indexOf("<!--StartFragment-->");
  const end = s.indexOf("<!--EndFragment-->");
  if (start >= 0 && end > start) s = s.slice(start + "<!--StartFragment-->".length, end);
  s = s.replace(
    /<!(?:--)?\[if !supportLists\](?:--)?>([\s\S]*?)<!(?:--)?\[endif\](?:--)?>/gi,
    "<x-list-marker>$1</x-list-marker>",
  );
  s = s.replace(/<!(?:--)?\[if !support\w+\](?:--)?>[\s\S]*?<!(?:--)?\[endif\](?:--)?>/gi, "");
  return s;
}

/** A link address the schema allows: http(s), mailto, or a path on the site; else null. */
function safeHref(raw: string | undefined): string | null {
  // Browsers ignore these inside a scheme (`java\tscript:`), so a check must too.
  const href = (raw ?? "").replace(/[\u0000-\u0020\u007f-\u009f]/g, "");
  if (href === "") return null;
  if (/^(https?|mailto):/i.test(href)) return href;
  if (href.startsWith("/") && !href.startsWith("//") && !href.startsWith("/\\")) return href;
  return null;
}

/** An image source worth keeping (fetched or stored later); null for what nobody can fetch. */
function imageSource(raw: string | undefined): string | null {
  const src = (raw ?? "").trim();
  if (/^https?:\/\//i.test(src)) return src;
  if (src.startsWith("//")) return `https:${src}`;
  if (/^data:image\/(png|jpeg|jpg|webp|gif);base64,/i.test(src)) return src;
  if (src.startsWith("/") && !src.startsWith("/\\")) return src;
  return null;
}

function headingLevel(el: Element, sheet: StyleSheet): number | null {
  const tag = /^h([1-6])$/.exec(el.name);
  if (tag) return Number(tag[1]);
  for (const cls of classes(el)) {
    const key = cls.toLowerCase();
    if (key === "msotitle") return 1;
    const builtIn = /^msoheading(\d)$/.exec(key);
    if (builtIn) return Number(builtIn[1]);
    const name = sheet.names.get(key);
    if (name) {
      if (/^(title|标题)$/i.test(name)) return 1;
      const numbered = /^(heading|标题)\s*(\d)$/i.exec(name);
      if (numbered) return Number(numbered[2]);
    }
    const outline = sheet.outline.get(key);
    if (outline && outline <= 9) return outline;
  }
  const outline = parseStyle(el.attribs.style).get("mso-outline-level");
  if (outline && /^[1-9]$/.test(outline)) return Number(outline);
  return null;
}

const headingTag = (level: number): "h2" | "h3" => (level <= 2 ? "h2" : "h3");

function isHidden(el: Element, style: Map<string, string>): boolean {
  if (classes(el).some((c) => COMMENT_CLASSES.test(c))) return true;
  const element = style.get("mso-element");
  if (element && /comment/.test(element)) return true;
  if (style.get("mso-special-character") === "comment") return true;
  return (
    style.get("display") === "none" || style.get("mso-hide") === "all" || style.get("visibility") === "hidden"
  );
}

/** Dropped with their content: Word's <o:p>, VML, OMML, Office XML; smart tags (st1:…) keep theirs. */
function isOfficeJunk(name: string): boolean {
  return /^(o|v|m|w):/.test(name) && name !== "w:sdt" && name !== "w:sdtcontent";
}

function marksOf(el: Element, style: Map<string, string>, marks: Marks): Marks {
  const m = { ...marks };
  switch (el.name) {
    case "b":
    case "strong":
      m.strong = true;
      break;
    case "i":
    case "em":
    case "cite":
    case "dfn":
      m.em = true;
      break;
    case "s":
    case "strike":
      m.s = true;
      break;
    case "sub":
      m.sub = true;
      m.sup = false;
      break;
    case "sup":
      m.sup = true;
      m.sub = false;
      break;
    case "code":
    case "kbd":
    case "samp":
    case "tt":
      m.code = true;
      break;
    case "a":
      // Links never nest; an in-page anchor (#…), a bookmark or an unsafe address keeps its text.
      if (!marks.href) m.href = safeHref(el.attribs.href);
      break;
  }
  const weight = style.get("font-weight");
  if (weight) {
    if (/^(bold|bolder|[6-9]00)$/.test(weight)) m.strong = true;
    else if (/^(normal|lighter|[1-5]00)$/.test(weight)) m.strong = false;
  }
  const italic = style.get("font-style");
  if (italic) m.em = /^(italic|oblique)/.test(italic);
  const decoration = `${style.get("text-decoration") ?? ""} ${style.get("text-decoration-line") ?? ""}`;
  if (/line-through/.test(decoration)) m.s = true;
  const align = style.get("vertical-align");
  if (align === "super") Object.assign(m, { sup: true, sub: false });
  else if (align === "sub") Object.assign(m, { sub: true, sup: false });
  return m;
}

interface Walk {
  sheet: StyleSheet;
  dropped: number;
}

/** Whitespace of the HTML source: runs collapse to one space, none where a line wrapped CJK text. */
function sourceText(data: string): string {
  return data.replace(/[ \t\r\n\f]+/g, (space, offset: number, all: string) => {
    if (!/[\r\n]/.test(space)) return " ";
    const before = all[offset - 1] ?? "";
    const after = all[offset + space.length] ?? "";
    return CJK.test(before) || CJK.test(after) ? "" : " ";
  });
}

/** Inline content of `nodes` as tokens (images included; list markers skipped). */
function inlineTokens(nodes: readonly Node[], marks: Marks, walk: Walk, out: Token[] = []): Token[] {
  for (const n of nodes) {
    if (DomUtils.isText(n)) {
      const text = sourceText(n.data);
      if (text !== "") out.push({ kind: "text", text, marks });
      continue;
    }
    if (!isElement(n)) continue;
    const name = n.name;
    if (SKIP.has(name) || isOfficeJunk(name) || name === "x-list-marker") continue;
    const style = parseStyle(n.attribs.style);
    if (isHidden(n, style)) continue;
    if (name === "br") {
      out.push({ kind: "br", marks });
      continue;
    }
    if (name === "img") {
      const src = imageSource(n.attribs.src);
      if (src) out.push({ kind: "img", src, alt: (n.attribs.alt ?? "").trim() });
      else walk.dropped++;
      continue;
    }
    const inner = marksOf(n, style, marks);
    const before = out.length;
    inlineTokens(n.children, inner, walk, out);
    // A block inside a run of text (a <p> in a <li>, a <div> in a cell) ends a line.
    if (BLOCKS.has(name) && out.length > before) out.push({ kind: "br", marks: NO_MARKS });
  }
  return out;
}

// A no-break space stays a character, as normalizeBody writes it, so the output is its fixed point.
function escapeText(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

function escapeAttr(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** Tokens without the spaces and line breaks at their start and end. */
function trimTokens(tokens: readonly Token[]): Token[] {
  const t = tokens.slice();
  const strip = (i: number, edge: "start" | "end"): boolean => {
    const tok = t[i];
    if (!tok || tok.kind === "img") return false;
    if (tok.kind === "br") {
      t.splice(i, 1);
      return true;
    }
    const text = tok.text.replace(edge === "start" ? LEADING_SPACE : TRAILING_SPACE, "");
    if (text === "") {
      t.splice(i, 1);
      return true;
    }
    t[i] = { ...tok, text };
    return false;
  };
  while (t.length > 0 && strip(0, "start"));
  while (t.length > 0 && strip(t.length - 1, "end"));
  return t;
}

function sameMarks(a: Marks, b: Marks): boolean {
  return (
    a.strong === b.strong &&
    a.em === b.em &&
    a.s === b.s &&
    a.sub === b.sub &&
    a.sup === b.sup &&
    a.code === b.code &&
    a.href === b.href
  );
}

function wrap(inner: string, m: Marks, heading: boolean): string {
  let s = inner;
  if (m.code) s = `<code>${s}</code>`;
  if (m.sub) s = `<sub>${s}</sub>`;
  if (m.sup) s = `<sup>${s}</sup>`;
  if (m.s) s = `<s>${s}</s>`;
  if (m.em) s = `<em>${s}</em>`;
  // A heading is bold already: Word's bold runs inside it are not kept.
  if (m.strong && !heading) s = `<strong>${s}</strong>`;
  if (m.href) s = `<a href="${escapeAttr(m.href)}">${s}</a>`;
  return s;
}

/** Text tokens (no images) as inline HTML; runs with the same marks are merged; `heading` drops bold. */
function renderInline(tokens: readonly Token[], heading = false): string {
  let out = "";
  let run = "";
  let runMarks: Marks | null = null;
  const flush = () => {
    if (runMarks && run !== "") {
      // Spaces at a mark's edge stay outside it, so that `<strong> </strong>` never appears.
      const lead = /^[\s\u00a0]*/.exec(run)?.[0] ?? "";
      const rest = run.slice(lead.length);
      const trail = /[\s\u00a0]*$/.exec(rest)?.[0] ?? "";
      const core = rest.slice(0, rest.length - trail.length);
      out +=
        escapeText(lead) + (core === "" ? "" : wrap(escapeText(core), runMarks, heading)) + escapeText(trail);
    }
    run = "";
    runMarks = null;
  };
  for (const tok of tokens) {
    if (tok.kind === "img") continue;
    if (tok.kind === "br") {
      flush();
      out += "<br>";
      continue;
    }
    if (!runMarks || !sameMarks(runMarks, tok.marks)) flush();
    runMarks = tok.marks;
    run += tok.text;
  }
  flush();
  return out;
}

/** Tokens of one paragraph, split into blocks: text runs (at double line breaks too) and images. */
function paragraphBlocks(tokens: readonly Token[], t: "p" | "h2" | "h3", caption = false): Block[] {
  const blocks: Block[] = [];
  let run: Token[] = [];
  const flush = () => {
    const trimmed = trimTokens(run);
    if (trimmed.length > 0) blocks.push(caption ? { t, tokens: trimmed, caption } : { t, tokens: trimmed });
    run = [];
  };
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i];
    if (!tok) continue;
    if (tok.kind === "img") {
      flush();
      blocks.push({ t: "figure", src: tok.src, alt: tok.alt, caption: [] });
    } else if (tok.kind === "br" && tokens[i + 1]?.kind === "br") {
      flush();
      while (tokens[i + 1]?.kind === "br") i++;
    } else run.push(tok);
  }
  flush();
  return blocks;
}

// Numbers may stand alone; a letter needs its punctuation ("a." "(b)"): Word's bullets are letters
// of a symbol font ("l" in Wingdings is ●, "o" in Courier New is ○).
const ORDERED_MARKER =
  /^[(（]?\s*((\d+|[一二三四五六七八九十百]+)\s*[.．、)）:：]?|([a-zA-Z]|[ivxlcdm]+|[IVXLCDM]+)\s*[.．、)）])$/;
const CHINESE_DIGITS = "一二三四五六七八九";

function markerStart(marker: string): number | null {
  const m = /^[(（]?\s*(\d+)/.exec(marker);
  if (m) return Number(m[1]);
  const zh = /^[(（]?\s*([一二三四五六七八九十]{1,3})/.exec(marker)?.[1];
  if (!zh) return null;
  if (zh === "十") return 10;
  const tens = zh.includes("十") ? CHINESE_DIGITS.indexOf(zh.split("十")[0] ?? "") + 1 || 1 : 0;
  const ones = CHINESE_DIGITS.indexOf(zh.split("十").pop() ?? "") + 1;
  return tens * 10 + ones;
}

/** A Word list paragraph (`mso-list:l0 level2 lfo1`): its level and kind, else null. */
function wordListItem(el: Element): { level: number; ordered: boolean; start: number | null } | null {
  const list = parseStyle(el.attribs.style).get("mso-list");
  if (!list || list === "ignore" || list === "none") return null;
  const level = Number(/level(\d+)/.exec(list)?.[1] ?? "1");
  const markerEl = DomUtils.findOne((e) => e.name === "x-list-marker", el.children, true);
  const marker = markerEl
    ? DomUtils.textContent(markerEl)
        .replace(/[\s\u00a0]+/g, " ")
        .trim()
    : "";
  const ordered = ORDERED_MARKER.test(marker);
  return { level, ordered, start: ordered ? markerStart(marker) : null };
}

/** WPS writes some list items with the marker as plain text: take it off the item's text. */
function dropTextMarker(tokens: Token[]): { tokens: Token[]; ordered: boolean | null; start: number | null } {
  const trimmed = trimTokens(tokens);
  const first = trimmed[0];
  if (first?.kind !== "text") return { tokens: trimmed, ordered: null, start: null };
  const bullet = /^[•●○■□◆◇▪·\uf06c\uf0b7\uf0a7\uf0d8\uf076]\s*/.exec(first.text);
  const number = /^(\d+)[.．、]\s*/.exec(first.text);
  const found = bullet ?? number;
  if (!found) return { tokens: trimmed, ordered: null, start: null };
  const rest = first.text.slice(found[0].length);
  const next = rest === "" ? trimmed.slice(1) : [{ ...first, text: rest }, ...trimmed.slice(1)];
  return { tokens: trimTokens(next), ordered: number !== null, start: number ? Number(number[1]) : null };
}

function renderList(el: Element, walk: Walk): string {
  const ordered = el.name === "ol";
  const items: string[] = [];
  for (const li of el.children) {
    if (!isElement(li)) continue;
    const nested: string[] = [];
    const content: Node[] = [];
    for (const c of li.name === "li" ? li.children : [li]) {
      if (isElement(c) && (c.name === "ul" || c.name === "ol")) nested.push(renderList(c, walk));
      else content.push(c);
    }
    const text = renderInline(trimTokens(inlineTokens(content, NO_MARKS, walk)));
    const sub = nested.filter(Boolean).join("");
    if (text !== "" || sub !== "") items.push(`<li>${text}${sub}</li>`);
  }
  if (items.length === 0) return "";
  const start = Number(el.attribs.start);
  const open =
    ordered && Number.isInteger(start) && start > 1 && start < 1e6 ? `<ol start="${start}">` : `<${el.name}>`;
  return `${open}${items.join("")}</${ordered ? "ol" : "ul"}>`;
}

/** A positive integer attribute (colspan, rowspan) above 1, else null. */
function span(value: string | undefined): number | null {
  return value !== undefined && /^\s*[1-9]\d{0,2}\s*$/.test(value) && Number(value) > 1
    ? Number(value)
    : null;
}

/** A cell; in a header row (Word's repeated header rows are a <thead>) every cell is a <th>. */
function renderCell(cell: Element, inHead: boolean, walk: Walk): string {
  const name = inHead ? "th" : cell.name;
  const blocks = collectBlocks(cell.children, walk).filter(
    (b) => b.t === "p" || b.t === "h2" || b.t === "h3",
  );
  // A header cell is bold already, like a heading.
  const paragraphs = blocks
    .map((b) => ("tokens" in b ? renderInline(b.tokens, name === "th") : ""))
    .filter(Boolean);
  const inner = paragraphs.length > 1 ? paragraphs.map((p) => `<p>${p}</p>`).join("") : (paragraphs[0] ?? "");
  let open = `<${name}`;
  const colspan = span(cell.attribs.colspan);
  const rowspan = span(cell.attribs.rowspan);
  if (colspan) open += ` colspan="${colspan}"`;
  if (rowspan) open += ` rowspan="${rowspan}"`;
  return `${open}>${inner}</${name}>`;
}

function renderTable(table: Element, walk: Walk): string {
  const head: string[] = [];
  const body: string[] = [];
  const visit = (nodes: readonly Node[], inHead: boolean) => {
    for (const n of nodes) {
      if (!isElement(n) || isHidden(n, parseStyle(n.attribs.style))) continue;
      if (n.name === "thead") visit(n.children, true);
      else if (n.name === "tbody" || n.name === "tfoot") visit(n.children, false);
      else if (n.name === "tr") {
        const cells = n.children.filter(
          (c): c is Element => isElement(c) && (c.name === "td" || c.name === "th"),
        );
        if (cells.length === 0) continue;
        const row = `<tr>${cells.map((c) => renderCell(c, inHead, walk)).join("")}</tr>`;
        (inHead ? head : body).push(row);
      }
    }
  };
  visit(table.children, false);
  if (head.length + body.length === 0) return "";
  return `<table>${head.length ? `<thead>${head.join("")}</thead>` : ""}${body.length ? `<tbody>${body.join("")}</tbody>` : ""}</table>`;
}

/** The blocks of a container's children; runs of inline content between blocks become paragraphs. */
function collectBlocks(nodes: readonly Node[], walk: Walk): Block[] {
  const blocks: Block[] = [];
  let run: Node[] = [];
  const flush = () => {
    if (run.length > 0) blocks.push(...paragraphBlocks(inlineTokens(run, NO_MARKS, walk), "p"));
    run = [];
  };
  for (const n of nodes) {
    if (!isElement(n) || !BLOCKS.has(n.name)) {
      run.push(n);
      continue;
    }
    flush();
    if (isHidden(n, parseStyle(n.attribs.style))) continue;
    blocks.push(...elementBlocks(n, walk));
  }
  flush();
  return blocks;
}

function elementBlocks(el: Element, walk: Walk): Block[] {
  switch (el.name) {
    case "hr":
      return [{ t: "html", html: "<hr>" }];
    case "x-list-marker":
    case "figcaption":
      return [];
    case "ul":
    case "ol": {
      const html = renderList(el, walk);
      return html ? [{ t: "html", html }] : [];
    }
    case "table": {
      const html = renderTable(el, walk);
      return html ? [{ t: "html", html }] : [];
    }
    case "blockquote": {
      const inner = collectBlocks(el.children, walk);
      return inner.length ? [{ t: "quote", blocks: inner }] : [];
    }
    case "figure": {
      const img = DomUtils.findOne((e) => e.name === "img", el.children, true);
      const cap = DomUtils.findOne((e) => e.name === "figcaption", el.children, true);
      const caption = cap ? trimTokens(inlineTokens(cap.children, NO_MARKS, walk)) : [];
      const src = img ? imageSource(img.attribs.src) : null;
      if (img && src) return [{ t: "figure", src, alt: (img.attribs.alt ?? "").trim(), caption }];
      if (img) walk.dropped++;
      return caption.length ? [{ t: "p", tokens: caption }] : [];
    }
    case "pre": {
      const text = DomUtils.textContent(el).replace(/\r\n?/g, "\n").replace(/\n$/, "");
      const tokens: Token[] = [];
      text.split("\n").forEach((line, i) => {
        if (i > 0) tokens.push({ kind: "br", marks: NO_MARKS });
        tokens.push({ kind: "text", text: line, marks: { ...NO_MARKS, code: true } });
      });
      return paragraphBlocks(tokens, "p");
    }
  }
  // Containers of blocks (Word's WordSection div, a web page's article) are walked through.
  const holdsBlocks = el.children.some(
    (c) => isElement(c) && BLOCKS.has(c.name) && c.name !== "x-list-marker",
  );
  if (holdsBlocks && !/^(p|h[1-6])$/.test(el.name)) return collectBlocks(el.children, walk);

  const item = wordListItem(el);
  if (item) {
    const plain = dropTextMarker(inlineTokens(el.children, NO_MARKS, walk));
    const hasMarker = DomUtils.findOne((e) => e.name === "x-list-marker", el.children, true) !== null;
    const ordered = hasMarker ? item.ordered : (plain.ordered ?? false);
    const start = hasMarker ? item.start : plain.start;
    return plain.tokens.length ? [{ t: "li", ordered, level: item.level, start, tokens: plain.tokens }] : [];
  }
  const tokens = inlineTokens(el.children, NO_MARKS, walk);
  const level = headingLevel(el, walk.sheet);
  if (level !== null) {
    // An image in a heading still becomes a figure; the heading keeps its text.
    return paragraphBlocks(tokens, headingTag(level));
  }
  const caption = classes(el).some((c) => /^msocaption$/i.test(c));
  return paragraphBlocks(tokens, "p", caption);
}

function renderFigure(b: Extract<Block, { t: "figure" }>): string {
  const caption = renderInline(b.caption);
  return `<figure><img src="${escapeAttr(b.src)}" alt="${escapeAttr(b.alt)}">${caption ? `<figcaption>${caption}</figcaption>` : ""}</figure>`;
}

function renderBlocks(blocks: readonly Block[], inQuote = false): string {
  let out = "";
  // Open Word lists: the innermost last. Each item stays open until the next one, so that a
  // deeper item nests inside it.
  const open: { tag: "ul" | "ol"; level: number }[] = [];
  const closeTo = (level: number) => {
    for (let top = open.at(-1); top && top.level > level; top = open.at(-1)) {
      out += `</li></${top.tag}>`;
      open.pop();
    }
  };
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i];
    if (!b) continue;
    if (b.t !== "li") closeTo(0);
    switch (b.t) {
      case "li": {
        const tag = b.ordered ? "ol" : "ul";
        closeTo(b.level);
        const top = open.at(-1);
        if (top && top.level === b.level && top.tag !== tag) closeTo(b.level - 1);
        const same = open.at(-1);
        if (same && same.level === b.level) out += "</li>";
        else {
          out += tag === "ol" && b.start !== null && b.start > 1 ? `<ol start="${b.start}">` : `<${tag}>`;
          open.push({ tag, level: b.level });
        }
        out += `<li>${renderInline(b.tokens)}`;
        break;
      }
      case "p":
      case "h2":
      case "h3": {
        const tag = inQuote ? "p" : b.t;
        out += `<${tag}>${renderInline(b.tokens, tag !== "p")}</${tag}>`;
        break;
      }
      case "figure": {
        const next = blocks[i + 1];
        // Word's caption style (题注) right under an image is that image's caption.
        if (b.caption.length === 0 && next?.t === "p" && next.caption) {
          out += renderFigure({ ...b, caption: next.tokens });
          i++;
        } else out += renderFigure(b);
        break;
      }
      case "quote":
        out += inQuote
          ? renderBlocks(b.blocks, true)
          : `<blockquote>${renderBlocks(b.blocks, true)}</blockquote>`;
        break;
      case "html":
        // A table or rule inside a quote has no place in the schema: its text, as paragraphs.
        out += inQuote && b.html.startsWith("<t") ? tableAsParagraphs(b.html) : b.html;
        break;
    }
  }
  closeTo(0);
  return out;
}

function tableAsParagraphs(html: string): string {
  return html
    .split(/<\/tr>/)
    .map((row) =>
      row
        .replace(/<\/t[dh]>/g, " ")
        .replace(/<(?!\/?(strong|em|s|a|sub|sup|code|br)\b)[^>]*>/g, "")
        .trim(),
    )
    .filter(Boolean)
    .map((row) => `<p>${row}</p>`)
    .join("");
}

export function cleanPastedHtmlWithReport(html: string): PasteReport {
  const walk: Walk = { sheet: readStyleSheet(html), dropped: 0 };
  const doc = parseDocument(prepare(html), {
    decodeEntities: true,
    lowerCaseTags: true,
    lowerCaseAttributeNames: true,
  });
  const out = renderBlocks(collectBlocks(doc.children, walk));
  return { html: out, droppedImages: walk.dropped };
}

export function cleanPastedHtml(html: string): string {
  return cleanPastedHtmlWithReport(html).html;
}
