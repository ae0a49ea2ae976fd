import type { ImageRef } from "@/lib/data/types";

/**
 * A responsive image from our own derivatives. Plain <img> (not next/image): derivatives are made
 * once at upload by sharp and served with immutable cache headers from /media.
 */
export function LeadImage({
  image,
  sizes,
  priority = false,
}: {
  image: ImageRef;
  sizes: string;
  priority?: boolean;
}) {
  return (
    // eslint-disable-next-line @next/next/no-img-element -- see comment above
    <img
      src={image.src}
      srcSet={image.srcSet}
      sizes={sizes}
      width={image.width}
      height={image.height}
      alt={image.alt}
      loading={priority ? "eager" : "lazy"}
      decoding="async"
    />
  );
}
