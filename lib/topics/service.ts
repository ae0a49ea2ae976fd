// Creating, editing and deleting 专题 as functions of (db, actor, input, now), tested without a
// request. A topic shows on its own pages, in the /zhuanti list, possibly on the home page and as
// "本文所属专题" on the page of each of its stories, all of which depend on `site`
// (lib/cache/page-tags.ts): every write records `site` in its own transaction, so those pages are
// dropped on every process on their next request.
import "server-only";
import { recordInvalidation } from "@/lib/cache/invalidate";
import { TAGS } from "@/lib/data/cache-tags";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { EDITORIAL_AUDIT } from "@/lib/articles/audit-actions";
import { canWriteArticles, type Actor } from "@/lib/articles/permissions";
import type { TopicFieldErrors, TopicInput } from "@/lib/topics/rules";

export type TopicResult =
  { ok: true; id: number; slug: string } | { ok: false; message: string; errors?: TopicFieldErrors };

export const TOPIC_SERVICE_MESSAGES = {
  forbidden: "您的账号没有编辑专题的权限",
  check: "请检查标出的内容",
  notFound: "这个专题已不存在（可能已被删除）",
  slugTaken: (title: string) => `这个地址已被专题《${title}》使用，请换一个`,
  slugRace: "这个地址刚被另一个专题使用，请换一个",
  noImage: "没有这张图片，请重新上传或选择",
  noStories: (ids: number[]) => `没有编号为 ${ids.join("、")} 的稿件`,
  noTag: (name: string) => `没有标签“${name}”：标签来自稿件，请先给稿件加上这个标签`,
} as const;

/** P2002 from either generated client (SQLite or PostgreSQL), which are different classes. */
function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && "code" in error && error.code === "P2002";
}

/** What the input names that does not exist (stories, tags, the image), as field errors. */
async function checkReferences(
  db: PrismaClient,
  id: number | null,
  input: TopicInput,
): Promise<{ errors: TopicFieldErrors; tagIds: Map<string, number> }> {
  const errors: TopicFieldErrors = {};
  const wantedIds = [...new Set(input.sections.flatMap((s) => s.articleIds))];
  const wantedTags = [...new Set(input.sections.flatMap((s) => (s.tag === null ? [] : [s.tag])))];
  const [articles, tags, image, sameSlug] = await Promise.all([
    wantedIds.length
      ? db.article.findMany({ where: { id: { in: wantedIds } }, select: { id: true } })
      : Promise.resolve([]),
    wantedTags.length
      ? db.tag.findMany({ where: { name: { in: wantedTags } }, select: { id: true, name: true } })
      : Promise.resolve([]),
    input.bannerImageId === null
      ? Promise.resolve(null)
      : db.image.findUnique({ where: { id: input.bannerImageId }, select: { id: true } }),
    db.topic.findUnique({ where: { slug: input.slug }, select: { id: true, title: true } }),
  ]);
  const known = new Set(articles.map((a) => a.id));
  const tagIds = new Map(tags.map((t) => [t.name, t.id]));
  for (const s of input.sections) {
    const missing = s.articleIds.filter((a) => !known.has(a));
    if (missing.length) errors[`${s.field}.stories`] = [TOPIC_SERVICE_MESSAGES.noStories(missing)];
    if (s.tag !== null && !tagIds.has(s.tag))
      errors[`${s.field}.tag`] = [TOPIC_SERVICE_MESSAGES.noTag(s.tag)];
  }
  if (input.bannerImageId !== null && !image) errors.bannerImageId = [TOPIC_SERVICE_MESSAGES.noImage];
  if (sameSlug && sameSlug.id !== id) errors.slug = [TOPIC_SERVICE_MESSAGES.slugTaken(sameSlug.title)];
  return { errors, tagIds };
}

