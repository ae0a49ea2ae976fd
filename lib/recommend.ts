// Rules for the recommendation sidebars. Pure functions over small candidate sets that lib/data
// reads through indexes; unit-tested in lib/recommend.test.ts.

export interface Candidate {
  id: number;
  channelId: number;
  publishedAt: Date;
  /** Tags shared with the article being read. */
  sharedTags: number;
  /** Views in the recent window (popularity). */
  recentViews: number;
  /** Content similarity in [0, 1] when known (precomputed), else 0. */
  similarity?: number;
}

/**
 * 相关新闻: stories sharing tags with the article. Same channel first, then more shared tags,
 * then content similarity, then newer. Never the article itself; stories sharing no tag are
 * admitted only on similarity.
 */
export function rankRelated(
  articleId: number,
  channelId: number,
  candidates: readonly Candidate[],
  limit: number,
): number[] {
  return candidates
    .filter((c) => c.id !== articleId && (c.sharedTags > 0 || (c.similarity ?? 0) > 0))
    .sort(
      (a, b) =>
        Number(b.channelId === channelId) - Number(a.channelId === channelId) ||
        b.sharedTags - a.sharedTags ||
        (b.similarity ?? 0) - (a.similarity ?? 0) ||
        b.publishedAt.getTime() - a.publishedAt.getTime() ||
        b.id - a.id,
    )
    .slice(0, limit)
    .map((c) => c.id);
}

/**
 * 猜你喜欢: a blend of closeness (similarity, shared tags) and popularity, never repeating a story
 * the page already lists (`exclude`), never the article itself.
 *   score = 3·similarity + sharedTags + log10(1 + recentViews) / 2
 */
export function rankYouMayLike(
  articleId: number,
  candidates: readonly Candidate[],
  exclude: ReadonlySet<number>,
  limit: number,
): number[] {
  const score = (c: Candidate) => 3 * (c.similarity ?? 0) + c.sharedTags + Math.log10(1 + c.recentViews) / 2;
  return candidates
    .filter((c) => c.id !== articleId && !exclude.has(c.id))
    .map((c) => ({ c, s: score(c) }))
    .sort((a, b) => b.s - a.s || b.c.publishedAt.getTime() - a.c.publishedAt.getTime() || b.c.id - a.c.id)
    .slice(0, limit)
    .map(({ c }) => c.id);
}

/** Take ids in order, skipping ones already used, until `limit`; records what it took in `used`. */
export function takeUnique(ids: readonly number[], used: Set<number>, limit: number): number[] {
  const out: number[] = [];
  for (const id of ids) {
    if (out.length >= limit) break;
    if (used.has(id)) continue;
    used.add(id);
    out.push(id);
  }
  return out;
}
