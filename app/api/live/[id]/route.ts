import { createHash } from "node:crypto";
import { getArticle } from "@/lib/data/articles";
import { getLiveCoverage } from "@/lib/data/live";
import { isVisible } from "@/lib/data/visibility";
import { notFoundResponse } from "@/lib/syndication";
import { parseId } from "@/lib/http/params";

// The endpoint an open live story polls. Cached whole like the reader pages and feeds
// (PAGE_REVALIDATE_S), keyed by its path and dropped by the story's tag (lib/cache/page-tags.ts)
// when an editor writes: a warm poll costs no query and no render, whatever the crowd.
export const revalidate = 20;
export function generateStaticParams(): { id: string }[] {
  return [];
}

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  // Digits only: one cached answer per story (page-tags.ts matches the same shape).
  const id = parseId((await params).id);
  const article = id === null ? null : await getArticle(id);
  const view = article && isVisible(article, Date.now()) ? await getLiveCoverage(article.id) : null;
  if (!view) return notFoundResponse();
  const body = JSON.stringify(view);
  return new Response(body, {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      // Computed once per render and kept with the cached answer: a client (or nginx's micro-cache
      // in front) can tell an unchanged answer without reading it.
      ETag: `"${createHash("sha256").update(body).digest("base64url").slice(0, 22)}"`,
    },
  });
}
