// Site search on PostgreSQL: the twin of the search functions of lib/sqlite.ts (same arguments,
// same results). The indexes are a GIN trigram index (pg_trgm) over title, summary and bodyText,
// created by prisma/postgresql/migrations/20261130140300_search, for words of three or more
// characters, and a GIN index over the single characters and adjacent pairs of the same text
// (…/20261130200500_search_bigrams) for shorter ones; PostgreSQL keeps both up to date.
// The Prisma client is typed as the SQLite one (lib/prisma-factory.ts); Prisma.sql is the same
// runtime for both clients.
import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import {
  SEARCH_MAX_MATCHES,
  SEARCH_RECENT_WINDOW,
  isFtsTerm,
  likeContains,
  rankMatches,
  type ArticleSearchPage,
  type ArticleSearchQuery,
  type SearchMatch,
} from "@/lib/search-text";

export const SEARCH_INDEX = "Article_search_trgm_idx";
export const GRAM_INDEX = "Article_search_grams_idx";
/** The editor list's title search (lib/postgres/admin-titles.ts). */
export const TITLE_GRAM_INDEX = "Article_title_grams_idx";

/**
 * The indexed expression, written exactly as in the migration: the planner uses the index only
 * for this very expression. Terms never contain whitespace, so a match in the joined text lies
 * inside one column.
 */
const SEARCHED_TEXT = Prisma.sql`(a."title" || E'\\n' || a."summary" || E'\\n' || a."bodyText")`;

/**
 * Case-insensitive like SQLite's trigram tokenizer and LIKE: ILIKE, or LIKE for a term without
 * upper or lower case (Chinese, digits, punctuation), which matches the same rows about three
 * times faster (ILIKE lower-cases every text it reads). %, _ and \ are escaped. The trigram index
 * (gin_trgm_ops) answers both.
 */
const contains = (text: Prisma.Sql, term: string) =>
  term.toLowerCase() === term && term.toUpperCase() === term
    ? Prisma.sql`${text} LIKE ${likeContains(term)} ESCAPE '\\'`
    : Prisma.sql`${text} ILIKE ${likeContains(term)} ESCAPE '\\'`;

/** A term in any of the three columns, one by one: no index matches this. */
const inColumns = (row: string, term: string) => {
  const r = Prisma.raw(row);
  return Prisma.sql`(${contains(Prisma.sql`${r}."title"`, term)} OR ${contains(Prisma.sql`${r}."summary"`, term)} OR ${contains(Prisma.sql`${r}."bodyText"`, term)})`;
};

/**
 * Visible stories containing every term; see lib/sqlite.ts searchArticleIds for the contract.
 *
 * The planner cannot estimate how many stories an ILIKE '%…%' matches (it guessed 14 % for a
 * phrase in 20 of 50,000 stories and 5 rows for one in 48,000), so the plan is not left to it:
 * first the newest SEARCH_RECENT_WINDOW visible stories (Article_status_publishedAt_idx, or the
 * channel's), checked one by one (bounded work; enough for a common word, and all there is when
 * fewer stories are visible), and when they hold no more than SEARCH_MAX_MATCHES matches, an
 * index, visibility and channel filtered after it:
 * - a bitmap scan of the trigram index for the words of three or more characters, in a
 *   materialized CTE so that it cannot be traded for a walk of the whole table, each candidate
 *   rechecked by PostgreSQL (short words too);
 * - when every word is shorter, the gram index, through difang_search_gram_matches (which keeps
 *   the planner from a sequential scan computing every story's grams): `@>` of the words' grams,
 *   exact (lower() of the text holds lower() of the word exactly when ILIKE finds it; for a word
 *   without case, LIKE, the same rows: lower() changes no character of it).
 * Its cost grows with the number of matches of the rarest word: a word in, say, a tenth of a large
 * archive is the slow case.
 *
 * `publishedAt` is TIMESTAMP(3) holding UTC and the adapter binds a Date as UTC text: no time zone
 * is involved.
 */
