// The editor's live preview: the body as typed → the reader page's HTML, by the renderer a save
// uses (lib/body/render.ts). Nothing is stored.
import { renderReaderBody } from "@/lib/body/render";
import { answer, readTextField } from "../request";

export async function POST(request: Request): Promise<Response> {
  const body = await readTextField(request, "body");
  if (body instanceof Response) return body;
  return answer(200, { ok: true, html: renderReaderBody(body) });
}
