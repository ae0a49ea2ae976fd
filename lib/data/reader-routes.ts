import "server-only";
// Decides, before rendering, whether a reader URL exists. Used by proxy.ts to answer unknown
// channels, stories, tags and page numbers with a real, server-rendered 404: in Next 16.4 a
// notFound() thrown while a page renders yields status 404 but an empty HTML shell whose content
// only appears after hydration (vercel/next.js#98954), while an unmatched URL renders
// app/not-found.tsx on the server. The checks are the pages' own, on the same cached reads, so
// the page that follows renders from a warm cache.
import { getArticle, listChannelArticles } from "@/lib/data/articles";
import { getChannelBySlug, getChannelRedirect } from "@/lib/data/channels";
import { getTagByName, listTagArticles } from "@/lib/data/tags";
import { isVisible } from "@/lib/data/visibility";
import { PAGE_SIZE, pageCount, parsePageParam } from "@/lib/pagination";
import { minuteNow } from "@/lib/time";
import { parseArticleId } from "@/lib/url";

/** First path segments served by something other than the channel/story pages. */
const NOT_A_CHANNEL = new Set(["", "admin", "api", "media", "search", "tag", "sitemaps", "_next", "rss.xml", "sitemap.xml", "news-sitemap.xml", "robots.txt", "favicon.ico", "logo.png"]);

function decode(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

/** False when the reader URL certainly leads to a 404; true for anything the pages handle. */
export async function readerPathExists(pathname: string, searchParams: URLSearchParams): Promise<boolean> {
  const segments = pathname.split("/").slice(1);
  const pageValues = searchParams.getAll("page");
  const page = parsePageParam(pageValues.length === 0 ? undefined : pageValues.length === 1 ? pageValues[0] : pageValues);
  const [first = "", second, third] = segments;
  const nowMs = minuteNow().getTime();

  if (first === "tag" && second !== undefined && third === undefined) {
    if (page === null) return false;
    const name = decode(second);
    const tag = name === null ? null : await getTagByName(name);
    if (!tag) return false;
    const list = await listTagArticles(tag.id, page, nowMs);
    return list.total > 0 && page <= pageCount(list.total, PAGE_SIZE);
  }
  if (NOT_A_CHANNEL.has(first) || segments.length > 2) return true;

  const slug = decode(first);
  if (slug === null) return false;
  const channel = await getChannelBySlug(slug);
  if (segments.length === 1) {
    if (!channel) return (await getChannelRedirect(slug)) !== null;
    if (page === null) return false;
    const list = await listChannelArticles(channel.id, page, nowMs);
    return page <= pageCount(list.total, PAGE_SIZE);
  }
  if (second === "rss.xml") return true;
  const id = parseArticleId(second ?? "");
  if (id === null) return false;
  const article = await getArticle(id);
  return article !== null && isVisible(article, Date.now());
}
