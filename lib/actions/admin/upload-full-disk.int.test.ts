// An image upload when the disk is full: a clear refusal (507 with a message), never a 500, and
// no Image row. The full disk is SQLite's own: `max_page_count` makes the file unable to grow,
// and SQLite answers SQLITE_FULL ("database or disk is full") exactly as on a full file system.
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { uniq } from "@/lib/testing/fixtures";
import { saveUploadedImage, UPLOAD_MESSAGES } from "@/lib/actions/admin/upload-image";

describe("saveUploadedImage on a full disk", () => {
  it("refuses with 507 and a message, and records nothing", async () => {
    const db = await getDb();
    const user = await db.user.create({ data: { username: uniq("u"), passwordHash: "x", role: "editor" } });
    const editor = { id: user.id, role: "editor" as const };
    const bytes = await sharp({
      create: { width: 640, height: 360, channels: 3, background: { r: 7, g: 200, b: 99 } },
    })
      .jpeg()
      .toBuffer();
    const pages = await db.$queryRawUnsafe<{ page_count: bigint | number }[]>("PRAGMA page_count");
    await db.$queryRawUnsafe(`PRAGMA max_page_count = ${Number(pages[0]?.page_count)}`);
    let result;
    let images = 0;
    try {
      // Use up the room left in the Image table's pages.
      for (let i = 0; i < 5000; i++) {
        const data = {
          key: uniq("full/"),
          mime: "image/jpeg",
          width: 1,
          height: 1,
          bytes: 1,
          alt: "满".repeat(100),
        };
        if (
          await db.image.create({ data }).then(
            () => false,
            () => true,
          )
        )
          break;
      }
      images = await db.image.count();
      result = await saveUploadedImage(
        db,
        editor,
        bytes,
        { alt: "a", caption: "c", credit: "" },
        env.UPLOAD_DIR,
        new Date(),
      );
    } finally {
      await db.$queryRawUnsafe("PRAGMA max_page_count = 1073741823");
    }
    expect(result).toEqual({ ok: false, status: 507, message: UPLOAD_MESSAGES.storageFull });
    expect(await db.image.count()).toBe(images);
  });
});
