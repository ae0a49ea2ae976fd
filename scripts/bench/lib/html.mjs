// Small HTML helpers for scripts/bench/run.mjs (regex-based: they read pages this app renders,
// not arbitrary HTML). Pure functions (unit-tested in bench.test.mjs).

/** The `src` of every `<script src=…>`, in order, without duplicates. */
export function scriptSrcs(html) {
  const out = [];
  for (const m of html.matchAll(/<script\b[^>]*?\bsrc\s*=\s*(?:"([^"]*)"|'([^']*)')/gi)) {
    const src = decodeEntities(m[1] ?? m[2] ?? "");
    if (src && !out.includes(src)) out.push(src);
  }
  return out;
}

/** The first article link of a channel page: `/liujiang/123`. */
export function firstArticlePath(html, channel) {
  const m = new RegExp(`href="(/${channel}/\\d+)"`).exec(html);
  return m ? m[1] : null;
}

export function decodeEntities(s) {
  return s
    .replace(/&#x([0-9a-f]+);/gi, (_, h) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_, d) => String.fromCodePoint(Number(d)))
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&nbsp;/g, " ")
    .replace(/&amp;/g, "&");
}

/** The visible text of a page's <body> (scripts, styles and tags removed), as lines. */
export function visibleTextLines(html) {
  const body = /<body\b[^>]*>([\s\S]*)<\/body>/i.exec(html)?.[1] ?? html;
  return decodeEntities(
    body
      .replace(/<(script|style|template|noscript)\b[\s\S]*?<\/\1>/gi, " ")
      .replace(/<\/(p|div|li|h[1-6]|section|article|header|footer|tr|br)\s*>|<br\s*\/?>/gi, "\n")
      .replace(/<[^>]+>/g, " "),
  )
    .split("\n")
    .map((l) => l.replace(/\s+/g, " ").trim())
    .filter(Boolean);
}

/**
 * Content for the static fixture page so that its prerendered HTML has about `targetBytes`
 * bytes. A prerendered App Router page carries its text twice (the HTML and the inline RSC
 * payload), plus a fixed overhead (`overheadBytes`, measured on the fixture: ~5.6 KB) and a few
 * dozen bytes per paragraph; the text is the source page's own lines, repeated or cut to fit.
 * Quotes, backslashes and angle brackets are dropped so that escaping does not change the size.
 */
export function fixtureContent(
  lines,
  targetBytes,
  { overheadBytes = 5600, perParagraphBytes = 40, paragraphBytes = 1200 } = {},
) {
  const clean = lines.map((l) => l.replace(/["'\\<>&]/g, "").trim()).filter((l) => l.length > 0);
  const source = clean.length ? clean : ["柳州地方新闻"];
  const title = cutToBytes(source[0], 120);
  const room = Math.max(0, targetBytes - overheadBytes - 2 * Buffer.byteLength(title));
  const count = Math.max(1, Math.round(room / (2 * paragraphBytes + perParagraphBytes)));
  const textBytes = Math.max(0, Math.floor((room - count * perParagraphBytes) / 2));
  // The source lines, repeated until there is enough text, then cut to the exact size.
  let text = "";
  for (let i = 0; Buffer.byteLength(text) < textBytes; i++)
    text += (text ? " " : "") + source[i % source.length];
  text = cutToBytes(text, textBytes);
  const paragraphs = [];
  const per = Math.ceil(textBytes / count);
  while (text.length > 0) {
    const part = cutToBytes(text, per) || text.slice(0, 1);
    paragraphs.push(part);
    text = text.slice(part.length);
  }
  return { title, paragraphs };
}

/** The longest prefix of `s` with at most `max` UTF-8 bytes (never splits a character). */
export function cutToBytes(s, max) {
  if (max <= 0) return "";
  let out = "";
  let bytes = 0;
  for (const ch of s) {
    const b = Buffer.byteLength(ch);
    if (bytes + b > max) break;
    out += ch;
    bytes += b;
  }
  return out;
}
