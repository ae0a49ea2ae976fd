// Cache tag names and lifetimes, in one place. Editorial writes record exactly the tags they touch
// (lib/cache/invalidate.ts); cached reads (lib/cache/memo.ts) and cached pages
// (lib/cache/page-store.ts, tags from lib/cache/page-tags.ts) are dropped by them on every process.
export const TAGS = {
  /** Everything every reader page shows around its own content: all lists of stories and the
   * channel bar. Publishing, unpublishing or retitling a story changes it. */
  site: "site",
  /** Channel names, slugs, slogans and order (also inside every cached story). */
  channels: "channels",
  /** Reporters' profiles and which visible stories name them: author pages and the sitemap. */
  authors: "authors",
  /** One story's own page data. */
  article: (id: number) => `article:${id}`,
  /** Approved comments of one story. */
  comments: (articleId: number) => `comments:${articleId}`,
} as const;

/**
 * Lifetimes of cached reads. Lists also take the current minute as an argument (lib/time.ts
 * minuteNow), so a story scheduled for 10:05 is in every list read from 10:05 on.
 */
export const TTL = {
  /** Lists and rankings computed from view counts: with the page lifetime below, a hot list is at
   * most a minute old when a reader sees it. */
  views: 20_000,
  /** Lists of stories (editorial writes drop them at once). */
  lists: 60_000,
  /** Rows that change only by editorial writes (which drop them at once). */
  editorial: 3_600_000,
} as const;

/**
 * Reader pages are cached whole for this long (`export const revalidate` in each page, which must
 * be a literal; lib/cache/page-config.test.ts checks they agree), then re-rendered in the
 * background on the next request; `expireTime` in next.config.mjs stops a page older than
 * PAGE_EXPIRE_S from being served at all.
 */
export const PAGE_REVALIDATE_S = 20;
export const PAGE_EXPIRE_S = 40;
