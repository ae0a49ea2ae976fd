// Starting a story from a Word document (multipart: file). Answers JSON: { ok: true, title, body,
// warnings } with the body in the stored form (lib/body/import/docx.ts), or { ok: false, message }
// with a reason in Chinese (400 for what the file is, 413 too large, 401/403 for the session).
// Nothing is saved but the document's images, stored as uploads; the editor form takes the rest.
// A route handler, not a server action, because actions accept 1 MB bodies; like the image upload
// it therefore checks the Origin itself besides the session and role.
import { guardAction } from "@/lib/auth/guard";
import { isSameOrigin } from "@/lib/same-origin";
import { BodyTooLargeError, declaredLength, readBodyCapped } from "@/lib/http/request-body";
import { DOCX_MESSAGES, MAX_DOCX_BYTES, importDocx } from "@/lib/body/import/docx";
import { bodyImageStorerFor } from "@/lib/body/import/store-upload";

const MAX_REQUEST_BYTES = MAX_DOCX_BYTES + 64 * 1024;

function refuse(status: number, message: string): Response {
  return Response.json({ ok: false, message }, { status, headers: { "Cache-Control": "no-store" } });
}

export async function POST(request: Request): Promise<Response> {
  if (!isSameOrigin(request.headers)) return refuse(403, "请求来源无效");
  const guard = await guardAction();
  if (!guard.ok) return refuse(guard.status, guard.message);

  const declared = declaredLength(request.headers.get("content-length"));
  if (declared !== null && declared > MAX_REQUEST_BYTES) return refuse(413, DOCX_MESSAGES.tooLarge);
  let raw: Buffer;
  try {
    raw = await readBodyCapped(request.body, MAX_REQUEST_BYTES);
  } catch (error) {
    if (error instanceof BodyTooLargeError) return refuse(413, DOCX_MESSAGES.tooLarge);
    throw error;
  }
  let form: FormData;
  try {
    form = await new Response(new Uint8Array(raw), {
      headers: { "content-type": request.headers.get("content-type") ?? "" },
    }).formData();
  } catch {
    return refuse(400, "上传的数据无法读取，请重试");
  }
  const file = form.get("file");
  if (!(file instanceof File)) return refuse(400, DOCX_MESSAGES.empty);
  const bytes = Buffer.from(await file.arrayBuffer());
  if (bytes.length > MAX_DOCX_BYTES) return refuse(413, DOCX_MESSAGES.tooLarge);

  const result = await importDocx(bytes, await bodyImageStorerFor(guard.user));
  if (!result.ok) return refuse(400, result.message);
  return Response.json(
    { ok: true, title: result.title, body: result.body, warnings: result.warnings },
    { headers: { "Cache-Control": "no-store" } },
  );
}
