// Moderation, bans, channel edits and image uploads against the real temporary database, through
// the functions the server actions and the upload route call.
import { existsSync, statSync } from "node:fs";
import path from "node:path";
import sharp from "sharp";
import { beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { clearCache } from "@/lib/cache/memo";
import { listApprovedComments } from "@/lib/data/comments";
import { getChannelBySlug, getChannelRedirect } from "@/lib/data/channels";
import { addressHash, submitComment } from "@/lib/comments/submit";
import { MIN_FILL_MS, issueFormToken } from "@/lib/comments/policy";
import { makeArticle, makeChannel, uniq } from "@/lib/testing/fixtures";
import type { Role } from "@/lib/auth/schemas";
import { banCommentAddress, moderateComments } from "@/lib/comments/moderation-service";
import { updateChannel } from "@/lib/channels/service";
import { MAX_IMAGE_BYTES, saveUploadedImage } from "@/lib/images/upload";
import { masterPath } from "@/lib/images/store";
import { derivativeName } from "@/lib/images/urls";

const NOW = new Date();

async function makeUser(role: Role = "editor") {
  const db = await getDb();
  const user = await db.user.create({ data: { username: uniq("u"), passwordHash: "x", role } });
  return { id: user.id, role };
}

async function makeComments(n: number, ipHash = uniq("ip")) {
  const db = await getDb();
  const ch = await makeChannel();
  const article = await makeArticle({ channelId: ch.id });
  const comments = [];
  for (let i = 0; i < n; i++) {
    comments.push(await db.comment.create({ data: { articleId: article.id, body: uniq("评论"), ipHash } }));
  }
  return { article, comments, ipHash };
}

beforeEach(() => clearCache());

describe("moderateComments", () => {
  it("approves: readers see the comments once the story's comment tag is dropped", async () => {
    const db = await getDb();
    const editor = await makeUser();
    const { article, comments } = await makeComments(2);
    expect((await listApprovedComments(article.id, 1)).total).toBe(0);
    const result = await moderateComments(
      db,
      editor,
      { decision: "approve", ids: comments.map((c) => c.id) },
      NOW,
    );
    expect(result).toEqual({ ok: true, count: 2, articleIds: [article.id] });
    // The service recorded the invalidation: the cached list is read again.
    expect((await listApprovedComments(article.id, 1)).total).toBe(2);
    const audit = await db.auditLog.findFirstOrThrow({
      where: { articleId: article.id, action: "comment_approved" },
    });
    expect(audit.userId).toBe(editor.id);
    expect(JSON.parse(audit.detail)).toEqual({ commentIds: comments.map((c) => c.id), count: 2 });
  });

  it("rejects and deletes; ids that do not exist are skipped; none at all is refused", async () => {
    const db = await getDb();
    const editor = await makeUser();
    const { comments } = await makeComments(2);
    const [a, b] = comments;
    if (!a || !b) throw new Error("fixtures");
    expect(
      await moderateComments(db, editor, { decision: "reject", ids: [a.id, 999_999] }, NOW),
    ).toMatchObject({
      ok: true,
      count: 1,
    });
    expect((await db.comment.findUniqueOrThrow({ where: { id: a.id } })).status).toBe("rejected");
    expect(await moderateComments(db, editor, { decision: "delete", ids: [a.id, b.id] }, NOW)).toMatchObject({
      ok: true,
      count: 2,
    });
    expect(await db.comment.count({ where: { id: { in: [a.id, b.id] } } })).toBe(0);
    expect(await moderateComments(db, editor, { decision: "approve", ids: [a.id] }, NOW)).toMatchObject({
      ok: false,
    });
  });

  it("groups the audit rows per story", async () => {
    const db = await getDb();
    const editor = await makeUser();
    const one = await makeComments(1);
    const two = await makeComments(1);
    const ids = [...one.comments, ...two.comments].map((c) => c.id);
    const result = await moderateComments(db, editor, { decision: "approve", ids }, NOW);
    expect(result.ok && [...result.articleIds].sort()).toEqual([one.article.id, two.article.id].sort());
    expect(
      await db.auditLog.count({
        where: { action: "comment_approved", articleId: { in: [one.article.id, two.article.id] } },
      }),
    ).toBe(2);
  });
});

describe("banCommentAddress", () => {
  it("bans the address for N hours: new comments from it are refused, others are not", async () => {
    const db = await getDb();
    const editor = await makeUser();
    const address = `198.51.100.${Math.floor(Math.random() * 200)}-${uniq()}`;
    const { article, comments } = await makeComments(3, addressHash(address));
    const [first] = comments;
    if (!first) throw new Error("fixtures");
    const now = Date.now();
    const result = await banCommentAddress(
      db,
      editor,
      { commentId: first.id, hours: 24, reason: "", rejectPending: true },
      new Date(now),
    );
    expect(result).toMatchObject({ ok: true, rejected: 3, articleIds: [article.id] });
    const ban = await db.ban.findUniqueOrThrow({ where: { ipHash: addressHash(address) } });
    expect(ban.until.getTime()).toBe(now + 24 * 3_600_000);
    expect(await db.comment.count({ where: { articleId: article.id, status: "rejected" } })).toBe(3);

    const token = issueFormToken(article.id, now - MIN_FILL_MS - 1000, env.APP_SECRET);
    const refused = await submitComment(
      { articleId: article.id, body: uniq("封禁后"), token },
      { address },
      now,
    );
    expect(refused).toMatchObject({ status: "error", code: "banned" });
    const other = await submitComment(
      { articleId: article.id, body: uniq("别人"), token },
      { address: `${address}-other` },
      now,
    );
    expect(other.status).toBe("pending");
    // After the ban ends the address may comment again.
    const later = now + 25 * 3_600_000;
    const laterToken = issueFormToken(article.id, later - MIN_FILL_MS - 1000, env.APP_SECRET);
    const back = await submitComment(
      { articleId: article.id, body: uniq("解封后"), token: laterToken },
      { address },
      later,
    );
    expect(back.status).toBe("pending");
    expect(await db.auditLog.count({ where: { action: "address_banned", articleId: article.id } })).toBe(1);
  });

  it("keeps other pending comments when asked, and refuses comments without an address", async () => {
    const db = await getDb();
    const editor = await makeUser();
    const { comments } = await makeComments(2);
    const [first] = comments;
    if (!first) throw new Error("fixtures");
    const kept = await banCommentAddress(
      db,
      editor,
      { commentId: first.id, hours: 1, reason: "刷屏", rejectPending: false },
      NOW,
    );
    expect(kept).toMatchObject({ ok: true, rejected: 0 });
    expect(
      await db.comment.count({ where: { id: { in: comments.map((c) => c.id) }, status: "pending" } }),
    ).toBe(2);
    const anonymous = await makeComments(1, "");
    const noAddress = anonymous.comments[0];
    if (!noAddress) throw new Error("fixtures");
    expect(
      await banCommentAddress(
        db,
        editor,
        { commentId: noAddress.id, hours: 1, reason: "", rejectPending: false },
        NOW,
      ),
    ).toMatchObject({ ok: false });
  });
});

describe("updateChannel", () => {
  it("renaming the slug keeps the old one as a redirect; the reader lookups follow", async () => {
    const db = await getDb();
    const admin = await makeUser("admin");
    const ch = await makeChannel();
    await makeArticle({ channelId: ch.id });
    const newSlug = `n${uniq().toLowerCase()}`;
    expect(await getChannelBySlug(ch.slug)).not.toBeNull();
    const result = await updateChannel(
      db,
      admin,
      { id: ch.id, name: ch.name, slug: newSlug, sortOrder: 5, slogan: "新口号", reviewSteps: 3 },
      NOW,
    );
    expect(result).toEqual({ ok: true, slugChanged: true, oldSlug: ch.slug });
    expect(
      await db.channel.findUniqueOrThrow({ where: { id: ch.id }, select: { reviewSteps: true } }),
    ).toEqual({
      reviewSteps: 3,
    });
    expect(await getChannelBySlug(ch.slug)).toBeNull();
    expect(await getChannelBySlug(newSlug)).toMatchObject({ id: ch.id, slogan: "新口号" });
    expect(await getChannelRedirect(ch.slug)).toBe(newSlug);
    const audit = await db.auditLog.findFirstOrThrow({
      where: { action: "channel_updated", userId: admin.id },
    });
    expect(JSON.parse(audit.detail)).toMatchObject({
      channelId: ch.id,
      before: { slug: ch.slug },
      after: { slug: newSlug },
    });
  });

  it("a slug can be taken back by its own channel, never by another one", async () => {
    const db = await getDb();
    const admin = await makeUser("admin");
    const a = await makeChannel();
    const b = await makeChannel();
    const moved = `m${uniq().toLowerCase()}`;
    await updateChannel(
      db,
      admin,
      { id: a.id, name: a.name, slug: moved, sortOrder: 0, slogan: "", reviewSteps: 1 },
      NOW,
    );
    // b may not take a's old slug (it still redirects to a) nor a's current one.
    for (const slug of [a.slug, moved]) {
      const refused = await updateChannel(
        db,
        admin,
        { id: b.id, name: b.name, slug, sortOrder: 0, slogan: "", reviewSteps: 1 },
        NOW,
      );
      expect(refused).toMatchObject({ ok: false, errors: { slug: [expect.any(String)] } });
    }
    // a renames back: the old redirect becomes its slug again, and the other one a redirect.
    const back = await updateChannel(
      db,
      admin,
      { id: a.id, name: a.name, slug: a.slug, sortOrder: 0, slogan: "", reviewSteps: 1 },
      NOW,
    );
    expect(back).toMatchObject({ ok: true, slugChanged: true, oldSlug: moved });
    expect(await db.channelRedirect.findUnique({ where: { slug: a.slug } })).toBeNull();
    expect(await db.channelRedirect.findUnique({ where: { slug: moved } })).toMatchObject({
      channelId: a.id,
    });
  });

  it("refuses a duplicate name, and editors", async () => {
    const db = await getDb();
    const a = await makeChannel();
    const b = await makeChannel();
    const admin = await makeUser("admin");
    expect(
      await updateChannel(
        db,
        admin,
        { id: b.id, name: a.name, slug: b.slug, sortOrder: 0, slogan: "", reviewSteps: 1 },
        NOW,
      ),
    ).toMatchObject({ ok: false, errors: { name: ["已有同名频道"] } });
    expect(
      await updateChannel(
        db,
        await makeUser("editor"),
        { id: b.id, name: "改名", slug: b.slug, sortOrder: 0, slogan: "", reviewSteps: 1 },
        NOW,
      ),
    ).toMatchObject({ ok: false, message: "只有管理员可以修改频道" });
    expect((await db.channel.findUniqueOrThrow({ where: { id: b.id } })).name).toBe(b.name);
  });
});

describe("saveUploadedImage", () => {
  const jpeg = (seed: number) =>
    sharp({ create: { width: 800, height: 450, channels: 3, background: { r: seed % 256, g: 90, b: 30 } } })
      .jpeg()
      .toBuffer();

  it("stores a real image with derivatives and an Image row; the same bytes again reuse it", async () => {
    const db = await getDb();
    const editor = await makeUser();
    const bytes = await jpeg(Math.floor(Math.random() * 1000));
    const result = await saveUploadedImage(
      db,
      editor,
      bytes,
      { alt: " 替代 ", caption: "说明", credit: "" },
      env.UPLOAD_DIR,
      NOW,
    );
    if (!result.ok) throw new Error(result.message);
    expect(result.reused).toBe(false);
    const row = await db.image.findUniqueOrThrow({ where: { id: result.image.id } });
    expect(row).toMatchObject({
      mime: "image/jpeg",
      width: 800,
      height: 450,
      alt: "替代",
      caption: "说明",
    });
    for (const w of [320, 640])
      expect(existsSync(path.join(env.UPLOAD_DIR, derivativeName(row.key, w)))).toBe(true);
    // The stored master (re-encoded, never the uploaded bytes) and its size.
    const master = masterPath(env.UPLOAD_DIR, row.key, "jpeg");
    expect(row.bytes).toBe(statSync(master).size);
    expect(result.image.thumb).toBe(`/media/${derivativeName(row.key, 320)}`);

    const again = await saveUploadedImage(
      db,
      editor,
      bytes,
      { alt: "", caption: "", credit: "" },
      env.UPLOAD_DIR,
      NOW,
    );
    expect(again).toMatchObject({ ok: true, reused: true, image: { id: row.id } });
    expect(await db.auditLog.count({ where: { action: "image_uploaded", userId: editor.id } })).toBe(1);
  });

  it("stores alt text, caption and credit without control or bidi characters", async () => {
    const db = await getDb();
    const editor = await makeUser();
    const result = await saveUploadedImage(
      db,
      editor,
      await jpeg(1000 + Math.floor(Math.random() * 1000)),
      { alt: "工人\u0000在车间", caption: "\u2066新厂\u2069投产\u202E", credit: "摄\u0007影" },
      env.UPLOAD_DIR,
      NOW,
    );
    if (!result.ok) throw new Error(result.message);
    const row = await db.image.findUniqueOrThrow({ where: { id: result.image.id } });
    expect(row).toMatchObject({ alt: "工人在车间", caption: "新厂投产", credit: "摄影" });
  });

  it("decides the type by the bytes: HTML named .jpg, GIF, empty and oversized files are refused", async () => {
    const db = await getDb();
    const editor = await makeUser();
    const meta = { alt: "", caption: "", credit: "" };
    const html = Buffer.from("<!doctype html><script>alert(1)</script>");
    expect(await saveUploadedImage(db, editor, html, meta, env.UPLOAD_DIR, NOW)).toEqual({
      ok: false,
      status: 415,
      message: "文件不是可识别的图片（仅支持 JPEG、PNG、WebP）",
    });
    const gif = await sharp({ create: { width: 4, height: 4, channels: 3, background: "#000" } })
      .gif()
      .toBuffer();
    expect(await saveUploadedImage(db, editor, gif, meta, env.UPLOAD_DIR, NOW)).toMatchObject({
      ok: false,
      status: 415,
    });
    expect(await saveUploadedImage(db, editor, Buffer.alloc(0), meta, env.UPLOAD_DIR, NOW)).toMatchObject({
      ok: false,
      status: 400,
    });
    expect(
      await saveUploadedImage(db, editor, Buffer.alloc(MAX_IMAGE_BYTES + 1), meta, env.UPLOAD_DIR, NOW),
    ).toMatchObject({ ok: false, status: 413 });
  });
});
