// Gallery upload (multipart: files, several at once, and credit). A route handler, not a server
// action, because actions accept 1 MB bodies; like the lead image upload it therefore checks the
// Origin itself besides the session and role. It answers with a 303 to the gallery page, the
// outcome in its address: the plain HTML form works without JavaScript.
import { guardAction } from "@/lib/auth/guard";
import { isSameOrigin } from "@/lib/same-origin";
import { BodyTooLargeError, declaredLength, readBodyCapped } from "@/lib/http/request-body";
import { MAX_IMAGE_BYTES } from "@/lib/images/upload";
import { uploadToGallery } from "@/lib/galleries/upload";
import { GALLERY_LIMITS } from "@/lib/galleries/rules";
import { encodeOutcome, type UploadOutcome } from "@/lib/galleries/upload-outcome";
import { parseAdminArticleId } from "@/app/admin/(protected)/articles/article-id";

const MAX_REQUEST_BYTES = GALLERY_LIMITS.filesPerUpload * MAX_IMAGE_BYTES + 64 * 1024;

function back(request: Request, articleId: number, outcome: UploadOutcome): Response {
  const url = new URL(`/admin/articles/${articleId}/gallery`, request.url);
  url.searchParams.set("upload", encodeOutcome(outcome));
  // Relative Location: the browser resolves it against the address it used (behind a proxy too).
  return new Response(null, {
    status: 303,
    headers: { Location: `${url.pathname}${url.search}`, "Cache-Control": "no-store" },
  });
}

export async function POST(request: Request, ctx: { params: Promise<{ id: string }> }): Promise<Response> {
  if (!isSameOrigin(request.headers))
    return Response.json(
      { ok: false, message: "请求来源无效" },
      { status: 403, headers: { "Cache-Control": "no-store" } },
    );
  const articleId = parseAdminArticleId((await ctx.params).id);
  if (articleId === null) return new Response("没有这篇稿件", { status: 404 });
  const none = { added: 0, duplicates: 0, refused: [] };
  const guard = await guardAction();
  if (!guard.ok) return back(request, articleId, { ...none, error: guard.message });
  const tooLarge = `一次上传的图片合计过大（每张最多 ${MAX_IMAGE_BYTES / 1024 / 1024} MB，一次最多 ${GALLERY_LIMITS.filesPerUpload} 张）`;
  const declared = declaredLength(request.headers.get("content-length"));
  if (declared !== null && declared > MAX_REQUEST_BYTES)
    return back(request, articleId, { ...none, error: tooLarge });
  let body: Buffer;
  try {
    body = await readBodyCapped(request.body, MAX_REQUEST_BYTES);
  } catch (error) {
    if (error instanceof BodyTooLargeError) return back(request, articleId, { ...none, error: tooLarge });
    throw error;
  }
  let form: FormData;
  try {
    form = await new Response(new Uint8Array(body), {
      headers: { "content-type": request.headers.get("content-type") ?? "" },
    }).formData();
  } catch {
    return back(request, articleId, { ...none, error: "上传的数据无法读取，请重试" });
  }
  const files = await Promise.all(
    form
      .getAll("files")
      .filter((f): f is File => f instanceof File)
      .map(async (f) => ({ name: f.name, bytes: Buffer.from(await f.arrayBuffer()) })),
  );
  const credit = form.get("credit");
  const outcome = await uploadToGallery(
    guard.user,
    articleId,
    files,
    typeof credit === "string" ? credit : "",
  );
  return back(request, articleId, outcome);
}
