// 图集 (photo galleries): limits, the item form's rules and the pure ordering rules, shared by the
// service, the server actions, the editor page and the tests; no server-only code here.
import { z } from "zod";
import { lineText } from "@/lib/text";

export const GALLERY_LIMITS = {
  /** Images in one gallery: a long one is split into two stories. */
  images: 60,
  /** Files in one upload request (each at most MAX_IMAGE_BYTES, the lead image's limit). */
  filesPerUpload: 10,
  caption: 300,
  credit: 100,
} as const;

export const GALLERY_MESSAGES = {
  forbidden: "您的账号没有编辑图集的权限",
  noArticle: "没有这篇稿件",
  noItem: "图集中没有这张图片（可能已被删除），请刷新页面",
  full: `一个图集最多 ${GALLERY_LIMITS.images} 张图片`,
  duplicate: "这张图片已在图集中",
  captionLong: `图片说明最多 ${GALLERY_LIMITS.caption} 个字`,
  creditLong: `图片来源最多 ${GALLERY_LIMITS.credit} 个字`,
  noFiles: "请选择要上传的图片（可一次选择多张）",
  tooManyFiles: `一次最多上传 ${GALLERY_LIMITS.filesPerUpload} 张图片`,
} as const;

export interface GalleryItemValues {
  caption: string;
  credit: string;
}
export type GalleryItemField = keyof GalleryItemValues;

export const galleryItemSchema = z.object({
  caption: lineText().trim().max(GALLERY_LIMITS.caption, { error: GALLERY_MESSAGES.captionLong }),
  credit: lineText().trim().max(GALLERY_LIMITS.credit, { error: GALLERY_MESSAGES.creditLong }),
});

/** The fields of a submitted item form, bounded well above the limits so that what was typed comes back. */
export function readGalleryItemForm(formData: FormData): GalleryItemValues {
  const text = (name: GalleryItemField, max: number): string => {
    const v = formData.get(name);
    return typeof v === "string" ? v.slice(0, max * 4) : "";
  };
  return { caption: text("caption", GALLERY_LIMITS.caption), credit: text("credit", GALLERY_LIMITS.credit) };
}

export type GalleryItemParse =
  { ok: true; input: GalleryItemValues } | { ok: false; errors: Partial<Record<GalleryItemField, string[]>> };

export function parseGalleryItem(values: GalleryItemValues): GalleryItemParse {
  const parsed = galleryItemSchema.safeParse(values);
  if (!parsed.success) {
    const { caption, credit } = z.flattenError(parsed.error).fieldErrors;
    return { ok: false, errors: { caption, credit } };
  }
  return { ok: true, input: parsed.data };
}

export type MoveDirection = "up" | "down";

/** `ids` in gallery order with `id` moved one place up or down (unchanged at either end). */
export function moved(ids: readonly number[], id: number, direction: MoveDirection): number[] {
  const out = [...ids];
  const from = out.indexOf(id);
  const to = direction === "up" ? from - 1 : from + 1;
  if (from < 0 || to < 0 || to >= out.length) return out;
  [out[from], out[to]] = [out[to] as number, out[from] as number];
  return out;
}

/**
 * The image lists show for a story (图文看点): its lead image, else its gallery's first image,
 * else none. A gallery write that changes it changes every list showing the story.
 */
export function coverImageId(leadImageId: number | null, galleryImageIds: readonly number[]): number | null {
  return leadImageId ?? galleryImageIds[0] ?? null;
}
