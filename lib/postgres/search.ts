// Site search on PostgreSQL: the twin of the search functions of lib/sqlite.ts (same arguments,
// same results). The index is a GIN trigram index (pg_trgm) over title, summary and bodyText,
// created by prisma/postgresql/migrations/20261130140300_search and kept up to date by PostgreSQL.
// The Prisma client is typed as the SQLite one (lib/prisma-factory.ts); Prisma.sql is the same
// runtime for both clients.
import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import {
  SEARCH_MAX_MATCHES,
  isFtsTerm,
  likeContains,
  rankMatches,
  type ArticleSearchPage,
  type ArticleSearchQuery,
  type SearchMatch,
} from "@/lib/search-text";

export const SEARCH_INDEX = "Article_search_trgm_idx";

/**
 * The indexed expression, written exactly as in the migration: the planner uses the index only
 * for this very expression. Terms never contain whitespace, so a match in the joined text lies
 * inside one column.
 */
const SEARCHED_TEXT = Prisma.sql`(a."title" || E'\\n' || a."summary" || E'\\n' || a."bodyText")`;

/** ILIKE is case-insensitive like SQLite's trigram tokenizer and LIKE; %, _ and \ are escaped. */
const contains = (text: Prisma.Sql, term: string) =>
  Prisma.sql`${text} ILIKE ${likeContains(term)} ESCAPE '\\'`;

/**
 * Visible stories containing every term; see lib/sqlite.ts searchArticleIds for the contract.
 * Terms of three or more characters are ILIKE conditions on the indexed expression (a bitmap scan
 * of the trigram index, rechecked on the rows). Shorter ones give no trigram; they are ILIKE
 * conditions on the three columns one by one, which no index matches, so a query of short words
 * only walks the visible stories newest first (Article_status_publishedAt_idx, or the channel's)
 * and stops at the cap, as SQLite does.
 *
 * `publishedAt` is TIMESTAMP(3) holding UTC and the adapter binds a Date as UTC text: no time zone
 * is involved.
 */
export async function searchArticleIds(db: PrismaClient, q: ArticleSearchQuery): Promise<ArticleSearchPage> {
  if (q.terms.length === 0) return { ids: [], total: 0, capped: false };
  const conditions: Prisma.Sql[] = [
    Prisma.sql`a."status" = 'published'`,
    Prisma.sql`a."publishedAt" <= ${q.now}`,
  ];
  if (q.channelId !== null) conditions.push(Prisma.sql`a."channelId" = ${q.channelId}`);
  for (const term of q.terms) {
    conditions.push(
      isFtsTerm(term)
        ? contains(SEARCHED_TEXT, term)
        : Prisma.sql`(${contains(Prisma.sql`a."title"`, term)} OR ${contains(Prisma.sql`a."summary"`, term)} OR ${contains(Prisma.sql`a."bodyText"`, term)})`,
    );
  }
  // One more than the cap, to know whether there are more.
  const matches = await db.$queryRaw<SearchMatch[]>`
    SELECT a."id" AS "id", a."title" AS "title", a."publishedAt" AS "publishedAt"
    FROM "Article" a WHERE ${Prisma.join(conditions, " AND ")}
    ORDER BY a."publishedAt" DESC, a."id" DESC LIMIT ${SEARCH_MAX_MATCHES + 1}`;
  return rankMatches(matches, q);
}

/**
 * Rebuilds the trigram index (REINDEX). PostgreSQL keeps a GIN index in step with the table by
 * itself, so this is for a damaged or bloated index, not for keeping up with edits. It runs
 * without the connection's statement timeout (a large archive takes minutes) and, like any plain
 * REINDEX, blocks writes to stories and searches through the index while it runs.
 */
export async function rebuildArticleSearch(db: PrismaClient): Promise<void> {
  await db.$transaction(
    async (tx) => {
      await tx.$executeRaw`SET LOCAL statement_timeout = 0`;
      await tx.$executeRawUnsafe(`REINDEX INDEX "${SEARCH_INDEX}"`);
    },
    { timeout: 60 * 60_000 },
  );
}

/**
 * True when the search index exists, is valid and ready (a failed CREATE INDEX CONCURRENTLY or
 * REINDEX leaves it invalid, and the planner then ignores it), and pg_trgm finds trigrams in
 * Chinese text under the database's locale (it does not under LC_CTYPE=C: every search would
 * then read the whole index).
 */
export async function checkArticleSearch(db: PrismaClient): Promise<boolean> {
  try {
    const rows = await db.$queryRaw<{ ok: boolean }[]>`
      SELECT (i."indisvalid" AND i."indisready" AND cardinality(show_trgm('融水苗族')) > 0) AS "ok"
      FROM pg_index i WHERE i."indexrelid" = to_regclass(${`"${SEARCH_INDEX}"`})`;
    return rows[0]?.ok === true;
  } catch {
    return false;
  }
}
