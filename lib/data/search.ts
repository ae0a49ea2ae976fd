import "server-only";
import { getDb } from "@/lib/db";
import { cardSelect, inOrder, toCard } from "@/lib/data/cards";
import { visibleWhere } from "@/lib/data/visibility";
import { PAGE_SIZE } from "@/lib/pagination";
import { resultSnippet } from "@/lib/search-text";
import { searchArticleIds } from "@/lib/sqlite";
import type { ArticleCard } from "@/lib/data/types";

export interface SearchResult extends ArticleCard {
  /** Plain text to show under the title: the summary, or the body around the first match. */
  snippet: string;
}

export interface SearchResultPage {
  items: SearchResult[];
  total: number;
}

export interface SearchInput {
  /** Parsed words (lib/search-text.ts parseSearchQuery); all must occur. */
  terms: readonly string[];
  channelId: number | null;
  page: number;
  /** The current minute (lib/time.ts minuteNow): later stories are not yet visible. */
  nowMs: number;
}

/**
 * One page of visible stories matching the query: title matches first, then newest first.
 *
 * Not cached, unlike the other reads: every reader's query is different, so cached results would
 * rarely be hit again and would push the shared pages' entries out of the bounded cache.
 */
export async function searchArticles({ terms, channelId, page, nowMs }: SearchInput): Promise<SearchResultPage> {
  if (terms.length === 0) return { items: [], total: 0 };
  const db = await getDb();
  const { ids, total } = await searchArticleIds(db, {
    terms,
    channelId,
    now: new Date(nowMs),
    limit: PAGE_SIZE,
    offset: (page - 1) * PAGE_SIZE,
  });
  if (ids.length === 0) return { items: [], total };
  const rows = await db.article.findMany({
    where: { id: { in: ids }, ...visibleWhere(nowMs) },
    select: { ...cardSelect, bodyText: true },
  });
  const items = inOrder(ids, rows).map((row) => ({
    ...toCard(row),
    snippet: resultSnippet(row.summary, row.bodyText, terms),
  }));
  return { items, total };
}
