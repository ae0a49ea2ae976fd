// An image upload when the disk is full: a clear refusal (507 with a message), never a 500, and
// no Image row. The full disk is SQLite's own: on a database of its own, `max_page_count` keeps
// the file from growing and Image rows fill the table's one page, after which SQLite answers
// SQLITE_FULL ("database or disk is full") exactly as on a full file system.
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient, type PrismaClient } from "@/lib/prisma-factory";
import { saveUploadedImage, UPLOAD_MESSAGES } from "@/lib/images/upload";

const dir = mkdtempSync(path.join(tmpdir(), "difang-full-disk-"));
let db: PrismaClient;

beforeAll(async () => {
  const url = `file:${path.join(dir, "full.db")}`;
  execFileSync("npx", ["prisma", "migrate", "deploy"], {
    env: { ...process.env, DATABASE_URL: url },
    stdio: "pipe",
  });
  db = await createPrismaClient(url);
}, 60_000);

afterAll(async () => {
  await db.$disconnect();
  rmSync(dir, { recursive: true, force: true });
});

describe("saveUploadedImage on a full disk", () => {
  it("refuses with 507 and a message, and records nothing", async () => {
    const bytes = await sharp({
      create: { width: 640, height: 360, channels: 3, background: { r: 7, g: 200, b: 99 } },
    })
      .jpeg()
      .toBuffer();
    const pages = await db.$queryRawUnsafe<{ page_count: bigint | number }[]>("PRAGMA page_count");
    await db.$queryRawUnsafe(`PRAGMA max_page_count = ${Number(pages[0]?.page_count)}`);
    // Rows no larger than the upload's until the table's page has no room for another.
    let filled = 0;
    for (; filled < 1000; filled++) {
      const data = {
        key: `202611/${randomBytes(8).toString("hex")}`,
        mime: "image/jpeg",
        width: 1,
        height: 1,
        bytes: 1,
        alt: "a",
        caption: "c",
      };
      if (
        await db.image.create({ data }).then(
          () => false,
          () => true,
        )
      )
        break;
    }
    expect(filled).toBeLessThan(1000);
    const result = await saveUploadedImage(
      db,
      { id: 1, role: "editor" },
      bytes,
      { alt: "a", caption: "c", credit: "" },
      path.join(dir, "uploads"),
      new Date(),
    );
    expect(result).toEqual({ ok: false, status: 507, message: UPLOAD_MESSAGES.storageFull });
    expect(await db.image.count()).toBe(filled);
  });
});
