// Gallery writes as functions of (db, actor, input, now), tested without a request. Every write
// renumbers the story's images 0..n-1 and records, in its own transaction, `article:<id>` (the
// story's page shows the gallery) and, when the story's cover changes (lists show it: 图文看点)
// and the story is published, `site` as well (lib/cache/invalidate.ts).
import "server-only";
import { recordInvalidation } from "@/lib/cache/invalidate";
import { TAGS } from "@/lib/data/cache-tags";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { EDITORIAL_AUDIT } from "@/lib/articles/audit-actions";
import { canWriteArticles, type Actor } from "@/lib/articles/permissions";
import {
  GALLERY_LIMITS,
  GALLERY_MESSAGES,
  coverImageId,
  moved,
  type GalleryItemValues,
  type MoveDirection,
} from "@/lib/galleries/rules";

export type GalleryResult = { ok: true } | { ok: false; message: string };
export type AddResult = { ok: true; added: number; duplicates: number } | { ok: false; message: string };

type Tx = Prisma.TransactionClient;

interface GalleryState {
  article: { id: number; status: string; leadImageId: number | null };
  /** In gallery order. */
  items: { id: number; imageId: number; position: number }[];
}

async function readState(tx: Tx, articleId: number): Promise<GalleryState | null> {
  const article = await tx.article.findUnique({
    where: { id: articleId },
    select: { id: true, status: true, leadImageId: true },
  });
  if (!article) return null;
  const items = await tx.galleryImage.findMany({
    where: { articleId },
    orderBy: [{ position: "asc" }, { id: "asc" }],
    select: { id: true, imageId: true, position: true },
  });
  return { article, items };
}

/**
 * Put the rows in `order` (ids) at positions 0..n-1 (only rows whose position changes are written),
 * audit the change and record what it invalidates. `coverEdited`: the cover's own texts changed
 * (lists show its caption as the image's alt text when the image has none).
 */
async function finish(
  tx: Tx,
  actor: Actor,
  before: GalleryState,
  order: readonly number[],
  detail: Record<string, unknown>,
  now: Date,
  coverEdited = false,
): Promise<void> {
  const current = await tx.galleryImage.findMany({
    where: { articleId: before.article.id },
    select: { id: true, imageId: true, position: true },
  });
  const byId = new Map(current.map((r) => [r.id, r]));
  for (const [position, id] of order.entries()) {
    if (byId.get(id)?.position !== position)
      await tx.galleryImage.update({ where: { id }, data: { position } });
  }
  const imageIds = (items: readonly number[]) => items.flatMap((id) => byId.get(id)?.imageId ?? []);
  const coverBefore = coverImageId(
    before.article.leadImageId,
    before.items.map((i) => i.imageId),
  );
  const coverAfter = coverImageId(before.article.leadImageId, imageIds(order));
  await tx.auditLog.create({
    data: {
      userId: actor.id,
      action: EDITORIAL_AUDIT.galleryUpdated,
      articleId: before.article.id,
      detail: JSON.stringify(detail),
      createdAt: now,
    },
  });
  const tags = [TAGS.article(before.article.id)];
  if ((coverEdited || coverBefore !== coverAfter) && before.article.status === "published")
    tags.push(TAGS.site);
  await recordInvalidation(tx, tags, now);
}

export interface NewGalleryImage {
  imageId: number;
  caption: string;
  credit: string;
}

