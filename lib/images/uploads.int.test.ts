// What a reader can fetch of an uploaded image: uploaded through the function the upload route
// calls (saveUploadedImage), fetched through the /media route handler itself.
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { GET as media } from "@/app/media/[...key]/route";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { uniq } from "@/lib/testing/fixtures";
import { saveUploadedImage } from "@/lib/images/upload";
import { cleanStoredImages } from "@/lib/images/clean";
import {
  IMAGE_MESSAGES,
  MASTER_MAX_EDGE,
  MASTERS_DIR,
  masterPath,
  oneDecodeAtATime,
  storeImage,
} from "@/lib/images/store";
import { DERIVATIVE_WIDTHS, derivativeName, imageRef } from "@/lib/images/urls";
import { renderDemoImage } from "@/prisma/demo/images";

const NOW = new Date();
const META = { alt: "替代", caption: "说明", credit: "" };

async function editor() {
  const db = await getDb();
  const user = await db.user.create({ data: { username: uniq("u"), passwordHash: "x", role: "editor" } });
  return { id: user.id, role: "editor" as const };
}

/**
 * A reporter's photo as a phone writes it: GPS position, a description, the camera, XMP, turned by
 * its EXIF orientation (stored 600×400, shown 400×600), in the Display P3 colour space.
 */
async function phonePhoto(seed: number): Promise<Buffer> {
  return sharp({
    create: { width: 600, height: 400, channels: 3, background: { r: seed % 256, g: 90, b: 30 } },
  })
    .withExif({
      IFD0: { ImageDescription: "Secret meeting place", Make: "PhoneCo", Model: "P1" },
      IFD3: {
        GPSLatitudeRef: "N",
        GPSLatitude: "24/1 19/1 3000/100",
        GPSLongitudeRef: "E",
        GPSLongitude: "109/1 24/1 1500/100",
      },
    })
    .withXmp(
      '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:description>Secret meeting place</dc:description></rdf:Description></rdf:RDF></x:xmpmeta>',
    )
    .withMetadata({ orientation: 6 })
    .withIccProfile("p3")
    .jpeg({ quality: 90 })
    .toBuffer();
}

function get(url: string): Promise<Response> {
  const rel = url.replace(/^\/media\//, "");
  return media(new Request(`http://localhost${url}`), { params: Promise.resolve({ key: rel.split("/") }) });
}

async function upload(bytes: Buffer) {
  const result = await saveUploadedImage(await getDb(), await editor(), bytes, META, env.UPLOAD_DIR, NOW);
  if (!result.ok) throw new Error(result.message);
  return (await getDb()).image.findUniqueOrThrow({ where: { id: result.image.id } });
}

/** Every file under `dir`, recursively. */
async function allFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
}

