// Storing an uploaded image (the lead image picker's upload) as a function of its bytes: the
// route handler app/admin/api/images/route.ts reads the request, the tests call this directly.
import "server-only";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import { ImageRejectedError, storeImage } from "@/lib/images/store";
import { toAdminImage, type AdminImage } from "@/lib/data/admin-images";
import { EDITORIAL_AUDIT } from "@/lib/articles/audit-actions";
import { LIMITS } from "@/lib/articles/form";
import { cleanLine } from "@/lib/text";
import { canWriteArticles, type Actor } from "@/lib/articles/permissions";
import { describeWriteError, isStorageFull } from "@/lib/storage-full";

export const MAX_IMAGE_BYTES = 8 * 1024 * 1024;
/** Room for the multipart boundaries and the text fields around the file. */
export const MAX_UPLOAD_REQUEST_BYTES = MAX_IMAGE_BYTES + 64 * 1024;

export const UPLOAD_MESSAGES = {
  forbidden: "您没有上传图片的权限",
  empty: "请选择要上传的图片文件",
  tooLarge: `图片不能超过 ${MAX_IMAGE_BYTES / 1024 / 1024} MB`,
  storageFull: "服务器存储空间已满，图片没有保存。请联系管理员清理空间后再上传。",
} as const;

export type UploadResult =
  | { ok: true; image: AdminImage; reused: boolean }
  | { ok: false; status: 400 | 403 | 413 | 415 | 507; message: string };

export interface UploadMeta {
  alt: string;
  caption: string;
  credit: string;
}

/**
 * Check size, pixel count and real format (sharp reads the bytes; the file name and declared type
 * are never trusted), store a metadata-free master and its derivatives under `uploadDir` (the
 * uploaded bytes themselves are never written), record an Image row.
 * Identical bytes map to the same storage key, so a second upload reuses the existing row.
 */
export async function saveUploadedImage(
  db: PrismaClient,
  actor: Actor,
  bytes: Buffer,
  meta: UploadMeta,
  uploadDir: string,
  now: Date,
): Promise<UploadResult> {
  try {
    return await storeUploadedImage(db, actor, bytes, meta, uploadDir, now);
  } catch (error) {
    // A full disk (the files or the row): a clear refusal, not a 500. Nothing was recorded.
    if (!isStorageFull(error)) throw error;
    console.error(`upload: an image could not be stored: ${describeWriteError(error)}`);
    return { ok: false, status: 507, message: UPLOAD_MESSAGES.storageFull };
  }
}

async function storeUploadedImage(
  db: PrismaClient,
  actor: Actor,
  bytes: Buffer,
  meta: UploadMeta,
  uploadDir: string,
  now: Date,
): Promise<UploadResult> {
  if (!canWriteArticles(actor)) return { ok: false, status: 403, message: UPLOAD_MESSAGES.forbidden };
  if (bytes.length === 0) return { ok: false, status: 400, message: UPLOAD_MESSAGES.empty };
  if (bytes.length > MAX_IMAGE_BYTES) return { ok: false, status: 413, message: UPLOAD_MESSAGES.tooLarge };
  let stored;
  try {
    stored = await storeImage(bytes, uploadDir, now);
  } catch (error) {
    if (error instanceof ImageRejectedError)
      return { ok: false, status: error.status, message: error.message };
    throw error;
  }
  const select = {
    id: true,
    key: true,
    width: true,
    height: true,
    alt: true,
    caption: true,
    credit: true,
  } as const;
  const existing = await db.image.findUnique({ where: { key: stored.key }, select });
  if (existing) return { ok: true, image: toAdminImage(existing), reused: true };
  let image;
  try {
    image = await db.image.create({
      data: {
        ...stored,
        alt: cleanLine(meta.alt).trim().slice(0, LIMITS.alt),
        caption: cleanLine(meta.caption).trim().slice(0, LIMITS.caption),
        credit: cleanLine(meta.credit).trim().slice(0, LIMITS.credit),
        createdAt: now,
      },
      select,
    });
  } catch (error) {
    // The same bytes uploaded twice at once: the other request's row wins.
    if (!(error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")) throw error;
    const row = await db.image.findUnique({ where: { key: stored.key }, select });
    if (!row) throw error;
    return { ok: true, image: toAdminImage(row), reused: true };
  }
  await db.auditLog.create({
    data: {
      userId: actor.id,
      action: EDITORIAL_AUDIT.imageUploaded,
      detail: JSON.stringify({ imageId: image.id, mime: stored.mime, bytes: stored.bytes }),
      createdAt: now,
    },
  });
  return { ok: true, image: toAdminImage(image), reused: false };
}

/** saveUploadedImage with the app's database and UPLOAD_DIR (the upload route's entry point). */
export async function uploadImage(actor: Actor, bytes: Buffer, meta: UploadMeta): Promise<UploadResult> {
  return saveUploadedImage(await getDb(), actor, bytes, meta, env.UPLOAD_DIR, new Date());
}
