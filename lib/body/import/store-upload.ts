// Storing an image that arrives inside a body (a pasted picture from another site, a picture in a
// .docx) as an ordinary upload: saveUploadedImage's checks (size, pixel count, real format),
// metadata-free master and WebP derivatives, an Image row and its audit entry. What the body
// keeps is the stored image's site address (the 640 px derivative, or the largest there is) and
// its size, as the editor writes an uploaded image.
//
//   bodyImageStorer(db, actor, uploadDir, now) → StoreUpload
//   uploadBodyImage  — the same with this process's database and UPLOAD_DIR, at this moment
import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { saveUploadedImage } from "@/lib/images/upload";
import type { Actor } from "@/lib/articles/permissions";
import { imageRef } from "@/lib/images/urls";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";

export interface StoredBodyImage {
  /** Site address of the derivative the body shows (`/media/YYYYMM/<hash>-640.webp`). */
  src: string;
  width: number;
  height: number;
}

export type StoreUploadResult = { ok: true; image: StoredBodyImage } | { ok: false; message: string };

/** Stores `bytes` as an upload with `alt` as its alternative text. */
export type StoreUpload = (bytes: Buffer, alt: string) => Promise<StoreUploadResult>;

export function bodyImageStorer(db: PrismaClient, actor: Actor, uploadDir: string, now: Date): StoreUpload {
  return async (bytes, alt) => {
    const result = await saveUploadedImage(
      db,
      actor,
      bytes,
      { alt, caption: "", credit: "" },
      uploadDir,
      now,
    );
    if (!result.ok) return { ok: false, message: result.message };
    const row = await db.image.findUniqueOrThrow({
      where: { id: result.image.id },
      select: { key: true, width: true, height: true },
    });
    const ref = imageRef({ ...row, alt, caption: "", credit: "" });
    return { ok: true, image: { src: ref.src, width: row.width, height: row.height } };
  };
}

export async function bodyImageStorerFor(actor: Actor): Promise<StoreUpload> {
  return bodyImageStorer(await getDb(), actor, env.UPLOAD_DIR, new Date());
}