describe("uploaded images keep nothing private", () => {
  it("serves every variant without EXIF, GPS or XMP, turned upright, with the colour profile", async () => {
    const photo = await phonePhoto(Math.floor(Math.random() * 1000));
    const before = await sharp(photo).metadata();
    expect(before.exif?.toString("latin1")).toContain("Secret meeting place");
    expect(before.xmp).toBeDefined();
    expect(before.orientation).toBe(6);

    const row = await upload(photo);
    // The shown size, not the stored one.
    expect(row).toMatchObject({ width: 400, height: 600, mime: "image/jpeg" });
    const ref = imageRef(row);
    const urls = new Set([ref.src, ...ref.srcSet.split(", ").map((s) => s.split(" ")[0] ?? "")]);
    urls.add(`/media/${derivativeName(row.key, 1280)}`);
    expect(urls.size).toBeGreaterThanOrEqual(2);
    for (const url of urls) {
      const res = await get(url);
      expect(res.status, url).toBe(200);
      expect(res.headers.get("content-type")).toBe("image/webp");
      expect(res.headers.get("x-content-type-options")).toBe("nosniff");
      expect(res.headers.get("content-disposition")).toMatch(/^inline; filename="[0-9a-f]{16}-\d+\.webp"$/);
      const bytes = Buffer.from(await res.arrayBuffer());
      const meta = await sharp(bytes).metadata();
      expect(meta.format).toBe("webp");
      expect(meta.exif, url).toBeUndefined();
      expect(meta.xmp, url).toBeUndefined();
      expect(meta.iptc, url).toBeUndefined();
      expect(meta.orientation, url).toBeUndefined();
      expect(meta.height, url).toBeGreaterThan(meta.width);
      expect(meta.icc?.equals(before.icc ?? Buffer.alloc(0)), url).toBe(true);
      expect(bytes.toString("latin1")).not.toContain("Secret");
    }

    // The kept master is just as clean, and nothing under UPLOAD_DIR holds the uploaded bytes.
    const master = await sharp(masterPath(env.UPLOAD_DIR, row.key, "jpeg")).metadata();
    expect(master).toMatchObject({ width: 400, height: 600 });
    expect(master.exif).toBeUndefined();
    expect(master.xmp).toBeUndefined();
    for (const file of await allFiles(env.UPLOAD_DIR)) {
      if (!file.includes(row.key.split("/")[1] ?? "?")) continue;
      expect((await readFile(file)).toString("latin1"), file).not.toContain("Secret meeting place");
    }
  });

  it("gives the original's address, the master's and any other name under UPLOAD_DIR a 404", async () => {
    const row = await upload(await phonePhoto(Math.floor(Math.random() * 1000) + 1000));
    expect((await get(`/media/${derivativeName(row.key, 320)}`)).status).toBe(200);
    for (const url of [
      `/media/${row.key}.jpg`,
      `/media/${row.key}.png`,
      `/media/${row.key}.webp`,
      `/media/${MASTERS_DIR}/${row.key}.jpg`,
      `/media/${derivativeName(row.key, 320)}.tmp`,
      `/media/${row.key}-320.jpg`,
    ]) {
      expect((await get(url)).status, url).toBe(404);
    }
  });

  it("refuses more than 40 megapixels with a readable 413 and writes nothing", async () => {
    const db = await getDb();
    const huge = await sharp({ create: { width: 7000, height: 6000, channels: 3, background: "#c85a1e" } })
      .png({ compressionLevel: 1 })
      .toBuffer();
    const filesBefore = await allFiles(env.UPLOAD_DIR).catch(() => []);
    const result = await saveUploadedImage(db, await editor(), huge, META, env.UPLOAD_DIR, NOW);
    expect(result).toEqual({ ok: false, status: 413, message: IMAGE_MESSAGES.tooManyPixels(7000, 6000) });
    expect(IMAGE_MESSAGES.tooManyPixels(7000, 6000)).toBe(
      "图片像素过多（7000×6000，约 4200 万像素），最多 4000 万像素，请缩小后再上传",
    );
    expect(await allFiles(env.UPLOAD_DIR).catch(() => [])).toEqual(filesBefore);
  });

  it("keeps a master of at most MASTER_MAX_EDGE px; derivatives never enlarge", async () => {
    const big = await sharp({ create: { width: 3200, height: 1800, channels: 3, background: "#336699" } })
      .jpeg()
      .toBuffer();
    const row = await upload(big);
    expect(row).toMatchObject({ width: MASTER_MAX_EDGE, height: 1440 });
    const master = await sharp(masterPath(env.UPLOAD_DIR, row.key, "jpeg")).metadata();
    expect(master).toMatchObject({ width: MASTER_MAX_EDGE, height: 1440 });
    for (const w of DERIVATIVE_WIDTHS) {
      const meta = await sharp(path.join(env.UPLOAD_DIR, derivativeName(row.key, w))).metadata();
      expect(meta.width).toBe(w);
    }
  });

  it("re-encodes a polyglot: a JPEG carrying HTML is served as a fresh WebP without it", async () => {
    const jpeg = await sharp({ create: { width: 500, height: 300, channels: 3, background: "#208040" } })
      .jpeg()
      .toBuffer();
    const html = Buffer.from(
      `<!doctype html><html><body><script>alert(${Date.now()})</script></body></html>`,
    );
    const polyglot = Buffer.concat([jpeg, html]);
    const row = await upload(polyglot);
    for (const w of DERIVATIVE_WIDTHS) {
      const res = await get(`/media/${derivativeName(row.key, w)}`);
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toBe("image/webp");
      const bytes = Buffer.from(await res.arrayBuffer());
      expect(bytes.subarray(0, 4).toString("latin1")).toBe("RIFF");
      expect(bytes.subarray(8, 12).toString("latin1")).toBe("WEBP");
      expect(bytes.toString("latin1")).not.toContain("<script");
      expect(bytes.includes(polyglot.subarray(0, 64))).toBe(false);
    }
    const master = await readFile(masterPath(env.UPLOAD_DIR, row.key, "jpeg"));
    expect(master.toString("latin1")).not.toContain("<script");
  });
});

