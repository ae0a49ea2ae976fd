// The live coverage page of the editor area: every entry (removed ones too, marked), never cached.
import "server-only";
import { getDb } from "@/lib/db";
import { articleHref } from "@/lib/data/cards";
import { imageSelect, toAdminImage, type AdminImage } from "@/lib/data/admin-images";

export interface AdminLiveEntry {
  id: number;
  body: string;
  quote: string;
  quoteBy: string;
  image: AdminImage | null;
  pinned: boolean;
  createdAt: Date;
  correctedAt: Date | null;
  removedAt: Date | null;
}

export interface AdminLive {
  article: { id: number; title: string; status: string; href: string };
  coverage: { startedAt: Date; endedAt: Date | null } | null;
  entries: AdminLiveEntry[];
}

/** Entries shown to editors, newest first (a live story of a day has a few hundred at most). */
const ADMIN_ENTRY_LIMIT = 500;

export async function getLiveForAdmin(articleId: number): Promise<AdminLive | null> {
  const db = await getDb();
  const article = await db.article.findUnique({
    where: { id: articleId },
    select: { id: true, title: true, status: true, channel: { select: { slug: true } } },
  });
  if (!article) return null;
  const [coverage, entries] = await Promise.all([
    db.liveCoverage.findUnique({ where: { articleId }, select: { startedAt: true, endedAt: true } }),
    db.liveEntry.findMany({
      where: { articleId },
      orderBy: { id: "desc" },
      take: ADMIN_ENTRY_LIMIT,
      include: { image: { select: imageSelect } },
    }),
  ]);
  return {
    article: {
      id: article.id,
      title: article.title,
      status: article.status,
      href: articleHref(article.channel.slug, article.id),
    },
    coverage,
    entries: entries.map((e) => ({
      id: e.id,
      body: e.body,
      quote: e.quote,
      quoteBy: e.quoteBy,
      image: e.image ? toAdminImage(e.image) : null,
      pinned: e.pinned,
      createdAt: e.createdAt,
      correctedAt: e.correctedAt,
      removedAt: e.removedAt,
    })),
  };
}
