// Structured data of a gallery story (pure): an ImageGallery of ImageObjects next to the page's
// NewsArticle (lib/seo.ts), each image with its caption, credit and largest derivative.
import { absoluteUrl, largestImage, type SiteInfo } from "@/lib/seo";
import type { ImageRef } from "@/lib/data/types";

export interface GalleryImageObject {
  "@type": "ImageObject";
  contentUrl: string;
  url: string;
  width: number;
  height: number;
  position: number;
  caption?: string;
  creditText?: string;
}

export interface ImageGalleryJsonLd {
  "@context": "https://schema.org";
  "@type": "ImageGallery";
  name: string;
  url: string;
  numberOfItems: number;
  associatedMedia: GalleryImageObject[];
}

export function galleryJsonLd(
  article: { title: string; href: string },
  slides: readonly { n: number; image: ImageRef }[],
  site: SiteInfo,
): ImageGalleryJsonLd {
  return {
    "@context": "https://schema.org",
    "@type": "ImageGallery",
    name: article.title,
    url: absoluteUrl(site.siteUrl, article.href),
    numberOfItems: slides.length,
    associatedMedia: slides.map(({ n, image }) => {
      const { url, width, height } = largestImage(site.siteUrl, image);
      return {
        "@type": "ImageObject",
        contentUrl: url,
        url: `${absoluteUrl(site.siteUrl, article.href)}#p${n}`,
        width,
        height,
        position: n,
        ...(image.caption ? { caption: image.caption } : {}),
        ...(image.credit ? { creditText: image.credit } : {}),
      };
    }),
  };
}
