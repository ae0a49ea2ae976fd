// Structured data (schema.org JSON-LD) for reader pages (pure). components/JsonLd.tsx renders it.
import type { ArticleDetail, ImageRef } from "@/lib/data/types";
import { authorHref, bylineNames } from "@/lib/authors/byline";
import { toBeijingIso } from "@/lib/time";

/** The publisher logo in public/ (512×512 PNG). */
export const PUBLISHER_LOGO = { path: "/logo.png", width: 512, height: 512 } as const;

export interface SiteInfo {
  /** env.SITE_URL: absolute, without a trailing slash. */
  siteUrl: string;
  /** env.SITE_NAME */
  siteName: string;
}

/** `/liujiang/12` → `https://site/liujiang/12`; absolute URLs pass through. */
export function absoluteUrl(siteUrl: string, pathOrUrl: string): string {
  if (/^https?:\/\//i.test(pathOrUrl)) return pathOrUrl;
  return `${siteUrl.replace(/\/+$/, "")}${pathOrUrl.startsWith("/") ? "" : "/"}${pathOrUrl}`;
}

interface ImageObject {
  "@type": "ImageObject";
  url: string;
  width: number;
  height: number;
  caption?: string;
}

/** The largest derivative of a stored image, as an ImageObject (JSON-LD and the share card). */
export function largestImage(siteUrl: string, image: ImageRef): ImageObject {
  let best = { url: image.src, width: image.width };
  let found = false;
  for (const candidate of image.srcSet.split(",")) {
    const [url, w] = candidate.trim().split(/\s+/);
    const width = Number(w?.replace(/w$/, ""));
    if (url && Number.isFinite(width) && width > 0 && (!found || width > best.width)) {
      best = { url, width };
      found = true;
    }
  }
  const width = Math.min(best.width, image.width);
  const height = image.width > 0 ? Math.round((image.height * width) / image.width) : image.height;
  return {
    "@type": "ImageObject",
    url: absoluteUrl(siteUrl, best.url),
    width,
    height,
    ...(image.caption ? { caption: image.caption } : {}),
  };
}

export interface ShareCard {
  /** The story's absolute address (og:url, the QR code). */
  url: string;
  title: string;
  description: string;
  /** Absolute: the lead image's largest derivative, else the publisher logo. */
  image: { url: string; width: number; height: number; alt: string };
}

/**
 * What a shared link shows (WeChat, other apps): the same title, summary and image in the Open
 * Graph tags and in the `itemprop` name / description / image that WeChat's crawler reads.
 */
export function shareCard(
  article: Pick<ArticleDetail, "href" | "title" | "description" | "image">,
  site: SiteInfo,
): ShareCard {
  const image = article.image
    ? { ...largestImage(site.siteUrl, article.image), alt: article.image.alt || article.title }
    : {
        url: absoluteUrl(site.siteUrl, PUBLISHER_LOGO.path),
        width: PUBLISHER_LOGO.width,
        height: PUBLISHER_LOGO.height,
        alt: site.siteName,
      };
  return {
    url: absoluteUrl(site.siteUrl, article.href),
    title: article.title,
    description: article.description,
    image: { url: image.url, width: image.width, height: image.height, alt: image.alt },
  };
}

export interface Person {
  "@type": "Person";
  name: string;
  /** The reporter's page, when the name has a profile. */
  url?: string;
}

export interface Organization {
  "@type": "Organization";
  name: string;
  url?: string;
  logo?: ImageObject;
}

export interface NewsArticleJsonLd {
  "@context": "https://schema.org";
  "@type": "NewsArticle";
  mainEntityOfPage: { "@type": "WebPage"; "@id": string };
  url: string;
  headline: string;
  description: string;
  datePublished: string;
  dateModified: string;
  author: (Person | Organization)[];
  publisher: Organization & { logo: ImageObject };
  image: ImageObject[];
  articleSection: string;
  keywords?: string;
  inLanguage: "zh-CN";
  isAccessibleForFree: true;
  /** The story's 更正 notes (schema.org `correction`); 更新说明 only move dateModified. */
  correction?: CorrectionComment[];
}

export interface CorrectionComment {
  "@type": "CorrectionComment";
  text: string;
  datePublished: string;
}

/** The fields of a story that its structured data uses (an ArticleDetail has them all). */
export type JsonLdArticle = Pick<
  ArticleDetail,
  | "href"
  | "title"
  | "description"
  | "publishedAt"
  | "updatedAt"
  | "byline"
  | "source"
  | "image"
  | "tags"
  | "channel"
  | "authors"
> &
  Partial<Pick<ArticleDetail, "corrections">>;

/**
 * NewsArticle for a story page. Authors come from the byline (people, with the address of their
 * page when they have a profile), else the source publication or the site (organization). Times
 * are Beijing time with +08:00. The image is the lead image's largest derivative, else the
 * publisher logo (Google requires one).
 */
export function articleJsonLd(article: JsonLdArticle, site: SiteInfo): NewsArticleJsonLd {
  const url = absoluteUrl(site.siteUrl, article.href);
  const logo: ImageObject = {
    "@type": "ImageObject",
    url: absoluteUrl(site.siteUrl, PUBLISHER_LOGO.path),
    width: PUBLISHER_LOGO.width,
    height: PUBLISHER_LOGO.height,
  };
  const names = bylineNames(article.byline);
  const profiles = new Map(article.authors.map((a) => [a.name, a.slug]));
  const person = (name: string): Person => {
    const slug = profiles.get(name);
    return slug === undefined
      ? { "@type": "Person", name }
      : { "@type": "Person", name, url: absoluteUrl(site.siteUrl, authorHref(slug)) };
  };
  const author: (Person | Organization)[] =
    names.length > 0
      ? names.map(person)
      : [{ "@type": "Organization", name: article.source || site.siteName }];
  const corrections: CorrectionComment[] = (article.corrections ?? [])
    .filter((c) => c.kind === "correction")
    .map((c) => ({ "@type": "CorrectionComment", text: c.text, datePublished: toBeijingIso(c.createdAt) }));
  // A story edited before it went out was not modified after its publication.
  const modified =
    article.updatedAt.getTime() > article.publishedAt.getTime() ? article.updatedAt : article.publishedAt;
  return {
    "@context": "https://schema.org",
    "@type": "NewsArticle",
    mainEntityOfPage: { "@type": "WebPage", "@id": url },
    url,
    headline: article.title,
    description: article.description,
    datePublished: toBeijingIso(article.publishedAt),
    dateModified: toBeijingIso(modified),
    author,
    publisher: { "@type": "Organization", name: site.siteName, url: absoluteUrl(site.siteUrl, "/"), logo },
    image: article.image ? [largestImage(site.siteUrl, article.image)] : [logo],
    articleSection: article.channel.name,
    ...(article.tags.length > 0 ? { keywords: article.tags.join(",") } : {}),
    inLanguage: "zh-CN",
    isAccessibleForFree: true,
    ...(corrections.length > 0 ? { correction: corrections } : {}),
  };
}

export interface PersonJsonLd {
  "@context": "https://schema.org";
  "@type": "Person";
  name: string;
  url: string;
  jobTitle?: string;
  description?: string;
  image?: ImageObject;
  worksFor: Organization;
}

/** Person for a reporter's page: name, page address, desk, bio and photo, working for the site. */
export function authorJsonLd(
  author: { name: string; href: string; desk: string; bio: string; photo: ImageRef | null },
  site: SiteInfo,
): PersonJsonLd {
  return {
    "@context": "https://schema.org",
    "@type": "Person",
    name: author.name,
    url: absoluteUrl(site.siteUrl, author.href),
    ...(author.desk ? { jobTitle: author.desk } : {}),
    ...(author.bio ? { description: author.bio } : {}),
    ...(author.photo ? { image: largestImage(site.siteUrl, author.photo) } : {}),
    worksFor: { "@type": "Organization", name: site.siteName, url: absoluteUrl(site.siteUrl, "/") },
  };
}

export interface BreadcrumbItem {
  label: string;
  href?: string;
}

export interface BreadcrumbListJsonLd {
  "@context": "https://schema.org";
  "@type": "BreadcrumbList";
  itemListElement: { "@type": "ListItem"; position: number; name: string; item?: string }[];
}

/**
 * BreadcrumbList for the visible breadcrumb (pass the same items as <Breadcrumb>). Linked crumbs
 * get their absolute URL; the last crumb ("正文") gets `currentPath` when given, the page's own
 * address. Crumbs without a page (the region names 广西 › 柳州市) are listed by name only.
 */
export function breadcrumbJsonLd(
  items: readonly BreadcrumbItem[],
  site: Pick<SiteInfo, "siteUrl">,
  currentPath?: string,
): BreadcrumbListJsonLd {
  return {
    "@context": "https://schema.org",
    "@type": "BreadcrumbList",
    itemListElement: items.map((c, i) => {
      const href = c.href ?? (i === items.length - 1 ? currentPath : undefined);
      return {
        "@type": "ListItem",
        position: i + 1,
        name: c.label,
        ...(href ? { item: absoluteUrl(site.siteUrl, href) } : {}),
      };
    }),
  };
}

/**
 * JSON for an inline <script type="application/ld+json">. `<` becomes \u003c so no text can close
 * the script element (`</script>`) or open a comment; `>`, `&` and the JavaScript line separators
 * are escaped too. The result is still valid JSON with the same value.
 */
export function serializeJsonLd(data: unknown): string {
  return JSON.stringify(data)
    .replace(/</g, "\\u003c")
    .replace(/>/g, "\\u003e")
    .replace(/&/g, "\\u0026")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}