/** Append images (already stored: lib/images/upload.ts) to the story's gallery. */
export async function addGalleryImages(
  db: PrismaClient,
  actor: Actor,
  articleId: number,
  images: readonly NewGalleryImage[],
  now: Date,
): Promise<AddResult> {
  if (!canWriteArticles(actor)) return { ok: false, message: GALLERY_MESSAGES.forbidden };
  return db.$transaction(async (tx): Promise<AddResult> => {
    const before = await readState(tx, articleId);
    if (!before) return { ok: false, message: GALLERY_MESSAGES.noArticle };
    const present = new Set(before.items.map((i) => i.imageId));
    const fresh: NewGalleryImage[] = [];
    for (const image of images) {
      if (!present.has(image.imageId)) fresh.push(image);
      present.add(image.imageId);
    }
    if (before.items.length + fresh.length > GALLERY_LIMITS.images)
      return { ok: false, message: GALLERY_MESSAGES.full };
    if (fresh.length === 0) return { ok: true, added: 0, duplicates: images.length };
    const order = before.items.map((i) => i.id);
    for (const [i, image] of fresh.entries()) {
      const row = await tx.galleryImage.create({
        data: {
          articleId,
          imageId: image.imageId,
          position: before.items.length + i,
          caption: image.caption.slice(0, GALLERY_LIMITS.caption),
          credit: image.credit.slice(0, GALLERY_LIMITS.credit),
          createdAt: now,
        },
        select: { id: true },
      });
      order.push(row.id);
    }
    await finish(tx, actor, before, order, { op: "add", imageIds: fresh.map((f) => f.imageId) }, now);
    return { ok: true, added: fresh.length, duplicates: images.length - fresh.length };
  });
}

/** Change one image's caption and credit (of this gallery only: the image row is not touched). */
export async function updateGalleryItem(
  db: PrismaClient,
  actor: Actor,
  articleId: number,
  itemId: number,
  input: GalleryItemValues,
  now: Date,
): Promise<GalleryResult> {
  if (!canWriteArticles(actor)) return { ok: false, message: GALLERY_MESSAGES.forbidden };
  return db.$transaction(async (tx): Promise<GalleryResult> => {
    const before = await readState(tx, articleId);
    if (!before) return { ok: false, message: GALLERY_MESSAGES.noArticle };
    if (!before.items.some((i) => i.id === itemId)) return { ok: false, message: GALLERY_MESSAGES.noItem };
    await tx.galleryImage.update({ where: { id: itemId }, data: input });
    await finish(
      tx,
      actor,
      before,
      before.items.map((i) => i.id),
      { op: "edit", itemId },
      now,
      before.article.leadImageId === null && before.items[0]?.id === itemId,
    );
    return { ok: true };
  });
}

/** Move one image a place up or down. */
export async function moveGalleryItem(
  db: PrismaClient,
  actor: Actor,
  articleId: number,
  itemId: number,
  direction: MoveDirection,
  now: Date,
): Promise<GalleryResult> {
  if (!canWriteArticles(actor)) return { ok: false, message: GALLERY_MESSAGES.forbidden };
  return db.$transaction(async (tx): Promise<GalleryResult> => {
    const before = await readState(tx, articleId);
    if (!before) return { ok: false, message: GALLERY_MESSAGES.noArticle };
    const ids = before.items.map((i) => i.id);
    if (!ids.includes(itemId)) return { ok: false, message: GALLERY_MESSAGES.noItem };
    await finish(tx, actor, before, moved(ids, itemId, direction), { op: "move", itemId, direction }, now);
    return { ok: true };
  });
}

/** Take one image out of the gallery (the image itself stays in the library). */
export async function removeGalleryItem(
  db: PrismaClient,
  actor: Actor,
  articleId: number,
  itemId: number,
  now: Date,
): Promise<GalleryResult> {
  if (!canWriteArticles(actor)) return { ok: false, message: GALLERY_MESSAGES.forbidden };
  return db.$transaction(async (tx): Promise<GalleryResult> => {
    const before = await readState(tx, articleId);
    if (!before) return { ok: false, message: GALLERY_MESSAGES.noArticle };
    const item = before.items.find((i) => i.id === itemId);
    if (!item) return { ok: false, message: GALLERY_MESSAGES.noItem };
    await tx.galleryImage.delete({ where: { id: itemId } });
    const order = before.items.flatMap((i) => (i.id === itemId ? [] : [i.id]));
    await finish(tx, actor, before, order, { op: "remove", itemId, imageId: item.imageId }, now);
    return { ok: true };
  });
}
