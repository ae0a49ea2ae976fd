// Which cache tags a whole cached reader page or feed depends on, from its path alone (the page
// cache is keyed by path: lib/cache/page-store.ts). Every reader page shows the channel bar and
// lists of stories (sidebars, feeds), so every page depends on `site`; a story's page and its
// comment pages also on that story and its comments; author pages and the sitemaps (which list
// them) also on the reporters' profiles; a live story's endpoint on the story alone.
import { TAGS } from "@/lib/data/cache-tags";

/** The path inside one of Next's response-cache keys (`/route-cache/APP_PAGE/<hash>/$/liujiang/1`). */
export function pathOfCacheKey(key: string): string {
  const i = key.indexOf("/$/");
  return i >= 0 ? key.slice(i + 2) : key;
}

export function pageTags(path: string): string[] {
  // A live story's polled endpoint shows nothing of the site around it: only the story's own
  // writes (lib/live/service.ts) drop it, so publishing elsewhere never costs a crowd a re-render.
  const live = /^\/api\/live\/(\d{1,15})$/.exec(path);
  if (live?.[1]) return [TAGS.article(Number(live[1]))];
  const story = /^\/[^/]+\/(\d{1,15})(?:\/page\/[^/]*)?\/?$/.exec(path);
  if (story?.[1]) {
    const id = Number(story[1]);
    return [TAGS.site, TAGS.article(id), TAGS.comments(id)];
  }
  if (/^\/(?:author\/|sitemaps\/|sitemap\.xml$)/.test(path)) return [TAGS.site, TAGS.authors];
  return [TAGS.site];
}
