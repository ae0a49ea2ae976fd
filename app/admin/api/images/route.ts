// Image upload for the article form (multipart: file, alt, caption, credit). A route handler, not
// a server action, because actions accept 1 MB bodies and images may be 8 MB. It therefore does
// its own CSRF check (Origin must be this host) besides the session and role check.
import { guardAction } from "@/lib/auth/guard";
import { isSameOrigin } from "@/lib/same-origin";
import { BodyTooLargeError, declaredLength, readBodyCapped } from "@/lib/http/request-body";
import { MAX_UPLOAD_REQUEST_BYTES, UPLOAD_MESSAGES, uploadImage } from "@/lib/images/upload";

function refuse(status: number, message: string): Response {
  return Response.json({ ok: false, message }, { status, headers: { "Cache-Control": "no-store" } });
}

function field(form: FormData, name: string): string {
  const v = form.get(name);
  return typeof v === "string" ? v : "";
}

export async function POST(request: Request): Promise<Response> {
  if (!isSameOrigin(request.headers)) return refuse(403, "请求来源无效");
  const guard = await guardAction();
  if (!guard.ok) return refuse(guard.status, guard.message);

  // Refuse by the declared size before reading anything, then count the bytes that really arrive.
  const declared = declaredLength(request.headers.get("content-length"));
  if (declared !== null && declared > MAX_UPLOAD_REQUEST_BYTES) return refuse(413, UPLOAD_MESSAGES.tooLarge);
  let body: Buffer;
  try {
    body = await readBodyCapped(request.body, MAX_UPLOAD_REQUEST_BYTES);
  } catch (error) {
    if (error instanceof BodyTooLargeError) return refuse(413, UPLOAD_MESSAGES.tooLarge);
    throw error;
  }
  let form: FormData;
  try {
    form = await new Response(new Uint8Array(body), {
      headers: { "content-type": request.headers.get("content-type") ?? "" },
    }).formData();
  } catch {
    return refuse(400, "上传的数据无法读取，请重试");
  }
  const file = form.get("file");
  if (!(file instanceof File)) return refuse(400, UPLOAD_MESSAGES.empty);

  const result = await uploadImage(guard.user, Buffer.from(await file.arrayBuffer()), {
    alt: field(form, "alt"),
    caption: field(form, "caption"),
    credit: field(form, "credit"),
  });
  if (!result.ok) return refuse(result.status, result.message);
  return Response.json(
    { ok: true, image: result.image, reused: result.reused },
    { status: result.reused ? 200 : 201, headers: { "Cache-Control": "no-store" } },
  );
}
