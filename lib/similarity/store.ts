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
 * Where a saved story's neighbours are looked for: never the whole archive (a million stories
 * would take minutes of word segmentation on every save), but the newest stories of the site, of
 * its channel and of each of its tags, which is where readers of a fresh story go next.
 */
export const CANDIDATES = { site: 300, channel: 200, perTag: 100 } as const;

/** Ids of the stories a saved story is compared with (at most the sum of CANDIDATES). */
export async function candidateIds(
  db: PrismaClient,
  story: { id: number; channelId: number; tagIds: readonly number[] },
): Promise<number[]> {
  // Published stories, scheduled ones included: visibility is checked again when lists are read.
  const newest = {
    orderBy: [{ publishedAt: "desc" as const }, { id: "desc" as const }],
    select: { id: true },
  };
  const [site, channel, ...perTag] = await Promise.all([
    db.article.findMany({ where: { status: "published" }, take: CANDIDATES.site, ...newest }),
    db.article.findMany({
      where: { status: "published", channelId: story.channelId },
      take: CANDIDATES.channel,
      ...newest,
    }),
    ...story.tagIds.map((tagId) =>
      db.articleTag.findMany({
        where: { tagId, status: "published" },
        orderBy: [{ publishedAt: "desc" }, { articleId: "desc" }],
        take: CANDIDATES.perTag,
        select: { articleId: true },
      }),
    ),
  ]);
  const ids = new Set([...site, ...channel].map((r) => r.id));
  for (const links of perTag) for (const l of links) ids.add(l.articleId);
  ids.delete(story.id);
  return [...ids];
}

/** Let readers' requests through between chunks of word segmentation (it is synchronous). */
const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * After a story is published or edited: recompute its list among its candidates (CANDIDATES),
 * and put it into the lists of its new neighbours where it ranks. Word frequencies are weighted
 * over the candidates, so the cost is the same at 350 stories or a million. A story that is no
 * longer published loses its list; other lists still naming it are filtered out when read.
 */
export async function refreshSimilarFor(db: PrismaClient, articleId: number): Promise<void> {
  const story = await db.article.findUnique({
    where: { id: articleId },
    select: { id: true, status: true, channelId: true, tags: { select: { tagId: true } } },
  });
  if (!story || story.status !== "published") {
    await db.articleSimilar.deleteMany({ where: { articleId } });
    return;
  }
  const ids = await candidateIds(db, { ...story, tagIds: story.tags.map((t) => t.tagId) });
  const rows = await db.article.findMany({
    where: { id: { in: [articleId, ...ids] } },
    select: { id: true, title: true, bodyText: true, tags: { select: { tag: { select: { name: true } } } } },
  });
  const counts = new Map<number, TermCounts>();
  for (const [i, r] of rows.entries()) {
    if (i % 50 === 49) await yieldToEventLoop();
    counts.set(
      r.id,
      termCounts({ id: r.id, title: r.title, body: r.bodyText, tags: r.tags.map((t) => t.tag.name) }),
    );
  }
  const own = new SimilarityIndex(counts).mostSimilar(articleId, SIMILAR_PER_STORY);
  const lists = new Map([[articleId, own]]);
  // Each neighbour keeps its list, with this story put in its place (or moved) by score.
  const theirs = await db.articleSimilar.findMany({
    where: { articleId: { in: own.map((n) => n.id) } },
    select: { articleId: true, similarId: true, score: true },
  });
  for (const n of own) {
    const list = theirs
      .filter((t) => t.articleId === n.id && t.similarId !== articleId)
      .map((t) => ({ id: t.similarId, score: t.score }));
    list.push({ id: articleId, score: n.score });
    lists.set(n.id, list.sort((x, y) => y.score - x.score || x.id - y.id).slice(0, SIMILAR_PER_STORY));
  }
  await store(db, lists);
}
