// Which reporters' profiles a story's byline names (table ArticleAuthor), kept by the writes that
// can change it, each inside its own transaction: a story's save (its byline may name other people)
// and a profile's creation or rename (bylines written before may name it). A story page and an
// author page then read the links, never parse bylines, and a warm page costs no query.
//
// On PostgreSQL both kinds of write take one advisory lock first: a story saved while a profile of
// the same name is created would otherwise see neither the other's row (READ COMMITTED) and miss the
// link. SQLite runs write transactions one at a time anyway.
//
// No "server-only": the demo seed links its reporters with relinkAuthor too.
import { bylineNames } from "@/lib/authors/byline";
import { isPostgres } from "@/lib/database-url";
import { env } from "@/lib/env";
import type { Prisma } from "@/lib/generated/prisma/client";
import { lockForTransaction } from "@/lib/postgres/locks";

type Tx = Prisma.TransactionClient;

/** Serialize the writes that decide links (see above); call first in the transaction. */
export async function lockAuthorLinks(tx: Tx): Promise<void> {
  if (isPostgres(env.DATABASE_URL)) await lockForTransaction(tx, ["author-links"]);
}

/**
 * Make a story's links what its byline says. Returns whether they changed (then every author page
 * that lists it, or listed it, changes if the story is visible).
 */
export async function linkStoryAuthors(tx: Tx, articleId: number, byline: string): Promise<boolean> {
  const names = bylineNames(byline);
  const [profiles, current] = await Promise.all([
    names.length === 0
      ? Promise.resolve([])
      : tx.author.findMany({ where: { name: { in: names } }, select: { id: true, name: true } }),
    tx.articleAuthor.findMany({ where: { articleId }, select: { authorId: true, position: true } }),
  ]);
  const wanted = profiles.map((p) => ({ authorId: p.id, position: names.indexOf(p.name) }));
  const key = (links: readonly { authorId: number; position: number }[]) =>
    links
      .map((l) => `${l.authorId}@${l.position}`)
      .sort()
      .join(",");
  if (key(wanted) === key(current)) return false;
  await tx.articleAuthor.deleteMany({ where: { articleId } });
  if (wanted.length > 0)
    await tx.articleAuthor.createMany({ data: wanted.map((w) => ({ articleId, ...w })) });
  return true;
}

/**
 * Make a profile's links what every byline says of its (new) name: the stories whose byline names
 * it exactly gain a link, the others (a rename) lose theirs. Returns the stories whose links
 * changed. Finding them reads every byline containing the name (a LIKE over the stories): a rare
 * editor's action, not a reader's.
 */
export async function relinkAuthor(tx: Tx, author: { id: number; name: string }): Promise<number[]> {
  const [mentions, current] = await Promise.all([
    tx.article.findMany({ where: { byline: { contains: author.name } }, select: { id: true, byline: true } }),
    tx.articleAuthor.findMany({ where: { authorId: author.id }, select: { articleId: true } }),
  ]);
  const wanted = new Map<number, number>();
  for (const m of mentions) {
    const position = bylineNames(m.byline).indexOf(author.name);
    if (position >= 0) wanted.set(m.id, position);
  }
  const had = new Set(current.map((c) => c.articleId));
  const gone = [...had].filter((id) => !wanted.has(id));
  const added = [...wanted].filter(([id]) => !had.has(id));
  if (gone.length > 0)
    await tx.articleAuthor.deleteMany({ where: { authorId: author.id, articleId: { in: gone } } });
  if (added.length > 0)
    await tx.articleAuthor.createMany({
      data: added.map(([articleId, position]) => ({ articleId, authorId: author.id, position })),
    });
  return [...gone, ...added.map(([id]) => id)];
}
