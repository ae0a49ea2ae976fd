import "server-only";
// Reads of 专题 for the reader pages: the /zhuanti list, a topic with its sections, one section's
// stories page by page, the home page's featured topics, the topics a story belongs to and a
// topic's feed. Topics change only by editorial writes, which record `site` (lib/topics/service.ts),
// and every list of stories here depends on stories being published, which records `site` too:
// all of it is tagged `site`. Every read is bounded (a topic has at most TOPIC_LIMITS.sections
// sections; lists take one page).
import { cached } from "@/lib/cache/memo";
import { getDb } from "@/lib/db";
import { TAGS, TTL } from "@/lib/data/cache-tags";
import { listCardsByIds } from "@/lib/data/articles";
import { articleHref } from "@/lib/data/cards";
import { linkVisibleWhere, visibleWhere } from "@/lib/data/visibility";
import { withdrawnIds } from "@/lib/data/withdrawn";
import type { ArticleCard, ImageRef } from "@/lib/data/types";
import { imageRef } from "@/lib/images/urls";
import { PAGE_SIZE } from "@/lib/pagination";
import { excerpt } from "@/lib/text";
import type { SectionKind } from "@/lib/topics/rules";

/** Stories of each section on the topic's own page; the rest are on the section's pages. */
export const SECTION_PREVIEW = 6;
/** Topics on the home page's 专题 block. */
export const HOME_TOPICS = 3;
/** Topics named under a story (本文所属专题). */
export const STORY_TOPICS = 3;
/** Topics in the sitemap (far more than a city site makes). */
export const SITEMAP_TOPICS = 1_000;

export function topicHref(slug: string): string {
  return `/zhuanti/${slug}`;
}

/** A section's own pages: /zhuanti/<slug>/<n>, n from 1 in reading order. */
export function topicSectionHref(slug: string, position: number): string {
  return `/zhuanti/${slug}/${position + 1}`;
}

export interface TopicCard {
  slug: string;
  href: string;
  title: string;
  intro: string;
  image: ImageRef | null;
  publishedAt: Date;
}

export interface TopicSectionInfo {
  id: number;
  position: number;
  title: string;
  kind: SectionKind;
  tagId: number | null;
}

export interface TopicDetail extends TopicCard {
  id: number;
  updatedAt: Date;
  sections: TopicSectionInfo[];
}

export interface StoryPage {
  items: ArticleCard[];
  total: number;
}

const imageSelect = {
  select: { key: true, width: true, height: true, alt: true, caption: true, credit: true },
} as const;

const cardSelect = {
  slug: true,
  title: true,
  intro: true,
  publishedAt: true,
  updatedAt: true,
  bannerImage: imageSelect,
} as const;

function toTopicCard(row: {
  slug: string;
  title: string;
  intro: string;
  publishedAt: Date | null;
  updatedAt: Date;
  bannerImage: Parameters<typeof imageRef>[0] | null;
}): TopicCard {
  return {
    slug: row.slug,
    href: topicHref(row.slug),
    title: row.title,
    intro: row.intro,
    image: row.bannerImage ? imageRef(row.bannerImage) : null,
    publishedAt: row.publishedAt ?? row.updatedAt,
  };
}

const PUBLISHED = { published: true } as const;

/** One page of published topics, newest first (by first publication). */
export const listTopics = cached(
  "listTopics",
  { ttlMs: TTL.editorial, tags: () => [TAGS.site], keep: (p) => p.items.length > 0 },
  async (page: number): Promise<{ items: TopicCard[]; total: number }> => {
    const db = await getDb();
    const [total, rows] = await Promise.all([
      db.topic.count({ where: PUBLISHED }),
      db.topic.findMany({
        where: PUBLISHED,
        orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
        skip: (page - 1) * PAGE_SIZE,
        take: PAGE_SIZE,
        select: cardSelect,
      }),
    ]);
    return { items: rows.map(toTopicCard), total };
  },
);

/** A published topic by its address, with its sections in order; null for none. */
export const getTopic = cached(
  "getTopic",
  { ttlMs: TTL.editorial, tags: () => [TAGS.site] },
  async (slug: string): Promise<TopicDetail | null> => {
    if (!/^[a-z][a-z0-9-]{0,59}$/.test(slug)) return null;
    const db = await getDb();
    const row = await db.topic.findFirst({
      where: { slug, ...PUBLISHED },
      select: {
        ...cardSelect,
        id: true,
        sections: {
          orderBy: { position: "asc" },
          select: { id: true, position: true, title: true, kind: true, tagId: true },
        },
      },
    });
    if (!row) return null;
    return {
      ...toTopicCard(row),
      id: row.id,
      updatedAt: row.updatedAt,
      sections: row.sections.map((s) => ({ ...s, kind: s.kind === "tag" ? "tag" : "picked" })),
    };
  },
);

/**
 * `pageSize` visible stories of a section from the `page`-th page: hand-picked ones in the editor's
 * order (one range of the (sectionId, position) index), or a tag's newest first (one range of the
 * tag links' (tagId, status, publishedAt) index, as on tag pages).
 */
