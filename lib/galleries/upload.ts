// Uploading several gallery images at once as a function of the files' bytes: the route handler
// app/admin/api/articles/[id]/gallery/route.ts reads the request, the tests call this directly.
// Each file gets exactly the lead image's checks and processing (saveUploadedImage); the stored
// ones are then appended to the gallery in one transaction (lib/galleries/service.ts).
import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { saveUploadedImage } from "@/lib/images/upload";
import { canWriteArticles, type Actor } from "@/lib/articles/permissions";
import { addGalleryImages, type NewGalleryImage } from "@/lib/galleries/service";
import { GALLERY_LIMITS, GALLERY_MESSAGES } from "@/lib/galleries/rules";
import type { UploadOutcome } from "@/lib/galleries/upload-outcome";
import { cleanLine } from "@/lib/text";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";

export interface UploadedFile {
  name: string;
  bytes: Buffer;
}

export async function uploadGalleryImages(
  db: PrismaClient,
  actor: Actor,
  articleId: number,
  files: readonly UploadedFile[],
  credit: string,
  uploadDir: string,
  now: Date,
): Promise<UploadOutcome> {
  const none = { added: 0, duplicates: 0, refused: [] };
  if (!canWriteArticles(actor)) return { ...none, error: GALLERY_MESSAGES.forbidden };
  // A file input left empty still sends one nameless, empty part.
  const chosen = files.filter((f) => f.name !== "" || f.bytes.length > 0);
  if (chosen.length === 0) return { ...none, error: GALLERY_MESSAGES.noFiles };
  if (chosen.length > GALLERY_LIMITS.filesPerUpload) return { ...none, error: GALLERY_MESSAGES.tooManyFiles };
  const present = await db.galleryImage.count({ where: { articleId } });
  if (present + chosen.length > GALLERY_LIMITS.images) return { ...none, error: GALLERY_MESSAGES.full };
  const cleanCredit = cleanLine(credit).trim().slice(0, GALLERY_LIMITS.credit);
  const stored: NewGalleryImage[] = [];
  const refused: UploadOutcome["refused"] = [];
  for (const file of chosen) {
    const result = await saveUploadedImage(
      db,
      actor,
      file.bytes,
      { alt: "", caption: "", credit: cleanCredit },
      uploadDir,
      now,
    );
    if (result.ok) stored.push({ imageId: result.image.id, caption: "", credit: cleanCredit });
    else refused.push({ name: file.name || "（无名文件）", message: result.message });
  }
  if (stored.length === 0) return { ...none, refused };
  const added = await addGalleryImages(db, actor, articleId, stored, now);
  if (!added.ok) return { ...none, refused, error: added.message };
  return { added: added.added, duplicates: added.duplicates, refused };
}

/** The upload route's entry: this process's database and upload folder, at this moment. */
export async function uploadToGallery(
  actor: Actor,
  articleId: number,
  files: readonly UploadedFile[],
  credit: string,
): Promise<UploadOutcome> {
  return uploadGalleryImages(await getDb(), actor, articleId, files, credit, env.UPLOAD_DIR, new Date());
}
