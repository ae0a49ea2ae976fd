import "server-only";
// 图集 reads: a story's gallery for its page (cached, dropped with the story's tag by every gallery
// write: lib/galleries/service.ts) and for the editor's gallery page (never cached).
import { cached } from "@/lib/cache/memo";
import { getDb } from "@/lib/db";
import { TAGS, TTL } from "@/lib/data/cache-tags";
import { articleHref, cardSelect, type CardRow } from "@/lib/data/cards";
import { isVisible } from "@/lib/data/visibility";
import { imageSelect, toAdminImage, type AdminImage } from "@/lib/data/admin-images";
import { imageRef } from "@/lib/images/urls";
import type { ImageRef } from "@/lib/data/types";

export interface GallerySlide {
  /** 1-based: the number readers see (3/12) and the anchor (#p3). */
  n: number;
  /** Responsive derivatives; caption and credit are this gallery's own. */
  image: ImageRef;
}

/** The story's gallery in order; empty for a story without one. */
export const getGallery = cached(
  "getGallery",
  { ttlMs: TTL.editorial, tags: ([articleId]) => [TAGS.article(articleId)] },
  async (articleId: number): Promise<GallerySlide[]> => {
    const db = await getDb();
    const rows = await db.galleryImage.findMany({
      where: { articleId },
      orderBy: [{ position: "asc" }, { id: "asc" }],
      select: { caption: true, credit: true, image: { select: imageSelect } },
    });
    return rows.map((r, i) => ({
      n: i + 1,
      // The image's own alt text describes it; else this gallery's caption does.
      image: { ...imageRef(r.image), alt: r.image.alt || r.caption, caption: r.caption, credit: r.credit },
    }));
  },
);

/** How many of the newest galleries (by story id) 图文看点 considers. */
const COVER_CANDIDATES = 200;

/**
 * 图文看点's gallery stories: the newest visible ones without a lead image, as card rows whose
 * image is the gallery's first (its cover). Two bounded reads whatever the archive's size: the
 * first images of the COVER_CANDIDATES galleries with the highest story ids (the GalleryImage
 * (position, articleId) index, read backwards), then those stories by primary key. A join
 * filtered on the story's visibility would let the planner walk every story without a lead image
 * instead. Called inside the cached getPictureHighlights.
 */
export async function listGalleryCoverRows(nowMs: number, take: number): Promise<CardRow[]> {
  const db = await getDb();
  const covers = await db.galleryImage.findMany({
    where: { position: 0 },
    orderBy: { articleId: "desc" },
    take: COVER_CANDIDATES,
    select: { articleId: true, caption: true, credit: true, image: { select: imageSelect } },
  });
  if (covers.length === 0) return [];
  // By primary key only, filtered and ordered here: with the visibility filter in SQL the planner
  // may prefer walking the (leadImageId, status, publishedAt) index over the 200 key lookups.
  const rows = await db.article.findMany({
    where: { id: { in: [...new Set(covers.map((c) => c.articleId))] } },
    select: { ...cardSelect, status: true, unpublishAt: true, leadImageId: true },
  });
  const stories = rows
    .filter((r) => r.leadImageId === null && isVisible(r, nowMs))
    .sort((a, b) => (b.publishedAt?.getTime() ?? 0) - (a.publishedAt?.getTime() ?? 0) || b.id - a.id)
    .slice(0, take);
  // Two editors' first uploads committed at once may both take position 0: the first row counts.
  const coverOf = new Map<number, (typeof covers)[number]>();
  for (const c of covers) if (!coverOf.has(c.articleId)) coverOf.set(c.articleId, c);
  return stories.flatMap((story) => {
    const c = coverOf.get(story.id);
    if (!c) return [];
    const image = { ...c.image, alt: c.image.alt || c.caption, caption: c.caption, credit: c.credit };
    return [
      {
        id: story.id,
        title: story.title,
        summary: story.summary,
        publishedAt: story.publishedAt,
        channel: story.channel,
        leadImage: image,
      },
    ];
  });
}

export interface EditorGalleryItem {
  id: number;
  image: AdminImage;
  caption: string;
  credit: string;
}

export interface EditorGallery {
  article: { id: number; title: string; status: string; href: string; hasLeadImage: boolean };
  items: EditorGalleryItem[];
}

/** The editor's gallery page: the story and its images in order; null for an unknown story. */
export async function getEditorGallery(articleId: number): Promise<EditorGallery | null> {
  const db = await getDb();
  const article = await db.article.findUnique({
    where: { id: articleId },
    select: {
      id: true,
      title: true,
      status: true,
      leadImageId: true,
      channel: { select: { slug: true } },
      galleryImages: {
        orderBy: [{ position: "asc" }, { id: "asc" }],
        select: { id: true, caption: true, credit: true, image: { select: imageSelect } },
      },
    },
  });
  if (!article) return null;
  return {
    article: {
      id: article.id,
      title: article.title,
      status: article.status,
      href: articleHref(article.channel.slug, article.id),
      hasLeadImage: article.leadImageId !== null,
    },
    items: article.galleryImages.map((g) => ({
      id: g.id,
      image: toAdminImage(g.image),
      caption: g.caption,
      credit: g.credit,
    })),
  };
}