/** Create a topic (`id` null) or replace one's fields and sections. */
export async function saveTopic(
  db: PrismaClient,
  actor: Actor,
  id: number | null,
  input: TopicInput,
  now: Date,
): Promise<TopicResult> {
  if (!canWriteArticles(actor)) return { ok: false, message: TOPIC_SERVICE_MESSAGES.forbidden };
  const { errors, tagIds } = await checkReferences(db, id, input);
  if (Object.keys(errors).length > 0) return { ok: false, message: TOPIC_SERVICE_MESSAGES.check, errors };
  const fields = {
    slug: input.slug,
    title: input.title,
    intro: input.intro,
    bannerImageId: input.bannerImageId,
    published: input.published,
    featuredOnHome: input.featuredOnHome,
    homeOrder: input.homeOrder,
    updatedAt: now,
  };
  try {
    const saved = await db.$transaction(async (tx) => {
      let topicId: number;
      if (id === null) {
        const created = await tx.topic.create({
          data: { ...fields, publishedAt: input.published ? now : null, createdAt: now },
          select: { id: true },
        });
        topicId = created.id;
      } else {
        const current = await tx.topic.findUnique({ where: { id }, select: { publishedAt: true } });
        if (!current) return null;
        // The first publication dates the topic in the /zhuanti list; later edits keep its place.
        await tx.topic.update({
          where: { id },
          data: { ...fields, publishedAt: current.publishedAt ?? (input.published ? now : null) },
        });
        await tx.topicSection.deleteMany({ where: { topicId: id } });
        topicId = id;
      }
      for (const [position, s] of input.sections.entries()) {
        const section = await tx.topicSection.create({
          data: {
            topicId,
            position,
            title: s.title,
            kind: s.kind,
            tagId: s.tag === null ? null : (tagIds.get(s.tag) ?? null),
          },
          select: { id: true },
        });
        if (s.articleIds.length) {
          await tx.topicStory.createMany({
            data: s.articleIds.map((articleId, i) => ({ sectionId: section.id, articleId, position: i })),
          });
        }
      }
      await tx.auditLog.create({
        data: {
          userId: actor.id,
          action: id === null ? EDITORIAL_AUDIT.topicCreated : EDITORIAL_AUDIT.topicUpdated,
          detail: JSON.stringify({
            topicId,
            slug: input.slug,
            title: input.title,
            published: input.published,
            sections: input.sections.length,
          }),
          createdAt: now,
        },
      });
      await recordInvalidation(tx, [TAGS.site], now);
      return topicId;
    });
    if (saved === null) return { ok: false, message: TOPIC_SERVICE_MESSAGES.notFound };
    return { ok: true, id: saved, slug: input.slug };
  } catch (error) {
    // Two editors taking the same address at the same moment: the database decides.
    if (isUniqueViolation(error)) {
      return {
        ok: false,
        message: TOPIC_SERVICE_MESSAGES.check,
        errors: { slug: [TOPIC_SERVICE_MESSAGES.slugRace] },
      };
    }
    throw error;
  }
}

export async function deleteTopic(
  db: PrismaClient,
  actor: Actor,
  id: number,
  now: Date,
): Promise<{ ok: true } | { ok: false; message: string }> {
  if (!canWriteArticles(actor)) return { ok: false, message: TOPIC_SERVICE_MESSAGES.forbidden };
  const deleted = await db.$transaction(async (tx) => {
    const topic = await tx.topic.findUnique({ where: { id }, select: { slug: true, title: true } });
    if (!topic) return false;
    // Sections and their story lists go with it (onDelete: Cascade); the stories stay.
    await tx.topic.delete({ where: { id } });
    await tx.auditLog.create({
      data: {
        userId: actor.id,
        action: EDITORIAL_AUDIT.topicDeleted,
        detail: JSON.stringify({ topicId: id, slug: topic.slug, title: topic.title }),
        createdAt: now,
      },
    });
    await recordInvalidation(tx, [TAGS.site], now);
    return true;
  });
  return deleted ? { ok: true } : { ok: false, message: TOPIC_SERVICE_MESSAGES.notFound };
}
