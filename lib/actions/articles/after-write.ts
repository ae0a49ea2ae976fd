// What every story write does once it has succeeded: drop exactly the cache entries it touched,
// and refresh "you may like" lists after the response has been sent.
import "server-only";
import { after } from "next/server";
import { getDb } from "@/lib/db";
import { invalidateTags } from "@/lib/cache/memo";
import { TAGS } from "@/lib/data/cache-tags";
import { refreshSimilarFor } from "@/lib/actions/similarity";

export function afterArticleWrite(articleId: number, touchesReaders: boolean): void {
  invalidateTags(TAGS.articleLists, TAGS.article(articleId));
  if (!touchesReaders) return;
  // Published, or just taken down: its own list and its neighbours' lists change. A few hundred
  // milliseconds of TF-IDF over the corpus, so not on the editor's time.
  after(async () => {
    try {
      await refreshSimilarFor(await getDb(), articleId);
    } catch (error) {
      console.error(`similarity refresh for article ${articleId} failed:`, error);
    }
  });
}
