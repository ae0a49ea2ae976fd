// "粘贴 Markdown" in the editor: Markdown → the stored form of a body (lib/body/markdown.ts),
// which the editor inserts at the cursor.
import { markdownToBody } from "@/lib/body/markdown";
import { answer, readTextField } from "../request";

export async function POST(request: Request): Promise<Response> {
  const markdown = await readTextField(request, "markdown");
  if (markdown instanceof Response) return markdown;
  return answer(200, { ok: true, html: markdownToBody(markdown) });
}
