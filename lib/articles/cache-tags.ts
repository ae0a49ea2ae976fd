// Which cached pages and reads a story write changes (recorded in the write's transaction by
// lib/articles/service.ts through lib/cache/invalidate.ts). Pure, so the rules are unit-tested.
import { TAGS } from "@/lib/data/cache-tags";

/** What readers can see of a story outside its own page: its place in lists and its card. */
export interface StoryReaderState {
  status: string;
  publishedAt: Date | null;
  /** 定时撤稿 time; absent: none. */
  unpublishAt?: Date | null;
  /** Everything a list or card shows (title, summary, channel, image and its texts, tags, flags). */
  card: string;
}

export interface StoryInvalidation {
  /** Tags changed now. */
  now: string[];
  /** Tags that change later, when a scheduled story becomes visible (its publish minute). */
  later: { dueAt: Date; tags: string[] } | null;
  /** Tags that change when a story stops being visible at its unpublish time (定时撤稿). */
  unpublishLater: { dueAt: Date; tags: string[] } | null;
}

const MINUTE_MS = 60_000;

/**
 * A draft that stays a draft changes only its own (unpublished) data; a story published before or
 * after the write changes every list that shows it when what lists show of it changed, and only
 * its own page when just its body, source or byline did. A story scheduled for later also changes
 * everything at the minute it appears (lists are read as of the current minute), and one with an
 * unpublish time ahead at the minute it goes (a time set with seconds counts from the next minute).
 */
export function storyWriteInvalidation(
  id: number,
  before: StoryReaderState | null,
  after: StoryReaderState | null,
  now: Date,
): StoryInvalidation {
  const tags = [TAGS.article(id)];
  const published = (s: StoryReaderState | null) => s?.status === "published";
  const listed = published(before) || published(after);
  const changed =
    before === null ||
    after === null ||
    before.status !== after.status ||
    before.publishedAt?.getTime() !== after.publishedAt?.getTime() ||
    (before.unpublishAt?.getTime() ?? null) !== (after.unpublishAt?.getTime() ?? null) ||
    before.card !== after.card;
  if (listed && changed) tags.push(TAGS.site);
  if (after === null) tags.push(TAGS.comments(id));
  let later: StoryInvalidation["later"] = null;
  const at = after?.publishedAt?.getTime();
  if (published(after) && at !== undefined && at > now.getTime()) {
    later = { dueAt: new Date(Math.ceil(at / MINUTE_MS) * MINUTE_MS), tags: [TAGS.site, TAGS.article(id)] };
  }
  let unpublishLater: StoryInvalidation["unpublishLater"] = null;
  const end = after?.unpublishAt?.getTime();
  if (published(after) && end !== undefined && end > now.getTime()) {
    unpublishLater = {
      dueAt: new Date(Math.ceil(end / MINUTE_MS) * MINUTE_MS),
      tags: [TAGS.site, TAGS.article(id)],
    };
  }
  return { now: tags, later, unpublishLater };
}

/** The `card` of a StoryReaderState: every field that lists, cards and tag pages show. */
export function storyCard(s: {
  channelId: number;
  title: string;
  summary: string;
  leadImageId: number | null;
  imageTexts: readonly string[];
  isHeadline: boolean;
  isRecommended: boolean;
  isCommunity: boolean;
  tags: readonly string[];
}): string {
  return JSON.stringify([
    s.channelId,
    s.title,
    s.summary,
    s.leadImageId,
    s.imageTexts,
    s.isHeadline,
    s.isRecommended,
    s.isCommunity,
    [...s.tags].sort(),
  ]);
}