export async function searchArticleIds(db: PrismaClient, q: ArticleSearchQuery): Promise<ArticleSearchPage> {
  if (q.terms.length === 0) return { ids: [], total: 0, capped: false };
  const visible = (row: string) => {
    const r = Prisma.raw(row);
    const conditions = [Prisma.sql`${r}."status" = 'published'`, Prisma.sql`${r}."publishedAt" <= ${q.now}`];
    if (q.channelId !== null) conditions.push(Prisma.sql`${r}."channelId" = ${q.channelId}`);
    if (q.withdrawn?.length) conditions.push(Prisma.sql`${r}."id" NOT IN (${Prisma.join([...q.withdrawn])})`);
    return Prisma.join(conditions, " AND ");
  };
  const allInColumns = (row: string) =>
    Prisma.join(
      q.terms.map((t) => inColumns(row, t)),
      " AND ",
    );
  // One more than the cap, to know whether there are more.
  const cap = SEARCH_MAX_MATCHES + 1;
  // The subquery's LIMIT keeps it a walk of the newest stories; the terms are checked after it.
  const recent = await db.$queryRaw<SearchMatch[]>`
    SELECT r."id" AS "id", r."title" AS "title", r."publishedAt" AS "publishedAt"
    FROM (SELECT a."id", a."title", a."summary", a."bodyText", a."publishedAt" FROM "Article" a
          WHERE ${visible("a")} ORDER BY a."publishedAt" DESC, a."id" DESC
          LIMIT ${SEARCH_RECENT_WINDOW}) AS r
    WHERE ${allInColumns("r")}
    ORDER BY r."publishedAt" DESC, r."id" DESC LIMIT ${cap}`;
  if (recent.length === cap) return rankMatches(recent, q);
  // Fewer visible stories than the window (a small channel): the window held them all.
  const beyond = await db.$queryRaw<{ id: number }[]>`
    SELECT a."id" FROM "Article" a WHERE ${visible("a")}
    ORDER BY a."publishedAt" DESC, a."id" DESC LIMIT ${1} OFFSET ${SEARCH_RECENT_WINDOW - 1}`;
  if (beyond.length === 0) return rankMatches(recent, q);
  const matches = q.terms.some(isFtsTerm)
    ? await db.$queryRaw<SearchMatch[]>`
        WITH m AS MATERIALIZED (
          SELECT a."id", a."title", a."publishedAt", a."status", a."channelId"
          FROM "Article" a WHERE ${Prisma.join(
            q.terms.map((t) => (isFtsTerm(t) ? contains(SEARCHED_TEXT, t) : inColumns("a", t))),
            " AND ",
          )})
        SELECT m."id" AS "id", m."title" AS "title", m."publishedAt" AS "publishedAt"
        FROM m WHERE ${visible("m")}
        ORDER BY m."publishedAt" DESC, m."id" DESC LIMIT ${cap}`
    : await db.$queryRaw<SearchMatch[]>`
        SELECT m."id" AS "id", m."title" AS "title", m."publishedAt" AS "publishedAt"
        FROM difang_search_gram_matches(ARRAY[${Prisma.join(q.terms.map((t) => Prisma.sql`lower(${t})`))}]::text[]) m
        WHERE ${visible("m")}
        ORDER BY m."publishedAt" DESC, m."id" DESC LIMIT ${cap}`;
  return rankMatches(matches, q);
}

/**
 * Rebuilds the search indexes (REINDEX). PostgreSQL keeps a GIN index in step with the table by
 * itself, so this is for a damaged or bloated index, not for keeping up with edits. It runs
 * without the connection's statement timeout (a large archive takes minutes) and, like any plain
 * REINDEX, blocks writes to stories and searches through the index while it runs.
 */
export async function rebuildArticleSearch(db: PrismaClient): Promise<void> {
  await db.$transaction(
    async (tx) => {
      await tx.$executeRaw`SET LOCAL statement_timeout = 0`;
      for (const index of [SEARCH_INDEX, GRAM_INDEX, TITLE_GRAM_INDEX])
        await tx.$executeRawUnsafe(`REINDEX INDEX "${index}"`);
    },
    { timeout: 60 * 60_000 },
  );
}

/**
 * True when the three search indexes exist, are valid and ready (a failed CREATE INDEX CONCURRENTLY or
 * REINDEX leaves one invalid, and the planner then ignores it), and pg_trgm finds trigrams in
 * Chinese text under the database's locale (it does not under LC_CTYPE=C: every search would
 * then read the whole index).
 */
export async function checkArticleSearch(db: PrismaClient): Promise<boolean> {
  try {
    const rows = await db.$queryRaw<{ ok: boolean }[]>`
      SELECT (bool_and(i."indisvalid" AND i."indisready") AND count(*) = 3
              AND cardinality(show_trgm('融水苗族')) > 0) AS "ok"
      FROM pg_index i
      WHERE i."indexrelid" IN (to_regclass(${`"${SEARCH_INDEX}"`}), to_regclass(${`"${GRAM_INDEX}"`}),
                                to_regclass(${`"${TITLE_GRAM_INDEX}"`}))`;
    return rows[0]?.ok === true;
  } catch {
    return false;
  }
}