export const listSectionStories = cached(
  "listSectionStories",
  { ttlMs: TTL.lists, tags: () => [TAGS.site], keep: (p) => p.items.length > 0 },
  async (
    section: Pick<TopicSectionInfo, "id" | "kind" | "tagId">,
    page: number,
    pageSize: number,
    nowMs: number,
  ): Promise<StoryPage> => {
    const db = await getDb();
    const skip = (page - 1) * pageSize;
    let total: number;
    let ids: number[];
    if (section.kind === "tag") {
      if (section.tagId === null) return { items: [], total: 0 };
      const where = { tagId: section.tagId, ...linkVisibleWhere(nowMs, await withdrawnIds(nowMs)) };
      const [count, links] = await Promise.all([
        db.articleTag.count({ where }),
        db.articleTag.findMany({
          where,
          orderBy: [{ publishedAt: "desc" }, { articleId: "desc" }],
          skip,
          take: pageSize,
          select: { articleId: true },
        }),
      ]);
      total = count;
      ids = links.map((l) => l.articleId);
    } else {
      const where = { sectionId: section.id, article: visibleWhere(nowMs) };
      const [count, links] = await Promise.all([
        db.topicStory.count({ where }),
        db.topicStory.findMany({
          where,
          orderBy: { position: "asc" },
          skip,
          take: pageSize,
          select: { articleId: true },
        }),
      ]);
      total = count;
      ids = links.map((l) => l.articleId);
    }
    return { items: await listCardsByIds(ids, nowMs), total };
  },
);

/** The topics editors put on the home page (published ones, by their order, then newest). */
export const listHomeTopics = cached(
  "listHomeTopics",
  // Wrapped: "no featured topic" is a usual answer, and null results are never kept.
  { ttlMs: TTL.editorial, tags: () => [TAGS.site] },
  async (): Promise<{ items: TopicCard[] }> => {
    const db = await getDb();
    const rows = await db.topic.findMany({
      where: { featuredOnHome: true, ...PUBLISHED },
      orderBy: [{ homeOrder: "asc" }, { publishedAt: "desc" }, { id: "desc" }],
      take: HOME_TOPICS,
      select: cardSelect,
    });
    return { items: rows.map(toTopicCard) };
  },
);

export interface TopicLink {
  href: string;
  title: string;
}

/**
 * The published topics a story belongs to, hand-picked or through one of its tags: two index reads
 * (the story's tag links, then sections by story or by tag), at most STORY_TOPICS topics.
 */
export const listStoryTopics = cached(
  "listStoryTopics",
  { ttlMs: TTL.editorial, tags: ([id]) => [TAGS.site, TAGS.article(id)] },
  async (articleId: number): Promise<{ items: TopicLink[] }> => {
    const db = await getDb();
    const tagIds = (
      await db.articleTag.findMany({ where: { articleId }, select: { tagId: true }, take: 50 })
    ).map((t) => t.tagId);
    const sections = await db.topicSection.findMany({
      where: {
        topic: PUBLISHED,
        OR: [{ stories: { some: { articleId } } }, ...(tagIds.length ? [{ tagId: { in: tagIds } }] : [])],
      },
      orderBy: [{ topic: { publishedAt: "desc" } }, { topicId: "desc" }],
      take: STORY_TOPICS * 4,
      select: { topic: { select: { slug: true, title: true } } },
    });
    const seen = new Map<string, TopicLink>();
    for (const { topic } of sections) {
      if (!seen.has(topic.slug)) seen.set(topic.slug, { href: topicHref(topic.slug), title: topic.title });
    }
    return { items: [...seen.values()].slice(0, STORY_TOPICS) };
  },
);

export interface TopicFeedStory {
  id: number;
  href: string;
  title: string;
  summary: string;
  publishedAt: Date;
  channelName: string;
}

/** A topic's newest visible stories over all its sections, for its RSS feed. */
export const listTopicFeedStories = cached(
  "listTopicFeedStories",
  { ttlMs: TTL.lists, tags: () => [TAGS.site] },
  async (topic: Pick<TopicDetail, "id" | "sections">, limit: number, nowMs: number) => {
    const db = await getDb();
    const tagIds = topic.sections.flatMap((s) => (s.kind === "tag" && s.tagId !== null ? [s.tagId] : []));
    const rows = await db.article.findMany({
      where: {
        // visibleWhere has an OR of its own (the unpublish time): the two are ANDed, not merged.
        AND: [
          visibleWhere(nowMs),
          {
            OR: [
              { topicStories: { some: { section: { topicId: topic.id } } } },
              ...(tagIds.length ? [{ tags: { some: { tagId: { in: tagIds } } } }] : []),
            ],
          },
        ],
      },
      orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
      take: limit,
      select: {
        id: true,
        title: true,
        summary: true,
        bodyText: true,
        publishedAt: true,
        channel: { select: { slug: true, name: true } },
      },
    });
    return rows.map((r): TopicFeedStory => ({
      id: r.id,
      href: articleHref(r.channel.slug, r.id),
      title: r.title,
      summary: r.summary.trim() !== "" ? r.summary : excerpt(r.bodyText, 200, 100),
      publishedAt: r.publishedAt ?? new Date(0),
      channelName: r.channel.name,
    }));
  },
);

/** Published topics for the sitemap, each dated by its last edit. */
export const listSitemapTopics = cached(
  "listSitemapTopics",
  { ttlMs: TTL.editorial, tags: () => [TAGS.site] },
  async (): Promise<{ href: string; updatedAt: Date }[]> => {
    const db = await getDb();
    const rows = await db.topic.findMany({
      where: PUBLISHED,
      orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
      take: SITEMAP_TOPICS,
      select: { slug: true, updatedAt: true },
    });
    return rows.map((r) => ({ href: topicHref(r.slug), updatedAt: r.updatedAt }));
  },
);
