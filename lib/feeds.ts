// XML building for feeds and sitemaps (pure). Every text and attribute value goes through
// escapeXml, which also drops the characters XML 1.0 forbids, so a story can never break a feed.

/**
 * Characters XML 1.0 does not allow in a document: C0 controls other than tab, newline and
 * carriage return; lone UTF-16 surrogates; U+FFFE and U+FFFF.
 */
const INVALID_XML_CHARS =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Escape text for an XML element or a double- or single-quoted attribute. */
export function escapeXml(value: string): string {
  return value.replace(INVALID_XML_CHARS, "").replace(/[&<>"']/g, (c) => {
    switch (c) {
      case "&":
        return "&amp;";
      case "<":
        return "&lt;";
      case ">":
        return "&gt;";
      case '"':
        return "&quot;";
      default:
        return "&apos;";
    }
  });
}

/** RFC 822 date-time (as RFC 1123 refines it) in GMT, the form RSS 2.0 requires: `Wed, 25 Nov 2026 02:05:50 GMT`. */
export function toRfc822(date: Date): string {
  return date.toUTCString();
}

/** `<name>text</name>`, escaped. */
export function element(name: string, text: string, attributes: Record<string, string> = {}): string {
  const attrs = Object.entries(attributes)
    .map(([k, v]) => ` ${k}="${escapeXml(v)}"`)
    .join("");
  return `<${name}${attrs}>${escapeXml(text)}</${name}>`;
}

export const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>';

export interface RssItem {
  title: string;
  /** Absolute URL of the story. */
  link: string;
  /** Stable identifier (isPermaLink="false" unless it is the item's permanent URL). */
  guid: string;
  guidIsPermaLink: boolean;
  /** Plain text (the story's summary); escaped, never interpreted as HTML by this module. */
  description: string;
  pubDate: Date;
  /** When the story was last changed after publication (an edit, a 更正): `<atom:updated>`. */
  updated?: Date;
  categories?: readonly string[];
}

export interface RssChannel {
  title: string;
  /** Absolute URL of the site or channel page. */
  link: string;
  description: string;
  /** Absolute URL of this feed (atom:link rel="self"). */
  selfUrl: string;
  /** e.g. zh-CN */
  language: string;
  lastBuildDate: Date;
  /** Minutes a reader may cache the feed. */
  ttlMinutes?: number;
  copyright?: string;
  items: readonly RssItem[];
}

/** An RSS 2.0 document. */
export function buildRss(channel: RssChannel): string {
  const lines: string[] = [
    XML_DECLARATION,
    '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">',
    "<channel>",
    element("title", channel.title),
    element("link", channel.link),
    element("description", channel.description),
    `<atom:link href="${escapeXml(channel.selfUrl)}" rel="self" type="application/rss+xml"/>`,
    element("language", channel.language),
    element("lastBuildDate", toRfc822(channel.lastBuildDate)),
  ];
  if (channel.copyright) lines.push(element("copyright", channel.copyright));
  if (channel.ttlMinutes !== undefined) lines.push(element("ttl", String(channel.ttlMinutes)));
  for (const item of channel.items) {
    lines.push(
      "<item>",
      element("title", item.title),
      element("link", item.link),
      element("guid", item.guid, { isPermaLink: item.guidIsPermaLink ? "true" : "false" }),
      element("description", item.description),
      element("pubDate", toRfc822(item.pubDate)),
      ...(item.updated ? [element("atom:updated", item.updated.toISOString())] : []),
      ...(item.categories ?? []).map((c) => element("category", c)),
      "</item>",
    );
  }
  lines.push("</channel>", "</rss>");
  return `${lines.join("\n")}\n`;
}