describe("the demo seed's images", () => {
  it("are stored as the uploads are: a clean master and clean derivatives, nothing else", async () => {
    const uploadDir = path.join(env.UPLOAD_DIR, uniq("seed"));
    const stored = await storeImage(await renderDemoImage("village", 42), uploadDir, NOW);
    expect(stored).toMatchObject({ mime: "image/jpeg", width: 1200, height: 675 });
    const files = (await allFiles(uploadDir)).map((f) => path.relative(uploadDir, f)).sort();
    expect(files).toEqual(
      [
        ...DERIVATIVE_WIDTHS.map((w) => derivativeName(stored.key, w)),
        path.join(MASTERS_DIR, `${stored.key}.jpg`),
      ].sort(),
    );
    for (const file of files) {
      const meta = await sharp(path.join(uploadDir, file)).metadata();
      expect(meta.exif, file).toBeUndefined();
      expect(meta.xmp, file).toBeUndefined();
    }
  });
});

describe("damaged and concurrent uploads", () => {
  it("answers a truncated JPEG with a readable 415 and writes nothing", async () => {
    const jpeg = await sharp({ create: { width: 640, height: 480, channels: 3, background: "#802040" } })
      .jpeg()
      .toBuffer();
    const cut = jpeg.subarray(0, Math.floor(jpeg.length / 2));
    const before = await allFiles(env.UPLOAD_DIR).catch(() => []);
    const result = await saveUploadedImage(await getDb(), await editor(), cut, META, env.UPLOAD_DIR, NOW);
    expect(result).toEqual({ ok: false, status: 415, message: IMAGE_MESSAGES.damaged });
    expect(await allFiles(env.UPLOAD_DIR).catch(() => [])).toEqual(before);
  });

  it("runs full-resolution decodes one at a time, and a failed one does not stop the next", async () => {
    let running = 0;
    let most = 0;
    const task = (fail: boolean) => async () => {
      running += 1;
      most = Math.max(most, running);
      await new Promise((r) => setTimeout(r, 20));
      running -= 1;
      if (fail) throw new Error("bad image");
      return "ok";
    };
    const results = await Promise.allSettled([
      oneDecodeAtATime(task(false)),
      oneDecodeAtATime(task(true)),
      oneDecodeAtATime(task(false)),
    ]);
    expect(most).toBe(1);
    expect(results.map((r) => r.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
  });
});

describe("cleanStoredImages (uploads stored before this cleaning)", () => {
  it("turns a kept upload into a clean master, remakes its derivatives and fixes the row's size", async () => {
    const db = await getDb();
    const uploadDir = path.join(env.UPLOAD_DIR, uniq("legacy"));
    const key = `202401/${randomBytes(8).toString("hex")}`;
    const photo = await phonePhoto(7);
    // What the old storeImage left: the uploaded bytes at `<key>.jpg`, WebP copies next to them.
    await mkdir(path.join(uploadDir, "202401"), { recursive: true });
    await writeFile(path.join(uploadDir, `${key}.jpg`), photo);
    for (const w of DERIVATIVE_WIDTHS) {
      await sharp(photo)
        .rotate()
        .resize({ width: w, withoutEnlargement: true })
        .webp()
        .toFile(path.join(uploadDir, derivativeName(key, w)));
    }
    const row = await db.image.create({
      data: { key, mime: "image/jpeg", width: 600, height: 400, bytes: photo.length, ...META },
    });

    const result = await cleanStoredImages(db, uploadDir, NOW);
    expect(result).toEqual({ cleaned: [key], failed: [] });
    expect(existsSync(path.join(uploadDir, `${key}.jpg`))).toBe(false);
    const master = await sharp(masterPath(uploadDir, key, "jpeg")).metadata();
    expect(master.exif).toBeUndefined();
    expect(master).toMatchObject({ width: 400, height: 600 });
    const updated = await db.image.findUniqueOrThrow({ where: { id: row.id } });
    expect(updated).toMatchObject({ width: 400, height: 600, mime: "image/jpeg" });
    for (const w of DERIVATIVE_WIDTHS) {
      const meta = await sharp(path.join(uploadDir, derivativeName(key, w))).metadata();
      expect(meta.exif).toBeUndefined();
      expect(meta.icc).toBeDefined();
    }
    // Nothing left to do.
    expect(await cleanStoredImages(db, uploadDir, NOW)).toEqual({ cleaned: [], failed: [] });
  });

  it("does nothing without an upload folder", async () => {
    const db = await getDb();
    expect(await cleanStoredImages(db, path.join(env.UPLOAD_DIR, uniq("none")), NOW)).toEqual({
      cleaned: [],
      failed: [],
    });
  });
});
