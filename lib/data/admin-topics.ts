// 专题 reads for the editor area: the list, one topic as form values, and the story finder of the
// form. Never cached: an editor sees their save at once.
import "server-only";
import { getDb } from "@/lib/db";
import { imageSelect, toAdminImage, type AdminImage } from "@/lib/data/admin-images";
import { articleHref } from "@/lib/data/cards";
import { isVisible } from "@/lib/data/visibility";
import { topicHref } from "@/lib/data/topics";
import type { TopicFormValues } from "@/lib/topics/rules";

export interface AdminTopicRow {
  id: number;
  slug: string;
  title: string;
  published: boolean;
  featuredOnHome: boolean;
  sections: number;
  updatedAt: Date;
  href: string;
}

/** Every topic, most recently edited first (a city site makes a few dozen a year). */
export async function listTopicsForAdmin(limit = 200): Promise<AdminTopicRow[]> {
  const db = await getDb();
  const rows = await db.topic.findMany({
    orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
    take: limit,
    select: {
      id: true,
      slug: true,
      title: true,
      published: true,
      featuredOnHome: true,
      updatedAt: true,
      _count: { select: { sections: true } },
    },
  });
  return rows.map((r) => ({
    id: r.id,
    slug: r.slug,
    title: r.title,
    published: r.published,
    featuredOnHome: r.featuredOnHome,
    sections: r._count.sections,
    updatedAt: r.updatedAt,
    href: topicHref(r.slug),
  }));
}

export interface TopicForEdit {
  id: number;
  values: TopicFormValues;
  image: AdminImage | null;
  href: string;
}

export async function getTopicForEdit(id: number): Promise<TopicForEdit | null> {
  const db = await getDb();
  const row = await db.topic.findUnique({
    where: { id },
    select: {
      id: true,
      slug: true,
      title: true,
      intro: true,
      published: true,
      featuredOnHome: true,
      homeOrder: true,
      bannerImage: { select: imageSelect },
      sections: {
        orderBy: { position: "asc" },
        select: {
          title: true,
          kind: true,
          tag: { select: { name: true } },
          stories: { orderBy: { position: "asc" }, select: { articleId: true } },
        },
      },
    },
  });
  if (!row) return null;
  return {
    id: row.id,
    href: topicHref(row.slug),
    image: row.bannerImage ? toAdminImage(row.bannerImage) : null,
    values: {
      title: row.title,
      slug: row.slug,
      intro: row.intro,
      bannerImageId: row.bannerImage ? String(row.bannerImage.id) : "",
      published: row.published,
      featuredOnHome: row.featuredOnHome,
      homeOrder: String(row.homeOrder),
      sections: row.sections.map((s) => ({
        title: s.title,
        kind: s.kind === "tag" ? "tag" : "picked",
        stories: s.stories.map((x) => x.articleId).join("\n"),
        tag: s.tag?.name ?? "",
      })),
    },
  };
}

export interface StoryHit {
  id: number;
  title: string;
  channelName: string;
  href: string;
  visible: boolean;
}

/** Stories whose title contains `q`, newest first (the form's 查找稿件). */
export async function findStoriesForTopic(q: string, nowMs: number, limit = 10): Promise<StoryHit[]> {
  const db = await getDb();
  const id = /^\d{1,9}$/.test(q) ? Number(q) : null;
  const rows = await db.article.findMany({
    where: id !== null ? { OR: [{ id }, { title: { contains: q } }] } : { title: { contains: q } },
    orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
    take: limit,
    select: {
      id: true,
      title: true,
      status: true,
      publishedAt: true,
      unpublishAt: true,
      channel: { select: { slug: true, name: true } },
    },
  });
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    channelName: r.channel.name,
    href: articleHref(r.channel.slug, r.id),
    visible: isVisible(r, nowMs),
  }));
}
