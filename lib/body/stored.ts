// The body columns of a story written from Markdown (the demo seed, test fixtures): the stored
// form, its reader HTML and its text, as a save through the editor would write them.
import { markdownToBody } from "@/lib/body/markdown";
import { renderReaderBody } from "@/lib/body/render";
import { bodyToText } from "@/lib/body/text";

export function storedBody(markdown: string): {
  body: string;
  bodyFormat: "html";
  bodyHtml: string;
  bodyText: string;
} {
  const body = markdownToBody(markdown);
  return { body, bodyFormat: "html", bodyHtml: renderReaderBody(body), bodyText: bodyToText(body) };
}
