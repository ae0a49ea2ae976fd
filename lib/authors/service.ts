// Creating and editing reporters' profiles as functions of (db, actor, input, now), tested without a
// request. In the write's own transaction: the profile, its links to the stories whose bylines name
// it (lib/authors/links.ts), an audit row, and the cache tags it changed: `authors` (author pages
// and the sitemaps) and each story whose byline link appears, disappears or moves (a new slug).
import "server-only";
import { EDITORIAL_AUDIT } from "@/lib/articles/audit-actions";
import { canWriteArticles, type Actor } from "@/lib/articles/permissions";
import { lockAuthorLinks, relinkAuthor } from "@/lib/authors/links";
import type { AuthorField, AuthorInput } from "@/lib/authors/rules";
import { recordInvalidation } from "@/lib/cache/invalidate";
import { TAGS } from "@/lib/data/cache-tags";
import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";

export type AuthorResult =
  | { ok: true; id: number; linked: number }
  | { ok: false; message: string; errors?: Partial<Record<AuthorField, string[]>> };

export const AUTHOR_MESSAGES = {
  forbidden: "您的账号没有管理记者资料的权限",
  notFound: "这份记者资料不存在或已被删除",
  invalid: "请检查标出的内容",
  nameTaken: "已有同名的记者资料（署名按姓名对应到资料，姓名不能重复）",
  slugTaken: "这个地址已被另一位记者使用",
  noPhoto: "照片已不存在，请重新上传",
} as const;

/** Field errors for a name or slug another profile already has (null when both are free). */
async function taken(
  db: PrismaClient,
  input: Pick<AuthorInput, "name" | "slug">,
  exceptId: number | null,
): Promise<AuthorResult | null> {
  const others = await db.author.findMany({
    where: {
      OR: [{ name: input.name }, { slug: input.slug }],
      ...(exceptId ? { NOT: { id: exceptId } } : {}),
    },
    select: { name: true, slug: true },
  });
  const errors: Partial<Record<AuthorField, string[]>> = {};
  if (others.some((o) => o.name === input.name)) errors.name = [AUTHOR_MESSAGES.nameTaken];
  if (others.some((o) => o.slug === input.slug)) errors.slug = [AUTHOR_MESSAGES.slugTaken];
  return Object.keys(errors).length > 0 ? { ok: false, message: AUTHOR_MESSAGES.invalid, errors } : null;
}

async function checkInput(
  db: PrismaClient,
  input: AuthorInput,
  exceptId: number | null,
): Promise<AuthorResult | null> {
  const [conflict, photo] = await Promise.all([
    taken(db, input, exceptId),
    input.photoId === null
      ? null
      : db.image.findUnique({ where: { id: input.photoId }, select: { id: true } }),
  ]);
  if (conflict) return conflict;
  if (input.photoId !== null && !photo)
    return { ok: false, message: AUTHOR_MESSAGES.invalid, errors: { photoId: [AUTHOR_MESSAGES.noPhoto] } };
  return null;
}

/** A unique-key refusal of a racing write becomes the same field errors as the check above. */
async function uniqueRefusal(
  db: PrismaClient,
  error: unknown,
  input: AuthorInput,
  exceptId: number | null,
): Promise<AuthorResult> {
  if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
    return (await taken(db, input, exceptId)) ?? { ok: false, message: AUTHOR_MESSAGES.invalid };
  }
  throw error;
}

export async function createAuthor(
  db: PrismaClient,
  actor: Actor,
  input: AuthorInput,
  now: Date,
): Promise<AuthorResult> {
  if (!canWriteArticles(actor)) return { ok: false, message: AUTHOR_MESSAGES.forbidden };
  const refused = await checkInput(db, input, null);
  if (refused) return refused;
  try {
    return await db.$transaction(async (tx) => {
      await lockAuthorLinks(tx);
      const author = await tx.author.create({
        data: { ...input, createdAt: now, updatedAt: now },
        select: { id: true, name: true },
      });
      const changed = await relinkAuthor(tx, author);
      await tx.auditLog.create({
        data: {
          userId: actor.id,
          action: EDITORIAL_AUDIT.authorCreated,
          detail: JSON.stringify({
            authorId: author.id,
            name: input.name,
            slug: input.slug,
            linked: changed.length,
          }),
          createdAt: now,
        },
      });
      await recordInvalidation(tx, [TAGS.authors, ...changed.map(TAGS.article)], now);
      return { ok: true, id: author.id, linked: changed.length };
    });
  } catch (error) {
    return uniqueRefusal(db, error, input, null);
  }
}

export async function updateAuthor(
  db: PrismaClient,
  actor: Actor,
  id: number,
  input: AuthorInput,
  now: Date,
): Promise<AuthorResult> {
  if (!canWriteArticles(actor)) return { ok: false, message: AUTHOR_MESSAGES.forbidden };
  const before = await db.author.findUnique({ where: { id }, select: { name: true, slug: true } });
  if (!before) return { ok: false, message: AUTHOR_MESSAGES.notFound };
  const refused = await checkInput(db, input, id);
  if (refused) return refused;
  try {
    return await db.$transaction(async (tx) => {
      await lockAuthorLinks(tx);
      await tx.author.update({ where: { id }, data: { ...input, updatedAt: now } });
      // A new name links other bylines; a new slug changes the link on every story naming it.
      const changed = input.name === before.name ? [] : await relinkAuthor(tx, { id, name: input.name });
      const moved =
        input.slug === before.slug
          ? []
          : (await tx.articleAuthor.findMany({ where: { authorId: id }, select: { articleId: true } })).map(
              (l) => l.articleId,
            );
      const stories = [...new Set([...changed, ...moved])];
      await tx.auditLog.create({
        data: {
          userId: actor.id,
          action: EDITORIAL_AUDIT.authorUpdated,
          detail: JSON.stringify({
            authorId: id,
            name: input.name,
            slug: input.slug,
            ...(input.name === before.name ? {} : { oldName: before.name }),
            ...(input.slug === before.slug ? {} : { oldSlug: before.slug }),
          }),
          createdAt: now,
        },
      });
      await recordInvalidation(tx, [TAGS.authors, ...stories.map(TAGS.article)], now);
      return { ok: true, id, linked: changed.length };
    });
  } catch (error) {
    return uniqueRefusal(db, error, input, id);
  }
}
