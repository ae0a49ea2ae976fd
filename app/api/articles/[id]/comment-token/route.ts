import { NextResponse } from "next/server";
import { issueFormToken } from "@/lib/comments/policy";
import { env } from "@/lib/env";
import { parseArticleId } from "@/lib/url";

type Ctx = { params: Promise<{ id: string }> };

/**
 * A fresh comment-form token for one story. The comment form asks for it when a reader starts
 * writing, so that article pages carry nothing per reader and stay cached whole; the token's
 * time is when the reader began (the minimum fill time counts from there).
 */
export async function GET(_req: Request, { params }: Ctx) {
  const id = parseArticleId((await params).id);
  if (id === null) return NextResponse.json({ message: "评论的新闻不存在" }, { status: 404 });
  return NextResponse.json(
    { token: issueFormToken(id, Date.now(), env.APP_SECRET) },
    { headers: { "Cache-Control": "private, no-store" } },
  );
}
