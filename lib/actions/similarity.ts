// Precomputes each story's most similar stories (lib/similarity/tfidf.ts) into ArticleSimilar, so
// the article page reads a stored list. Takes the client as a parameter (no "server-only"): the
// seed and `npm run similarity:rebuild` use it as well as the editor's publish and save actions.
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { SimilarityIndex, termCounts, type TermCounts } from "@/lib/similarity/tfidf";

export const SIMILAR_PER_STORY = 12;

async function loadCorpus(db: PrismaClient): Promise<Map<number, TermCounts>> {
  // Published stories, scheduled ones included: visibility is checked again when lists are read.
  const rows = await db.article.findMany({
    where: { status: "published" },
    select: { id: true, title: true, bodyText: true, tags: { select: { tag: { select: { name: true } } } } },
  });
  return new Map(
    rows.map((r) => [
      r.id,
      termCounts({ id: r.id, title: r.title, body: r.bodyText, tags: r.tags.map((t) => t.tag.name) }),
    ]),
  );
}

async function store(db: PrismaClient, lists: Map<number, { id: number; score: number }[]>): Promise<void> {
  const ids = [...lists.keys()];
  await db.$transaction([
    db.articleSimilar.deleteMany({ where: { articleId: { in: ids } } }),
    db.articleSimilar.createMany({
      data: [...lists].flatMap(([articleId, list]) =>
        list.map((s) => ({ articleId, similarId: s.id, score: s.score })),
      ),
    }),
  ]);
}

/** Recompute every published story's list (seed, nightly, after bulk imports). */
export async function rebuildAllSimilar(db: PrismaClient): Promise<{ stories: number; links: number }> {
  const corpus = await loadCorpus(db);
  const index = new SimilarityIndex(corpus);
  const lists = new Map([...corpus.keys()].map((id) => [id, index.mostSimilar(id, SIMILAR_PER_STORY)]));
  await db.articleSimilar.deleteMany({});
  const chunk = 100;
  const ids = [...lists.keys()];
  for (let i = 0; i < ids.length; i += chunk) {
    await store(db, new Map(ids.slice(i, i + chunk).map((id) => [id, lists.get(id) ?? []])));
  }
  return { stories: lists.size, links: [...lists.values()].reduce((s, l) => s + l.length, 0) };
}

/**
 * After a story is published or edited: recompute its list and the lists of its neighbours (the
 * stories most likely to now count it among their own). A story that is no longer published
 * loses its list; other lists still naming it are filtered out when read.
 */
export async function refreshSimilarFor(db: PrismaClient, articleId: number): Promise<void> {
  const corpus = await loadCorpus(db);
  if (!corpus.has(articleId)) {
    await db.articleSimilar.deleteMany({ where: { articleId } });
    return;
  }
  const index = new SimilarityIndex(corpus);
  const own = index.mostSimilar(articleId, SIMILAR_PER_STORY);
  const lists = new Map([[articleId, own]]);
  for (const n of own) lists.set(n.id, index.mostSimilar(n.id, SIMILAR_PER_STORY));
  await store(db, lists);
}
