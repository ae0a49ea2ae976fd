import "server-only";
import { cached } from "@/lib/cache/memo";
import { getDb } from "@/lib/db";
import { TAGS, TTL } from "@/lib/data/cache-tags";
import { cardSelect, inOrder, toCard } from "@/lib/data/cards";
import { isVisible } from "@/lib/data/visibility";
import { withdrawnIds } from "@/lib/data/withdrawn";
import { PAGE_SIZE } from "@/lib/pagination";
import { resultSnippet } from "@/lib/search-text";
import { searchArticleIds } from "@/lib/search-store";
import type { ArticleCard } from "@/lib/data/types";

export interface SearchResult extends ArticleCard {
  /** Plain text to show under the title: the summary, or the body around the first match. */
  snippet: string;
}

export interface SearchResultPage {
  items: SearchResult[];
  /** Matches found, at most SEARCH_MAX_MATCHES (lib/search-text.ts). */
  total: number;
  /** More stories match than were looked at: the newest SEARCH_MAX_MATCHES are shown. */
  capped: boolean;
}

export interface SearchInput {
  /** Parsed words (lib/search-text.ts parseSearchQuery); all must occur. */
  terms: readonly string[];
  channelId: number | null;
  page: number;
  /** The current minute (lib/time.ts minuteNow): later stories are not yet visible. */
  nowMs: number;
}

/** Results kept per process: the queries of a news day (a flood, a festival) are few and repeated. */
export const SEARCH_CACHE_ENTRIES = 500;

/**
 * One page of visible stories matching the query: title matches first, then newest first.
 * Cached for the minute in a pool of its own, so what readers type never pushes the shared
 * reads out, while a crowd searching the same words costs one query a minute.
 */
export const searchArticles = cached(
  "searchArticles",
  { ttlMs: TTL.lists, tags: () => [TAGS.site], pool: { name: "search", maxEntries: SEARCH_CACHE_ENTRIES } },
  findArticles,
);

async function findArticles({ terms, channelId, page, nowMs }: SearchInput): Promise<SearchResultPage> {
  if (terms.length === 0) return { items: [], total: 0, capped: false };
  const db = await getDb();
  const { ids, total, capped } = await searchArticleIds(db, {
    terms,
    channelId,
    now: new Date(nowMs),
    withdrawn: await withdrawnIds(nowMs),
    limit: PAGE_SIZE,
    offset: (page - 1) * PAGE_SIZE,
  });
  if (ids.length === 0) return { items: [], total, capped };
  // By primary key, visibility checked here: with it in SQL the planner may walk the status index.
  const rows = await db.article.findMany({
    where: { id: { in: ids } },
    select: { ...cardSelect, bodyText: true, status: true, unpublishAt: true },
  });
  const items = inOrder(
    ids,
    rows.filter((r) => isVisible(r, nowMs)),
  ).map((row) => ({
    ...toCard(row),
    snippet: resultSnippet(row.summary, row.bodyText, terms),
  }));
  return { items, total, capped };
}
