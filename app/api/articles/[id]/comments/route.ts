import { NextResponse } from "next/server";
import { submitComment, type CommentErrorCode } from "@/lib/comments/submit";
import { parseArticleId } from "@/lib/url";
import { clientAddress } from "@/lib/client-address";
import { ORIGIN_MESSAGES, checkOrigin } from "@/lib/same-origin";
import { BodyTooLargeError, declaredLength, readBodyCapped } from "@/lib/http/request-body";

type Ctx = { params: Promise<{ id: string }> };

/** A comment is at most 500 characters (4 bytes each in UTF-8, 6 as \u escapes) plus a nickname and a token. */
const MAX_COMMENT_REQUEST_BYTES = 16 * 1024;
const TOO_LARGE = {
  status: "error",
  code: "too-large",
  message: "提交的内容过大（评论最多 500 字）",
} as const;

const STATUS: Record<CommentErrorCode, number> = {
  invalid: 400,
  "not-found": 404,
  expired: 400,
  "too-fast": 429,
  banned: 403,
  blocked: 422,
  duplicate: 409,
  "rate-limited": 429,
  unavailable: 503,
};

/**
 * Post a comment as JSON: { nickname?, body, token, website? } (the token comes from
 * GET /api/articles/<id>/comment-token, at least 3 s before). Same rules as the form. Cross-site
 * requests are refused: JSON bodies cannot be sent by a plain HTML form, and a present Origin must
 * be this site's, scheme and port included (`null` and malformed values are refused: 403). The
 * body is read up to MAX_COMMENT_REQUEST_BYTES (413 beyond).
 */
export async function POST(req: Request, { params }: Ctx) {
  const id = parseArticleId((await params).id);
  if (id === null)
    return NextResponse.json(
      { status: "error", code: "not-found", message: "评论的新闻不存在" },
      { status: 404 },
    );
  const origin = checkOrigin(req.headers, { allowMissing: true });
  if (!origin.ok) {
    return NextResponse.json(
      { status: "error", code: "forbidden", message: ORIGIN_MESSAGES[origin.reason] },
      { status: 403 },
    );
  }
  if (!(req.headers.get("content-type") ?? "").includes("application/json")) {
    return NextResponse.json(
      { status: "error", code: "invalid", message: "请以 JSON 提交" },
      { status: 415 },
    );
  }
  const declared = declaredLength(req.headers.get("content-length"));
  if (declared !== null && declared > MAX_COMMENT_REQUEST_BYTES) {
    return NextResponse.json(TOO_LARGE, { status: 413 });
  }
  let body: unknown;
  try {
    const bytes = await readBodyCapped(req.body, MAX_COMMENT_REQUEST_BYTES);
    body = JSON.parse(bytes.toString("utf8"));
  } catch (error) {
    if (error instanceof BodyTooLargeError) return NextResponse.json(TOO_LARGE, { status: 413 });
    return NextResponse.json({ status: "error", code: "invalid", message: "JSON 格式错误" }, { status: 400 });
  }
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    return NextResponse.json({ status: "error", code: "invalid", message: "JSON 格式错误" }, { status: 400 });
  }
  const state = await submitComment(
    { ...(body as Record<string, unknown>), articleId: id },
    { address: clientAddress(req.headers) },
  );
  const status =
    state.status === "error" ? STATUS[state.code ?? "invalid"] : state.status === "approved" ? 201 : 202;
  return NextResponse.json(state, { status, headers: { "Cache-Control": "no-store" } });
}
