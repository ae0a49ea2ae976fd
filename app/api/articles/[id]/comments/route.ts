import { NextResponse } from "next/server";
import { submitComment, type CommentErrorCode } from "@/lib/actions/comments";
import { env } from "@/lib/env";
import { parseArticleId } from "@/lib/url";
import { clientAddress } from "@/lib/client-address";

type Ctx = { params: Promise<{ id: string }> };

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
 * GET /api/articles/<id>/comment-token, at least 3 s before). Same rules as the form. Cross-site requests are refused: JSON bodies
 * cannot be sent by a plain HTML form, and a present Origin must be this site's.
 */
export async function POST(req: Request, { params }: Ctx) {
  const id = parseArticleId((await params).id);
  if (id === null)
    return NextResponse.json(
      { status: "error", code: "not-found", message: "评论的新闻不存在" },
      { status: 404 },
    );
  const origin = req.headers.get("origin");
  const host = req.headers.get("host");
  if (origin && origin !== env.SITE_URL && new URL(origin).host !== host) {
    return NextResponse.json(
      { status: "error", code: "forbidden", message: "跨站请求被拒绝" },
      { status: 403 },
    );
  }
  if (!(req.headers.get("content-type") ?? "").includes("application/json")) {
    return NextResponse.json(
      { status: "error", code: "invalid", message: "请以 JSON 提交" },
      { status: 415 },
    );
  }
  let body: unknown;
  try {
    body = await req.json();
  } catch {
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
