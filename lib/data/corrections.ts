import "server-only";
// Reads of 更正 / 更新说明: the public /corrections list (newest first, visible stories only) and
// the notes of one story for the editor area. A story's own notes come with the story itself
// (lib/data/articles.ts getArticle). Notes change only by editorial writes, which record `site`
// (lib/corrections/service.ts), as publishing and unpublishing do.
import { cached } from "@/lib/cache/memo";
import { getDb } from "@/lib/db";
import { TAGS, TTL } from "@/lib/data/cache-tags";
import { articleHref } from "@/lib/data/cards";
import { visibleWhere } from "@/lib/data/visibility";
import { correctionKind, type CorrectionKind } from "@/lib/corrections/rules";
import { PAGE_SIZE } from "@/lib/pagination";

export const CORRECTIONS_HREF = "/corrections";

export interface StoryCorrection {
  id: number;
  kind: CorrectionKind;
  text: string;
  createdAt: Date;
}

export interface PublicCorrection extends StoryCorrection {
  story: { title: string; href: string; channelName: string };
}

export interface CorrectionPage {
  items: PublicCorrection[];
  total: number;
}

/** A story's notes in the order they were added (a story page shows them all; there are few). */
export const storyCorrectionsSelect = {
  select: { id: true, kind: true, text: true, createdAt: true },
  // Notes are written at the time they are added: id order is time order.
  orderBy: { id: "asc" },
} as const;

export function toStoryCorrection(row: {
  id: number;
  kind: string;
  text: string;
  createdAt: Date;
}): StoryCorrection {
  return { id: row.id, kind: correctionKind(row.kind), text: row.text, createdAt: row.createdAt };
}

/** One page of /corrections: notes on stories readers can see, newest first. */
export const listCorrections = cached(
  "listCorrections",
  {
    ttlMs: TTL.lists,
    tags: () => [TAGS.site],
    keep: (page) => page.items.length > 0,
  },
  async (page: number, nowMs: number): Promise<CorrectionPage> => {
    const db = await getDb();
    const where = { article: visibleWhere(nowMs) };
    const [total, rows] = await Promise.all([
      db.articleCorrection.count({ where }),
      db.articleCorrection.findMany({
        where,
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        skip: (page - 1) * PAGE_SIZE,
        take: PAGE_SIZE,
        select: {
          ...storyCorrectionsSelect.select,
          article: { select: { id: true, title: true, channel: { select: { slug: true, name: true } } } },
        },
      }),
    ]);
    return {
      total,
      items: rows.map((r) => ({
        ...toStoryCorrection(r),
        story: {
          title: r.article.title,
          href: articleHref(r.article.channel.slug, r.article.id),
          channelName: r.article.channel.name,
        },
      })),
    };
  },
);

/** The editor area's view of one story's notes (uncached: editors see their write at once). */
export async function getCorrectionsForAdmin(articleId: number): Promise<{
  article: { id: number; title: string; status: string; href: string };
  notes: StoryCorrection[];
} | null> {
  const db = await getDb();
  const row = await db.article.findUnique({
    where: { id: articleId },
    select: {
      id: true,
      title: true,
      status: true,
      channel: { select: { slug: true } },
      corrections: storyCorrectionsSelect,
    },
  });
  if (!row) return null;
  return {
    article: {
      id: row.id,
      title: row.title,
      status: row.status,
      href: articleHref(row.channel.slug, row.id),
    },
    notes: row.corrections.map(toStoryCorrection),
  };
}
