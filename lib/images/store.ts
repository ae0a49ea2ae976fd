// Stores an image under UPLOAD_DIR. Nothing an editor uploads is kept or served as uploaded: sharp
// decodes it once into a master (orientation applied, at most MASTER_MAX_EDGE px, every metadata
// block dropped except the colour profile), kept under `masters/`, which no URL reaches; the WebP
// derivatives that readers get are made from that master. The format is decided from the bytes by
// sharp, never from a file name.
import { createHash, randomBytes } from "node:crypto";
import { mkdir, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import sharp, { type Metadata, type OutputInfo, type Sharp } from "sharp";
import { DERIVATIVE_WIDTHS, derivativeName } from "@/lib/images/urls";

export const ACCEPTED_FORMATS = { jpeg: "image/jpeg", png: "image/png", webp: "image/webp" } as const;
export type AcceptedFormat = keyof typeof ACCEPTED_FORMATS;

/** Largest picture accepted (width × height): a 40-megapixel camera; above that, a scan or a bomb. */
export const MAX_INPUT_PIXELS = 40_000_000;
/** Longest edge of a stored master: twice the largest derivative, enough to re-crop for print-size pages. */
export const MASTER_MAX_EDGE = 2560;
/** Folder under UPLOAD_DIR for masters; /media serves only `YYYYMM/<hash>-<width>.webp`. */
export const MASTERS_DIR = "masters";

const EXTENSIONS: Record<AcceptedFormat, string> = { jpeg: "jpg", png: "png", webp: "webp" };

export interface StoredImage {
  key: string;
  mime: string;
  /** Size of the stored master, orientation applied. */
  width: number;
  height: number;
  /** Bytes of the stored master. */
  bytes: number;
}

/** An image refused for what it is; `status` is the HTTP status the upload route answers. */
export class ImageRejectedError extends Error {
  constructor(
    message: string,
    readonly status: 413 | 415 = 415,
  ) {
    super(message);
  }
}

export const IMAGE_MESSAGES = {
  unreadable: "文件不是可识别的图片（仅支持 JPEG、PNG、WebP）",
  format: "仅支持 JPEG、PNG、WebP 格式的图片",
  noSize: "无法读取图片尺寸",
  damaged: "图片数据已损坏，无法处理，请重新导出后再上传",
  tooManyPixels: (width: number, height: number) =>
    `图片像素过多（${width}×${height}，约 ${Math.round((width * height) / 1e4)} 万像素），最多 ${MAX_INPUT_PIXELS / 1e4} 万像素，请缩小后再上传`,
} as const;

/**
 * Inspect bytes from the header only (nothing is decoded): the real format and size, or an
 * ImageRejectedError with a reader-facing reason. Width and height are as displayed (EXIF
 * orientation applied).
 */
export async function inspectImage(
  bytes: Buffer,
  maxPixels: number = MAX_INPUT_PIXELS,
): Promise<{ format: AcceptedFormat; width: number; height: number }> {
  let meta: Metadata;
  try {
    meta = await sharp(bytes).metadata();
  } catch {
    throw new ImageRejectedError(IMAGE_MESSAGES.unreadable);
  }
  const format = meta.format;
  if (format !== "jpeg" && format !== "png" && format !== "webp") {
    throw new ImageRejectedError(IMAGE_MESSAGES.format);
  }
  if (!meta.width || !meta.height) throw new ImageRejectedError(IMAGE_MESSAGES.noSize);
  if (meta.width * meta.height > maxPixels) {
    throw new ImageRejectedError(IMAGE_MESSAGES.tooManyPixels(meta.width, meta.height), 413);
  }
  const { width, height } = meta.autoOrient;
  return { format, width, height };
}

/** Encode in the master's format; keepIccProfile keeps the colour profile and nothing else. */
function encodeAs(pipeline: Sharp, format: AcceptedFormat): Sharp {
  const p = pipeline.keepIccProfile();
  if (format === "jpeg") return p.jpeg({ quality: 90 });
  if (format === "png") return p.png();
  return p.webp({ quality: 90 });
}

let decoding: Promise<unknown> = Promise.resolve();

/**
 * Run `task` after every task given before it has settled: full-resolution decodes run one at a
 * time in a process (a 40-megapixel picture is 160 MB of pixels), whatever the number of editors
 * uploading at once.
 */
export function oneDecodeAtATime<T>(task: () => Promise<T>): Promise<T> {
  const run = decoding.then(task, task);
  decoding = run.catch(() => undefined);
  return run;
}

/** Write through a temporary file, so that a crash never leaves a half-written image at its name. */
async function writeAtomic(file: string, data: Buffer): Promise<void> {
  const tmp = `${file}.${randomBytes(6).toString("hex")}.tmp`;
  try {
    await writeFile(tmp, data);
    await rename(tmp, file);
  } catch (error) {
    await rm(tmp, { force: true });
    throw error;
  }
}

export function masterPath(uploadDir: string, key: string, format: AcceptedFormat): string {
  return path.join(uploadDir, MASTERS_DIR, `${key}.${EXTENSIONS[format]}`);
}

/**
 * The master and the derivatives of `bytes` under `key`. One full-resolution decode (the master,
 * at most MAX_INPUT_PIXELS, one at a time per process), then the derivatives one after another
 * from the master, which is at most MASTER_MAX_EDGE px on its longest side. `maxPixels` is raised
 * only to clean files stored before the cap existed.
 */
export async function writeImageFiles(
  bytes: Buffer,
  uploadDir: string,
  key: string,
  maxPixels: number = MAX_INPUT_PIXELS,
): Promise<StoredImage> {
  const { format } = await inspectImage(bytes, maxPixels);
  let master: { data: Buffer; info: OutputInfo };
  try {
    master = await oneDecodeAtATime(() =>
      encodeAs(
        sharp(bytes, { limitInputPixels: maxPixels }).autoOrient().resize({
          width: MASTER_MAX_EDGE,
          height: MASTER_MAX_EDGE,
          fit: "inside",
          withoutEnlargement: true,
        }),
        format,
      ).toBuffer({ resolveWithObject: true }),
    );
  } catch {
    throw new ImageRejectedError(IMAGE_MESSAGES.damaged);
  }
  const masterFile = masterPath(uploadDir, key, format);
  await mkdir(path.dirname(masterFile), { recursive: true });
  await mkdir(path.dirname(path.join(uploadDir, key)), { recursive: true });
  for (const w of DERIVATIVE_WIDTHS) {
    const webp = await sharp(master.data)
      .resize({ width: w, withoutEnlargement: true })
      .keepIccProfile()
      .webp({ quality: 78 })
      .toBuffer();
    await writeAtomic(path.join(uploadDir, derivativeName(key, w)), webp);
  }
  await writeAtomic(masterFile, master.data);
  return {
    key,
    mime: ACCEPTED_FORMATS[format],
    width: master.info.width,
    height: master.info.height,
    bytes: master.data.length,
  };
}

/** Storage key of uploaded bytes: `YYYYMM/<first 16 hex of SHA-256>`. */
export function imageKey(bytes: Buffer, now: Date): string {
  const hash = createHash("sha256").update(bytes).digest("hex").slice(0, 16);
  const month = `${now.getUTCFullYear()}${String(now.getUTCMonth() + 1).padStart(2, "0")}`;
  return `${month}/${hash}`;
}

export async function storeImage(
  bytes: Buffer,
  uploadDir: string,
  now: Date = new Date(),
): Promise<StoredImage> {
  return writeImageFiles(bytes, uploadDir, imageKey(bytes, now));
}
