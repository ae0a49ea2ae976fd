// Image reads for the article form (lead image picker). Never cached: an upload must show at once.
import "server-only";
import { getDb } from "@/lib/db";
import { DERIVATIVE_WIDTHS, derivativeName, imageRef } from "@/lib/images/urls";
import type { ImageRef } from "@/lib/data/types";

export interface AdminImage {
  id: number;
  /** Small derivative for thumbnails in the editor. */
  thumb: string;
  /** The derivative a story's body shows (lib/body/render.ts adds the others as srcset). */
  src: string;
  width: number;
  height: number;
  alt: string;
  caption: string;
  credit: string;
}

export const imageSelect = {
  id: true,
  key: true,
  width: true,
  height: true,
  alt: true,
  caption: true,
  credit: true,
} as const;

export function toAdminImage(img: {
  id: number;
  key: string;
  width: number;
  height: number;
  alt: string;
  caption: string;
  credit: string;
}): AdminImage {
  return {
    id: img.id,
    thumb: `/media/${derivativeName(img.key, DERIVATIVE_WIDTHS[0])}`,
    src: imageRef(img).src,
    width: img.width,
    height: img.height,
    alt: img.alt,
    caption: img.caption,
    credit: img.credit,
  };
}

/** The newest images, for "pick an existing image". */
export async function listRecentImages(limit = 24): Promise<AdminImage[]> {
  const db = await getDb();
  const rows = await db.image.findMany({ orderBy: { id: "desc" }, take: limit, select: imageSelect });
  return rows.map(toAdminImage);
}

/** One image as the reader page shows it (preview). */
export async function getImageRef(id: number): Promise<ImageRef | null> {
  const db = await getDb();
  const row = await db.image.findUnique({ where: { id }, select: imageSelect });
  return row ? imageRef(row) : null;
}
