// Public URLs of stored images and their derivatives (see lib/images/store.ts).
import type { ImageRef } from "@/lib/data/types";

/** Widths of the WebP derivatives generated for every stored image. */
export const DERIVATIVE_WIDTHS = [320, 640, 1280] as const;

export function derivativeName(key: string, width: number): string {
  return `${key}-${width}.webp`;
}

export function imageRef(img: {
  key: string;
  width: number;
  height: number;
  alt: string;
  caption: string;
  credit: string;
}): ImageRef {
  const widths = DERIVATIVE_WIDTHS.filter((w) => w <= img.width);
  const usable = widths.length > 0 ? widths : [DERIVATIVE_WIDTHS[0]];
  const mid = usable.includes(640) ? 640 : usable[usable.length - 1];
  return {
    src: `/media/${derivativeName(img.key, mid ?? 320)}`,
    srcSet: usable.map((w) => `/media/${derivativeName(img.key, w)} ${w}w`).join(", "),
    width: img.width,
    height: img.height,
    alt: img.alt,
    caption: img.caption,
    credit: img.credit,
  };
}
