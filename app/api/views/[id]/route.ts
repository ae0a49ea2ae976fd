import { NextResponse } from "next/server";
import { getArticle } from "@/lib/data/articles";
import { isVisible } from "@/lib/data/visibility";
import { recordView } from "@/lib/views/record-view";
import { parseArticleId } from "@/lib/url";
import { getViewTotal } from "@/lib/data/views";
import { clientAddress } from "@/lib/client-address";

type Ctx = { params: Promise<{ id: string }> };

/** View beacon for a visible story (see recordView for what counts). 404 for unknown stories. */
export async function POST(req: Request, { params }: Ctx) {
  const id = parseArticleId((await params).id);
  const article = id === null ? null : await getArticle(id);
  if (id === null || !article || !isVisible(article, Date.now())) {
    return NextResponse.json({ error: "未找到该新闻" }, { status: 404 });
  }
  const outcome = recordView(id, {
    address: clientAddress(req.headers),
    userAgent: req.headers.get("user-agent"),
  });
  // 204 either way: a beacon has no use for the outcome; the header helps tests and load scripts.
  return new NextResponse(null, { status: 204, headers: { "X-View": outcome } });
}

/** Current lifetime view count of a visible story (never cached). */
export async function GET(_req: Request, { params }: Ctx) {
  const id = parseArticleId((await params).id);
  const article = id === null ? null : await getArticle(id);
  if (id === null || !article || !isVisible(article, Date.now())) {
    return NextResponse.json({ error: "未找到该新闻" }, { status: 404 });
  }
  return NextResponse.json(
    { id, views: await getViewTotal(id) },
    { headers: { "Cache-Control": "no-store" } },
  );
}
