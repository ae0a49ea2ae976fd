// What every story write does once it has succeeded, besides what its transaction recorded for the
// caches (lib/articles/service.ts): refresh "you may like" lists after the response has been sent.
import "server-only";
import { after } from "next/server";
import { getDb } from "@/lib/db";
import { refreshSimilarFor } from "@/lib/similarity/store";

export function afterArticleWrite(articleId: number, touchesReaders: boolean): void {
  if (!touchesReaders) return;
  // Published, or just taken down: its own list and its neighbours' lists change. TF-IDF over at
  // most a few hundred candidates (lib/similarity/store.ts), whatever the archive's size, and not
  // on the editor's time. Pages pick the new lists up within their lifetime (TTL.views).
  after(async () => {
    try {
      await refreshSimilarFor(await getDb(), articleId);
    } catch (error) {
      console.error(`similarity refresh for article ${articleId} failed:`, error);
    }
  });
}
