// Images stored before uploads were cleaned kept the uploaded bytes (EXIF, GPS position and all) at
// `YYYYMM/<hash>.<ext>` next to their derivatives. This turns each of them into a master like new
// uploads get (lib/images/store.ts: orientation applied, metadata dropped, at most MASTER_MAX_EDGE
// px, under `masters/`), makes the derivatives again from it, deletes the uploaded file and updates
// the Image row's size. Idempotent: a second run finds nothing. Takes the client as a parameter (no
// "server-only"): `npm run images:clean` and the tests use it.
import { readdir, readFile, rm } from "node:fs/promises";
import path from "node:path";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { recordInvalidation } from "@/lib/cache/invalidate";
import { ImageRejectedError, writeImageFiles } from "@/lib/images/store";

/** sharp's own default limit: files stored before the 40-megapixel cap are cleaned, not refused. */
const LEGACY_MAX_PIXELS = 0x3fff * 0x3fff;

export interface CleanImagesResult {
  cleaned: string[];
  /** Files sharp cannot read (left in place, named for the operator). */
  failed: { file: string; reason: string }[];
}

/** `YYYYMM/<hash>.<ext>` files under `uploadDir`: uploaded bytes kept by earlier versions. */
async function legacyOriginals(uploadDir: string): Promise<string[]> {
  let months: string[];
  try {
    months = (await readdir(uploadDir)).filter((d) => /^\d{6}$/.test(d));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  }
  const found: string[] = [];
  for (const month of months.sort()) {
    for (const name of (await readdir(path.join(uploadDir, month))).sort()) {
      if (/^[0-9a-f]{16}\.(jpg|png|webp)$/.test(name)) found.push(`${month}/${name}`);
    }
  }
  return found;
}

export async function cleanStoredImages(
  db: PrismaClient,
  uploadDir: string,
  now: Date = new Date(),
): Promise<CleanImagesResult> {
  const result: CleanImagesResult = { cleaned: [], failed: [] };
  for (const rel of await legacyOriginals(uploadDir)) {
    const file = path.join(uploadDir, rel);
    const key = rel.replace(/\.[a-z]+$/, "");
    let stored;
    try {
      stored = await writeImageFiles(await readFile(file), uploadDir, key, LEGACY_MAX_PIXELS);
    } catch (error) {
      if (!(error instanceof ImageRejectedError)) throw error;
      result.failed.push({ file: rel, reason: error.message });
      continue;
    }
    await db.image.updateMany({
      where: { key },
      data: { width: stored.width, height: stored.height, mime: stored.mime, bytes: stored.bytes },
    });
    await rm(file);
    result.cleaned.push(key);
  }
  // Sizes may have changed (a photo turned by its EXIF orientation): pages show them.
  if (result.cleaned.length > 0) await recordInvalidation(db, ["site"], now);
  return result;
}
