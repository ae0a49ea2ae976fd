// The editor's body routes (live preview, Markdown import): JSON in, JSON out, for a signed-in
// editor only. Route handlers rather than server actions because they answer while the editor
// types, without the form; so they check the origin themselves (as the image upload does).
import { guardAction } from "@/lib/auth/guard";
import { BodyTooLargeError, declaredLength, readBodyCapped } from "@/lib/http/request-body";
import { LIMITS } from "@/lib/articles/limits";
import { isSameOrigin } from "@/lib/same-origin";
import { cleanMultiline } from "@/lib/text";

/** The HTML a body may have, in UTF-8 bytes (three per CJK character), with room for the JSON. */
const MAX_BYTES = LIMITS.bodyHtml * 3 + 1024;

export function answer(status: number, json: Record<string, unknown>): Response {
  return Response.json(json, { status, headers: { "Cache-Control": "no-store" } });
}

/** The string field `name` of the request's JSON, or the Response refusing the request. */
export async function readTextField(request: Request, name: string): Promise<string | Response> {
  if (!isSameOrigin(request.headers)) return answer(403, { ok: false, message: "请求来源无效" });
  const guard = await guardAction();
  if (!guard.ok) return answer(guard.status, { ok: false, message: guard.message });
  const tooLarge = () => answer(413, { ok: false, message: "正文太长，无法处理" });
  const declared = declaredLength(request.headers.get("content-length"));
  if (declared !== null && declared > MAX_BYTES) return tooLarge();
  let raw: Buffer;
  try {
    raw = await readBodyCapped(request.body, MAX_BYTES);
  } catch (error) {
    if (error instanceof BodyTooLargeError) return tooLarge();
    throw error;
  }
  let json: unknown;
  try {
    json = JSON.parse(raw.toString("utf8"));
  } catch {
    return answer(400, { ok: false, message: "请求无效" });
  }
  const value = json && typeof json === "object" ? (json as Record<string, unknown>)[name] : undefined;
  if (typeof value !== "string") return answer(400, { ok: false, message: "请求无效" });
  return cleanMultiline(value);
}
