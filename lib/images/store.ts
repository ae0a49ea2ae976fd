// Stores an image under UPLOAD_DIR: the original bytes plus WebP derivatives at fixed widths.
// The format is decided from the bytes by sharp, never from a file name.
import { createHash } from "node:crypto";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import sharp, { type Metadata } from "sharp";
import { DERIVATIVE_WIDTHS, derivativeName } from "@/lib/images/urls";

export const ACCEPTED_FORMATS = { jpeg: "image/jpeg", png: "image/png", webp: "image/webp" } as const;
export type AcceptedFormat = keyof typeof ACCEPTED_FORMATS;

export interface StoredImage {
  key: string;
  mime: string;
  width: number;
  height: number;
  bytes: number;
}

export class ImageRejectedError extends Error {}

/** Inspect bytes: the real format and size, or an ImageRejectedError with a reader-facing reason. */
export async function inspectImage(
  bytes: Buffer,
): Promise<{ format: AcceptedFormat; width: number; height: number }> {
  let meta: Metadata;
  try {
    meta = await sharp(bytes).metadata();
  } catch {
    throw new ImageRejectedError("文件不是可识别的图片（仅支持 JPEG、PNG、WebP）");
  }
  const format = meta.format;
  if (format !== "jpeg" && format !== "png" && format !== "webp") {
    throw new ImageRejectedError("仅支持 JPEG、PNG、WebP 格式的图片");
  }
  if (!meta.width || !meta.height) throw new ImageRejectedError("无法读取图片尺寸");
  return { format, width: meta.width, height: meta.height };
}

export async function storeImage(
  bytes: Buffer,
  uploadDir: string,
  now: Date = new Date(),
): Promise<StoredImage> {
  const { format, width, height } = await inspectImage(bytes);
  const hash = createHash("sha256").update(bytes).digest("hex").slice(0, 16);
  const month = `${now.getUTCFullYear()}${String(now.getUTCMonth() + 1).padStart(2, "0")}`;
  const key = `${month}/${hash}`;
  const dir = path.join(uploadDir, month);
  await mkdir(dir, { recursive: true });
  const ext = format === "jpeg" ? "jpg" : format;
  await writeFile(path.join(uploadDir, `${key}.${ext}`), bytes);
  // Auto-orient from EXIF, strip metadata (location data stays private), never enlarge.
  await Promise.all(
    DERIVATIVE_WIDTHS.map((w) =>
      sharp(bytes)
        .rotate()
        .resize({ width: w, withoutEnlargement: true })
        .webp({ quality: 78 })
        .toFile(path.join(uploadDir, derivativeName(key, w))),
    ),
  );
  return { key, mime: ACCEPTED_FORMATS[format], width, height, bytes: bytes.length };
}
