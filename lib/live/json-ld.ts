// LiveBlogPosting structured data for a story covered live (schema.org: coverageStartTime,
// coverageEndTime, liveBlogUpdate as BlogPosting), from the same view readers see.
import { absoluteUrl, largestImage, type SiteInfo } from "@/lib/seo";
import { liveEntryAnchor, type LiveView } from "@/lib/live/view";

export interface LiveBlogPostingJsonLd {
  "@context": "https://schema.org";
  "@type": "LiveBlogPosting";
  "@id": string;
  url: string;
  headline: string;
  description: string;
  datePublished: string;
  coverageStartTime: string;
  coverageEndTime?: string;
  liveBlogUpdate: {
    "@type": "BlogPosting";
    "@id": string;
    url: string;
    headline: string;
    articleBody: string;
    datePublished: string;
    dateModified?: string;
    image?: ReturnType<typeof largestImage>;
  }[];
}

/** LiveBlogPosting for a story covered live; `coverageEndTime` once it ended. */
export function liveBlogJsonLd(
  story: { href: string; title: string; description: string; publishedAt: string },
  view: LiveView,
  site: SiteInfo,
): LiveBlogPostingJsonLd {
  const url = absoluteUrl(site.siteUrl, story.href);
  return {
    "@context": "https://schema.org",
    "@type": "LiveBlogPosting",
    "@id": `${url}#live`,
    url,
    headline: story.title,
    description: story.description,
    datePublished: story.publishedAt,
    coverageStartTime: view.startedAt,
    ...(view.endedAt ? { coverageEndTime: view.endedAt } : {}),
    liveBlogUpdate: view.entries.map((e) => {
      const text = e.body.join("\n");
      const line = e.body.join(" ");
      return {
        "@type": "BlogPosting",
        "@id": `${url}#${liveEntryAnchor(e.id)}`,
        url: `${url}#${liveEntryAnchor(e.id)}`,
        // Google wants a headline on each update: its opening words.
        headline: [...line].slice(0, 60).join(""),
        articleBody: e.quote ? `${text}\n“${e.quote}”${e.quoteBy ? `——${e.quoteBy}` : ""}` : text,
        datePublished: e.at,
        ...(e.correctedAt ? { dateModified: e.correctedAt } : {}),
        ...(e.image ? { image: largestImage(site.siteUrl, e.image) } : {}),
      };
    }),
  };
}
