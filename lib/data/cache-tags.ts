// Cache tag names and lifetimes, in one place. Editorial writes invalidate exactly these tags
// (lib/cache/memo.ts invalidateTags).
export const TAGS = {
  /** Every list of stories (home, channel pages, sidebars, feeds). */
  articleLists: "article-lists",
  /** One story's page data. */
  article: (id: number) => `article:${id}`,
  /** Channel bar, channel metadata, slugs. */
  channels: "channels",
  /** Approved comments of one story. */
  comments: (articleId: number) => `comments:${articleId}`,
  /** View-based rankings (hot lists). */
  views: "views",
} as const;

/**
 * Lifetimes. Lists also take the current minute as an argument (lib/time.ts minuteNow), so a
 * scheduled story appears within a minute of its time with no invalidation at all.
 */
export const TTL = {
  /** Lists and rankings. */
  reader: 60_000,
  /** Rows that change only by editorial writes (which invalidate them at once). */
  editorial: 3_600_000,
} as const;
