// Title search of the editor's story list on PostgreSQL: the twin of lib/sqlite.ts titleMatchIds.
import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import { likeContains } from "@/lib/search-text";
import { titleNarrowingKeys, type TitleNarrowing } from "@/lib/admin-list";

/**
 * Ids of the stories whose title contains every term, among those of the narrowing's channel and
 * stored status, in no particular order; null when more than `cap` do. Case-sensitive LIKE, as
 * Prisma's `contains` is on PostgreSQL (the list walks its index with that when a word is common).
 * The GIN index over the title's grams and keys (difang_title_gram_matches,
 * prisma/postgresql/migrations/20261201120000_admin_list) gives the titles holding each term's
 * grams: the lower-cased term itself when it has one or two characters, else its adjacent pairs
 * (cut here in SQL, so lower() is the index's own); LIKE rechecks them.
 */
export async function titleMatchIds(
  db: PrismaClient,
  terms: readonly string[],
  narrow: TitleNarrowing,
  cap: number,
): Promise<number[] | null> {
  const grams = terms.map(
    (t) => Prisma.sql`ARRAY(SELECT g FROM unnest(difang_search_grams(lower(${t}))) AS g
                            WHERE char_length(g) = least(2, char_length(lower(${t}))))`,
  );
  const keys = titleNarrowingKeys(narrow);
  if (keys.length > 0) grams.push(Prisma.sql`${keys}::text[]`);
  const rows = await db.$queryRaw<{ id: number }[]>`
    SELECT m."id" FROM difang_title_gram_matches(${Prisma.join(grams, " || ")}) m
    WHERE ${Prisma.join(
      terms.map((t) => Prisma.sql`m."title" LIKE ${likeContains(t)} ESCAPE '\\'`),
      " AND ",
    )}
    LIMIT ${cap + 1}`;
  return rows.length > cap ? null : rows.map((r) => r.id);
}
