// bodyToText: the plain text of a stored body, for search, excerpts and 猜你喜欢 (bodyText).
// Blocks and line breaks separate words with a space, marks do not (`<strong>加粗</strong>文字` is
// 加粗文字), images count by their caption only, as the reader sees them.
import { DomUtils, parseDocument } from "htmlparser2";
import { normalizeBody } from "@/lib/body/normalize";
import { squish } from "@/lib/text";

type Node = ReturnType<typeof parseDocument>["children"][number];

const INLINE = new Set(["strong", "em", "s", "a", "sub", "sup", "code"]);

export function bodyToText(body: string): string {
  const parts: string[] = [];
  const walk = (nodes: readonly Node[]) => {
    for (const n of nodes) {
      if (DomUtils.isText(n)) parts.push(n.data);
      else if (DomUtils.isTag(n)) {
        if (n.name === "img") continue;
        const spaced = !INLINE.has(n.name);
        if (spaced) parts.push(" ");
        walk(n.children);
        if (spaced) parts.push(" ");
      }
    }
  };
  walk(parseDocument(normalizeBody(body), { decodeEntities: true }).children);
  return squish(parts.join(""));
}

/** Whether a body has nothing a reader would see (no text, no image). */
export function isBodyEmpty(body: string): boolean {
  return bodyToText(body) === "" && !/<img\b/i.test(normalizeBody(body));
}
