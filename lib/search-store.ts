// Site search in the store the client talks to: FTS5 in SQLite (lib/sqlite.ts), pg_trgm in
// PostgreSQL (lib/postgres/search.ts). Same arguments and results on both.
import { clientDialect, type PrismaClient } from "@/lib/prisma-factory";
import * as sqlite from "@/lib/sqlite";
import * as postgres from "@/lib/postgres/search";
import * as postgresTitles from "@/lib/postgres/admin-titles";
import type { ArticleSearchPage, ArticleSearchQuery } from "@/lib/search-text";
import type { TitleNarrowing } from "@/lib/admin-list";

const store = (db: PrismaClient) => (clientDialect(db) === "postgresql" ? postgres : sqlite);

/** One page of visible stories containing every term (see lib/sqlite.ts searchArticleIds). */
export function searchArticleIds(db: PrismaClient, q: ArticleSearchQuery): Promise<ArticleSearchPage> {
  return store(db).searchArticleIds(db, q);
}

/**
 * Ids of the stories whose title contains every term, among those of a channel and stored status
 * when given; null when more than `cap` do (the editor's story list, lib/data/admin-articles.ts).
 */
export function titleMatchIds(
  db: PrismaClient,
  terms: readonly string[],
  narrow: TitleNarrowing,
  cap: number,
): Promise<number[] | null> {
  return (clientDialect(db) === "postgresql" ? postgresTitles : sqlite).titleMatchIds(db, terms, narrow, cap);
}

/** Rebuilds the search index from the stories. */
export function rebuildArticleSearch(db: PrismaClient): Promise<void> {
  return store(db).rebuildArticleSearch(db);
}

/** True when the search index is sound. */
export function checkArticleSearch(db: PrismaClient): Promise<boolean> {
  return store(db).checkArticleSearch(db);
}
