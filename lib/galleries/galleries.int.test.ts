// 图集 against the real temporary database (SQLite, or PostgreSQL with TEST_POSTGRES_URL): several
// images uploaded at once through the function the upload route calls, reordered, captioned and
// removed through the service, read as the story page and 图文看点 read them, with the cache
// invalidations each write records.
import sharp from "sharp";
import { beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { clearCache } from "@/lib/cache/memo";
import { cacheCaughtUp } from "@/lib/cache/shared";
import { getEditorGallery, getGallery } from "@/lib/data/galleries";
import { getPictureHighlights } from "@/lib/data/sidebars";
import { uploadGalleryImages } from "@/lib/galleries/upload";
import {
  addGalleryImages,
  moveGalleryItem,
  removeGalleryItem,
  updateGalleryItem,
} from "@/lib/galleries/service";
import { GALLERY_LIMITS, GALLERY_MESSAGES } from "@/lib/galleries/rules";
import { IMAGE_MESSAGES } from "@/lib/images/store";
import { makeArticle, makeChannel, uniq } from "@/lib/testing/fixtures";
import { minuteNow } from "@/lib/time";

async function makeEditor() {
  const db = await getDb();
  const user = await db.user.create({ data: { username: uniq("u"), passwordHash: "x", role: "editor" } });
  return { id: user.id, role: "editor" as const };
}

let colour = Math.floor(Math.random() * 200);
/** A distinct JPEG each call (the store keys images by their bytes). */
async function photo(width = 900, height = 600): Promise<Buffer> {
  colour = (colour + 7) % 256;
  return sharp({
    create: {
      width,
      height,
      channels: 3,
      background: { r: colour, g: (colour * 3) % 256, b: Date.now() % 256 },
    },
  })
    .jpeg()
    .toBuffer();
}

/** The tags recorded at exactly `now` (each write below gets its own instant). */
async function tagsAt(now: Date): Promise<string[]> {
  const rows = await (
    await getDb()
  ).cacheInvalidation.findMany({ where: { createdAt: now }, select: { tag: true } });
  return rows.map((r) => r.tag).sort();
}

let tick = Date.now();
const instant = () => new Date((tick += 1000));

beforeEach(() => clearCache());

describe("图集", () => {
  it("takes several images at once with the lead image's checks, in the order chosen", async () => {
    const db = await getDb();
    const editor = await makeEditor();
    const ch = await makeChannel();
    const article = await makeArticle({ channelId: ch.id, title: uniq("图集") });
    expect(await getGallery(article.id)).toEqual([]); // cached empty: the upload must drop it
    const files = await Promise.all(
      [1, 2, 3, 4, 5].map(async (i) => ({ name: `p${i}.jpg`, bytes: await photo() })),
    );
    const bad = { name: "notes.jpg", bytes: Buffer.from("not an image at all") };
    const now = instant();
    const outcome = await uploadGalleryImages(
      db,
      editor,
      article.id,
      [...files.slice(0, 2), bad, ...files.slice(2)],
      "本报记者 摄",
      env.UPLOAD_DIR,
      now,
    );
    expect(outcome.added).toBe(5);
    expect(outcome.refused).toEqual([{ name: "notes.jpg", message: expect.any(String) as string }]);
    expect(Object.values(IMAGE_MESSAGES)).toContain(outcome.refused[0]?.message);
    // A new cover on a published story: its page and every list showing it.
    expect(await tagsAt(now)).toEqual([`article:${article.id}`, "site"]);
    const audit = await db.auditLog.findMany({ where: { articleId: article.id, action: "gallery_updated" } });
    expect(audit).toHaveLength(1);

    await cacheCaughtUp();
    const slides = await getGallery(article.id);
    expect(slides.map((s) => s.n)).toEqual([1, 2, 3, 4, 5]);
    for (const s of slides) {
      expect(s.image.srcSet).toMatch(/320w, .*640w/);
      expect(s.image.credit).toBe("本报记者 摄");
    }
    // The same bytes again are not added twice.
    const again = await uploadGalleryImages(
      db,
      editor,
      article.id,
      files.slice(0, 1),
      "",
      env.UPLOAD_DIR,
      instant(),
    );
    expect(again).toMatchObject({ added: 0, duplicates: 1, refused: [] });
    expect((await getEditorGallery(article.id))?.items).toHaveLength(5);
  });

  it("reorders, captions and removes, recording `site` only when the cover changes", async () => {
    const db = await getDb();
    const editor = await makeEditor();
    const ch = await makeChannel();
    const article = await makeArticle({ channelId: ch.id });
    const imageIds: number[] = [];
    for (let i = 0; i < 3; i++) {
      const out = await uploadGalleryImages(
        db,
        editor,
        article.id,
        [{ name: `${i}.jpg`, bytes: await photo() }],
        "",
        env.UPLOAD_DIR,
        instant(),
      );
      expect(out.added).toBe(1);
    }
    const items = async () => (await getEditorGallery(article.id))?.items ?? [];
    const [a, b, c] = await items();
    if (!a || !b || !c) throw new Error("three items expected");
    imageIds.push(a.image.id, b.image.id, c.image.id);

    // A caption: the story's page only, and the image row keeps its own texts.
    let now = instant();
    expect(
      await updateGalleryItem(db, editor, article.id, b.id, { caption: "第二张", credit: "新华社" }, now),
    ).toEqual({ ok: true });
    expect(await tagsAt(now)).toEqual([`article:${article.id}`]);
    expect((await db.image.findUniqueOrThrow({ where: { id: b.image.id } })).caption).toBe("");
    // The cover's caption: lists show it too (as the image's alt text).
    now = instant();
    await updateGalleryItem(db, editor, article.id, a.id, { caption: "封面", credit: "" }, now);
    expect(await tagsAt(now)).toEqual([`article:${article.id}`, "site"]);

    // Moving the last up: same cover.
    now = instant();
    expect(await moveGalleryItem(db, editor, article.id, c.id, "up", now)).toEqual({ ok: true });
    expect((await items()).map((i) => i.id)).toEqual([a.id, c.id, b.id]);
    expect(await tagsAt(now)).toEqual([`article:${article.id}`]);
    // Moving the first down: a new cover.
    now = instant();
    await moveGalleryItem(db, editor, article.id, a.id, "down", now);
    expect((await items()).map((i) => i.id)).toEqual([c.id, a.id, b.id]);
    expect(await tagsAt(now)).toEqual([`article:${article.id}`, "site"]);
    // Past either end: nothing moves.
    await moveGalleryItem(db, editor, article.id, c.id, "up", instant());
    expect((await items()).map((i) => i.id)).toEqual([c.id, a.id, b.id]);

    now = instant();
    expect(await removeGalleryItem(db, editor, article.id, c.id, now)).toEqual({ ok: true });
    expect(await tagsAt(now)).toEqual([`article:${article.id}`, "site"]);
    const left = await db.galleryImage.findMany({
      where: { articleId: article.id },
      orderBy: { position: "asc" },
    });
    expect(left.map((r) => [r.id, r.position])).toEqual([
      [a.id, 0],
      [b.id, 1],
    ]);
    await cacheCaughtUp();
    const slides = await getGallery(article.id);
    expect(slides.map((s) => s.image.caption)).toEqual(["封面", "第二张"]);
    expect(slides[1]?.image.credit).toBe("新华社");

    // Gone already, or not this story's: a clear refusal.
    expect(await removeGalleryItem(db, editor, article.id, c.id, instant())).toEqual({
      ok: false,
      message: GALLERY_MESSAGES.noItem,
    });
    expect(await moveGalleryItem(db, editor, 2_000_000_000, a.id, "up", instant())).toEqual({
      ok: false,
      message: GALLERY_MESSAGES.noArticle,
    });
    const other = await makeArticle({ channelId: ch.id });
    expect(
      await updateGalleryItem(db, editor, other.id, a.id, { caption: "", credit: "" }, instant()),
    ).toEqual({ ok: false, message: GALLERY_MESSAGES.noItem });
  });

  it("refuses what is not allowed, keeping the gallery as it was", async () => {
    const db = await getDb();
    const editor = await makeEditor();
    const ch = await makeChannel();
    const article = await makeArticle({ channelId: ch.id, status: "draft", publishedAt: null });
    const one = [{ name: "a.jpg", bytes: await photo() }];
    const upload = (files: { name: string; bytes: Buffer }[], now = instant()) =>
      uploadGalleryImages(db, editor, article.id, files, "", env.UPLOAD_DIR, now);
    expect((await upload([])).error).toBe(GALLERY_MESSAGES.noFiles);
    // An empty file input still sends one nameless, empty part.
    expect((await upload([{ name: "", bytes: Buffer.alloc(0) }])).error).toBe(GALLERY_MESSAGES.noFiles);
    const many = Array.from({ length: GALLERY_LIMITS.filesPerUpload + 1 }, (_, i) => ({
      name: `${i}.jpg`,
      bytes: Buffer.from([i]),
    }));
    expect((await upload(many)).error).toBe(GALLERY_MESSAGES.tooManyFiles);
    // A draft's first image changes no list: only its own tag.
    const now = instant();
    expect((await upload(one, now)).added).toBe(1);
    expect(await tagsAt(now)).toEqual([`article:${article.id}`]);
    // A full gallery takes no more (rows only: the service never reads the files).
    const rows = await Promise.all(
      Array.from({ length: GALLERY_LIMITS.images }, () =>
        db.image.create({
          data: { key: uniq("k"), mime: "image/jpeg", width: 800, height: 600, bytes: 1 },
          select: { id: true },
        }),
      ),
    );
    const fill = rows.map((r) => ({ imageId: r.id, caption: "", credit: "" }));
    expect(await addGalleryImages(db, editor, article.id, fill, instant())).toEqual({
      ok: false,
      message: GALLERY_MESSAGES.full,
    });
    expect(await addGalleryImages(db, editor, article.id, fill.slice(1), instant())).toMatchObject({
      ok: true,
      added: GALLERY_LIMITS.images - 1,
    });
    expect((await upload([{ name: "b.jpg", bytes: await photo() }])).error).toBe(GALLERY_MESSAGES.full);
    expect(await db.galleryImage.count({ where: { articleId: article.id } })).toBe(GALLERY_LIMITS.images);
  });

  it("feeds 图文看点 with its cover: the lead image, else the first gallery image", async () => {
    const db = await getDb();
    const editor = await makeEditor();
    const ch = await makeChannel();
    const plain = await makeArticle({
      channelId: ch.id,
      title: uniq("无题图图集"),
      publishedAt: new Date(Date.now() - 60_000),
    });
    const draft = await makeArticle({ channelId: ch.id, status: "draft", publishedAt: null });
    for (const a of [plain, draft]) {
      await uploadGalleryImages(
        db,
        editor,
        a.id,
        [
          { name: "1.jpg", bytes: await photo() },
          { name: "2.jpg", bytes: await photo() },
        ],
        "",
        env.UPLOAD_DIR,
        instant(),
      );
    }
    const first = (await getEditorGallery(plain.id))?.items[0];
    await updateGalleryItem(
      db,
      editor,
      plain.id,
      first?.id ?? 0,
      { caption: "封面说明", credit: "" },
      instant(),
    );
    await cacheCaughtUp();
    const nowMs = minuteNow().getTime() + 60_000;
    const cards = await getPictureHighlights(100, nowMs);
    const card = cards.find((c) => c.id === plain.id);
    expect(card?.image?.src).toContain(`-640.webp`);
    const firstKey = (await db.image.findUniqueOrThrow({ where: { id: first?.image.id ?? 0 } })).key;
    expect(card?.image?.src).toContain(firstKey);
    expect(card?.image?.alt).toBe("封面说明");
    expect(cards.some((c) => c.id === draft.id)).toBe(false);

    // With a lead image, the story is listed once, with its lead image.
    const lead = await db.image.findFirstOrThrow({ where: { galleries: { none: {} } } });
    await db.article.update({ where: { id: plain.id }, data: { leadImageId: lead.id } });
    clearCache();
    const again = (await getPictureHighlights(100, nowMs)).filter((c) => c.id === plain.id);
    expect(again).toHaveLength(1);
    expect(again[0]?.image?.src).toContain(lead.key);
  });
});
