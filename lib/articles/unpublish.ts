// Settling stories withdrawn by their unpublish time (定时撤稿). Readers stop seeing such a story
// at that time whatever happens here (lib/data/visibility.ts decides when read); settling only
// turns the row into an ordinary 已撤下 one, so that the few withdrawn stories the readers' counts
// and tag lists leave out by id (lib/data/withdrawn.ts) stay few. Every article save does it.
import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * Published stories whose unpublish time has come become "unpublished" (the time cleared: it did
 * its work). Nothing a reader sees changes, so no cached page is dropped; the database triggers
 * move the stories out of the published counts and tag links. `except`: the story being saved
 * (its own save decides its row).
 */
export async function settleWithdrawn(
  tx: Prisma.TransactionClient,
  now: Date,
  except: number | null,
): Promise<number> {
  const { count } = await tx.article.updateMany({
    where: {
      status: "published",
      unpublishAt: { lte: now },
      ...(except !== null && { id: { not: except } }),
    },
    data: { status: "unpublished", unpublishAt: null },
  });
  return count;
}
