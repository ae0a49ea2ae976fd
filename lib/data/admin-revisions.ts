import "server-only";
// The 历史版本 comparison: two saves of one story and what changed between them
// (lib/articles/revision-diff.ts). Editor-area reads, uncached.
import { getDb } from "@/lib/db";
import { listChannels } from "@/lib/data/channels";
import { parseSnapshot } from "@/lib/articles/snapshot";
import { diffSnapshots, type FieldDiff } from "@/lib/articles/revision-diff";

/** Saves offered in the comparison's two lists (the newest; older ones by their id in the address). */
export const COMPARE_CHOICES = 100;

export interface RevisionChoice {
  id: number;
  createdAt: Date;
  user: string;
}

export interface RevisionComparison {
  article: { id: number; title: string };
  choices: RevisionChoice[];
  older: RevisionChoice;
  newer: RevisionChoice;
  /** Empty when the two saves hold the same content. */
  changes: FieldDiff[];
}

const userName = (u: { username: string; displayName: string } | null) =>
  u ? u.displayName || u.username : "";

/**
 * Compare two saves of a story (`from`, `to`: revision ids, either order; the older is shown on
 * the left). Without ids: the newest save against the one before it. null when the story, either
 * save or its snapshot cannot be found, or the story has fewer than two saves.
 */
export async function compareRevisions(
  articleId: number,
  from: number | null,
  to: number | null,
): Promise<RevisionComparison | null> {
  const db = await getDb();
  const [article, recent] = await Promise.all([
    db.article.findUnique({ where: { id: articleId }, select: { id: true, title: true } }),
    db.articleRevision.findMany({
      where: { articleId },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: COMPARE_CHOICES,
      select: { id: true, createdAt: true, user: { select: { username: true, displayName: true } } },
    }),
  ]);
  if (!article || recent.length < 2) return null;
  const ids = from !== null && to !== null ? [from, to] : [recent[1]!.id, recent[0]!.id];
  const rows = await db.articleRevision.findMany({
    where: { articleId, id: { in: ids } },
    select: {
      id: true,
      createdAt: true,
      snapshot: true,
      user: { select: { username: true, displayName: true } },
    },
  });
  if (rows.length !== 2 || ids[0] === ids[1]) return null;
  const [older, newer] = [...rows].sort(
    (a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id - b.id,
  );
  const before = parseSnapshot(older!.snapshot);
  const after = parseSnapshot(newer!.snapshot);
  if (!before || !after) return null;
  const channels = await listChannels();
  const channelName = (id: number) => channels.find((c) => c.id === id)?.name ?? `频道 #${id}`;
  const choice = (r: {
    id: number;
    createdAt: Date;
    user: { username: string; displayName: string } | null;
  }) => ({
    id: r.id,
    createdAt: r.createdAt,
    user: userName(r.user),
  });
  return {
    article,
    choices: recent.map(choice),
    older: choice(older!),
    newer: choice(newer!),
    changes: diffSnapshots(before, after, { channelName }),
  };
}
