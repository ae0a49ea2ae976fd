// Saving, publishing, scheduling, unpublishing, deleting and restoring stories against the real
// temporary database, through the same functions the server actions call.
import { beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { clearCache } from "@/lib/cache/memo";
import { getArticle, listLatestInChannel } from "@/lib/data/articles";
import { isVisible } from "@/lib/data/visibility";
import { makeChannel, uniq } from "@/lib/testing/fixtures";
import {
  EMPTY_ARTICLE_FORM,
  parseArticleForm,
  type ArticleFormValues,
  type ArticleInput,
} from "@/lib/articles/form";
import { parseSnapshot } from "@/lib/articles/snapshot";
import type { Role } from "@/lib/auth/schemas";
import {
  deleteArticle,
  restoreRevision,
  saveArticle,
  SERVICE_MESSAGES,
  type SaveResult,
} from "@/lib/articles/service";

const T0 = new Date("2026-05-01T02:00:30Z");
const at = (ms: number) => new Date(T0.getTime() + ms);
const MIN = 60_000;

async function makeUser(role: Role = "editor") {
  const db = await getDb();
  const user = await db.user.create({ data: { username: uniq("u"), passwordHash: "x", role } });
  return { id: user.id, role };
}

async function makeImage() {
  const db = await getDb();
  return db.image.create({
    data: {
      key: `202605/${uniq("k").padEnd(16, "0").slice(0, 16)}`,
      mime: "image/jpeg",
      width: 800,
      height: 500,
      bytes: 1,
    },
  });
}

function input(channelId: number, values: Partial<ArticleFormValues> = {}): ArticleInput {
  const parsed = parseArticleForm({
    ...EMPTY_ARTICLE_FORM,
    channelId: String(channelId),
    title: uniq("标题"),
    body: "<p><strong>导语：</strong>正文第一段。</p>\n<p>第二段。</p>\n",
    tags: "柳江、测试",
    ...values,
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.data;
}

function ok(result: SaveResult) {
  if (!result.ok) throw new Error(`${result.error}: ${result.message}`);
  return result;
}

beforeEach(() => clearCache());

describe("saveArticle", () => {
  it("saves a new draft: rendered body, text, tags, author, a revision and an audit row", async () => {
    const db = await getDb();
    const editor = await makeUser();
    const ch = await makeChannel();
    const saved = ok(
      await saveArticle(db, editor, { id: null, version: null, intent: "save", input: input(ch.id) }, T0),
    );
    expect(saved).toMatchObject({
      created: true,
      status: "draft",
      displayStatus: "draft",
      touchesReaders: false,
    });

    const row = await db.article.findUniqueOrThrow({
      where: { id: saved.id },
      include: { tags: { include: { tag: true } }, revisions: true, auditEntries: true },
    });
    expect(row.bodyHtml).toBe("<p><strong>导语：</strong>正文第一段。</p>\n<p>第二段。</p>\n");
    expect(row.bodyText).toBe("导语：正文第一段。 第二段。");
    expect(row.authorId).toBe(editor.id);
    expect(row.tags.map((t) => t.tag.name).sort()).toEqual(["测试", "柳江"].sort());
    expect(row.updatedAt.getTime()).toBe(saved.updatedAt.getTime());
    expect(row.revisions).toHaveLength(1);
    expect(parseSnapshot(row.revisions[0]?.snapshot ?? "")).toMatchObject({
      title: row.title,
      status: "draft",
    });
    expect(row.auditEntries.map((a) => [a.action, a.userId])).toEqual([["article_created", editor.id]]);
    expect(saved.values.tags).toBe("柳江、测试");
  });

  it("publish now: visible to readers at once (lists included), time to the minute", async () => {
    const db = await getDb();
    const editor = await makeUser();
    const ch = await makeChannel();
    const saved = ok(
      await saveArticle(db, editor, { id: null, version: null, intent: "publish", input: input(ch.id) }, T0),
    );
    expect(saved).toMatchObject({ status: "published", displayStatus: "published", touchesReaders: true });
    expect(saved.publishedAt?.toISOString()).toBe("2026-05-01T02:00:00.000Z");
    const article = await getArticle(saved.id);
    expect(article && isVisible(article, T0.getTime())).toBe(true);
    const minute = Math.floor(T0.getTime() / MIN) * MIN;
    expect((await listLatestInChannel(ch.id, 10, minute)).map((c) => c.id)).toEqual([saved.id]);
    expect(await db.auditLog.count({ where: { articleId: saved.id, action: "article_published" } })).toBe(1);
  });

  it("schedule: stored as published with a future time, shown from that minute on", async () => {
    const db = await getDb();
    const editor = await makeUser();
    const ch = await makeChannel();
    const due = "2026-05-01T10:05"; // Beijing time = 02:05 UTC, 4.5 minutes after T0
    const saved = ok(
      await saveArticle(
        db,
        editor,
        { id: null, version: null, intent: "schedule", input: input(ch.id, { publishedAt: due }) },
        T0,
      ),
    );
    expect(saved).toMatchObject({ status: "published", displayStatus: "scheduled" });
    expect(saved.publishedAt?.toISOString()).toBe("2026-05-01T02:05:00.000Z");
    const dueMs = Date.parse("2026-05-01T02:05:00Z");
    expect(await listLatestInChannel(ch.id, 10, dueMs - MIN)).toEqual([]);
    expect((await listLatestInChannel(ch.id, 10, dueMs)).map((c) => c.id)).toEqual([saved.id]);
    const article = await getArticle(saved.id);
    expect(article && isVisible(article, dueMs - 1)).toBe(false);
    expect(article && isVisible(article, dueMs)).toBe(true);
  });

  it("schedule refuses a time already past, with the message on the time field", async () => {
    const db = await getDb();
    const ch = await makeChannel();
    const result = await saveArticle(
      db,
      await makeUser(),
      {
        id: null,
        version: null,
        intent: "schedule",
        input: input(ch.id, { publishedAt: "2026-05-01T09:00" }),
      },
      T0,
    );
    expect(result).toMatchObject({
      ok: false,
      error: "invalid",
      errors: { publishedAt: ["定时发布的时间必须晚于现在"] },
    });
  });

  it("edits replace tags and fields; the lead image's texts are saved on the image", async () => {
    const db = await getDb();
    const editor = await makeUser();
    const ch = await makeChannel();
    const img = await makeImage();
    const first = ok(
      await saveArticle(db, editor, { id: null, version: null, intent: "publish", input: input(ch.id) }, T0),
    );
    const second = ok(
      await saveArticle(
        db,
        editor,
        {
          id: first.id,
          version: first.updatedAt.getTime(),
          intent: "save",
          input: input(ch.id, {
            title: "新标题",
            tags: "新标签",
            leadImageId: String(img.id),
            leadImageAlt: "替代文字",
            leadImageCaption: "图片说明",
            leadImageCredit: "摄影 王五",
            publishedAt: "2026-05-01T10:00",
            isHeadline: true,
          }),
        },
        at(MIN),
      ),
    );
    expect(second).toMatchObject({ created: false, status: "published", displayStatus: "published" });
    const row = await db.article.findUniqueOrThrow({
      where: { id: first.id },
      include: { tags: { include: { tag: true } }, leadImage: true },
    });
    expect(row).toMatchObject({ title: "新标题", isHeadline: true, leadImageId: img.id });
    expect(row.tags.map((t) => t.tag.name)).toEqual(["新标签"]);
    expect(row.leadImage).toMatchObject({ alt: "替代文字", caption: "图片说明", credit: "摄影 王五" });
    expect(await db.articleRevision.count({ where: { articleId: first.id } })).toBe(2);
    expect(await db.auditLog.count({ where: { articleId: first.id, action: "article_updated" } })).toBe(1);
  });

  it("refuses a save based on an outdated version (another editor saved in between)", async () => {
    const db = await getDb();
    const ch = await makeChannel();
    const a = await makeUser();
    const b = await makeUser();
    const first = ok(
      await saveArticle(db, a, { id: null, version: null, intent: "save", input: input(ch.id) }, T0),
    );
    const version = first.updatedAt.getTime();
    ok(
      await saveArticle(
        db,
        b,
        { id: first.id, version, intent: "save", input: input(ch.id, { title: "B 的标题" }) },
        at(1000),
      ),
    );
    const stale = await saveArticle(
      db,
      a,
      { id: first.id, version, intent: "save", input: input(ch.id, { title: "A 的标题" }) },
      at(2000),
    );
    expect(stale).toMatchObject({ ok: false, error: "conflict" });
    expect((await db.article.findUniqueOrThrow({ where: { id: first.id } })).title).toBe("B 的标题");
  });

  it("lets exactly one of two concurrent saves from the same version win; the other gets the conflict", async () => {
    const db = await getDb();
    const ch = await makeChannel();
    const a = await makeUser();
    const b = await makeUser();
    const first = ok(
      await saveArticle(db, a, { id: null, version: null, intent: "save", input: input(ch.id) }, T0),
    );
    const version = first.updatedAt.getTime();
    const mine = input(ch.id, { title: "A 的标题", body: "A 写的正文。", tags: "甲标签" });
    const theirs = input(ch.id, { title: "B 的标题", body: "B 写的正文。", tags: "乙标签" });
    // Both read the story at `version` before either writes (the reads run first, then the
    // transactions, one after the other).
    const results = await Promise.all([
      saveArticle(db, a, { id: first.id, version, intent: "save", input: mine }, at(1000)),
      saveArticle(db, b, { id: first.id, version, intent: "save", input: theirs }, at(1001)),
    ]);
    const winners = results.filter((r) => r.ok);
    const losers = results.filter((r) => !r.ok);
    expect(winners).toHaveLength(1);
    expect(losers).toEqual([{ ok: false, error: "conflict", message: SERVICE_MESSAGES.conflict }]);

    // The winner's save is whole (story, tags, revision, audit row); the loser wrote nothing, and
    // the form keeps what the loser typed (saveArticleAction returns the editor's values).
    const won = results[0].ok ? mine : theirs;
    const row = await db.article.findUniqueOrThrow({
      where: { id: first.id },
      include: { tags: { include: { tag: true } } },
    });
    expect(row).toMatchObject({ title: won.title, body: won.body });
    expect(row.tags.map((t) => t.tag.name)).toEqual(won.tags);
    expect(await db.articleRevision.count({ where: { articleId: first.id } })).toBe(2);
    expect(await db.auditLog.count({ where: { articleId: first.id, action: "article_updated" } })).toBe(1);

    // The loser saves again from the version the winner left: accepted.
    const lost = results[0].ok ? theirs : mine;
    const retry = ok(
      await saveArticle(
        db,
        results[0].ok ? b : a,
        { id: first.id, version: row.updatedAt.getTime(), intent: "save", input: lost },
        at(2000),
      ),
    );
    expect(retry.values.title).toBe(lost.title);
  });

  it("refuses a missing channel, a missing image and a missing story", async () => {
    const db = await getDb();
    const editor = await makeUser();
    const ch = await makeChannel();
    const bad = await saveArticle(
      db,
      editor,
      {
        id: null,
        version: null,
        intent: "save",
        input: {
          ...input(ch.id),
          channelId: 999_999,
          leadImageId: 999_999,
          leadImageAlt: "a",
          leadImageCaption: "c",
        },
      },
      T0,
    );
    expect(bad).toMatchObject({ ok: false, error: "invalid" });
    expect(bad.ok === false && bad.error === "invalid" && Object.keys(bad.errors).sort()).toEqual([
      "channelId",
      "leadImageId",
    ]);
    const gone = await saveArticle(
      db,
      editor,
      { id: 999_999, version: null, intent: "save", input: input(ch.id) },
      T0,
    );
    expect(gone).toMatchObject({ ok: false, error: "not_found" });
  });

  it("unpublish hides the story and keeps its time; publishing again brings it back", async () => {
    const db = await getDb();
    const editor = await makeUser();
    const ch = await makeChannel();
    const pub = ok(
      await saveArticle(db, editor, { id: null, version: null, intent: "publish", input: input(ch.id) }, T0),
    );
    const down = ok(
      await saveArticle(
        db,
        editor,
        { id: pub.id, version: null, intent: "unpublish", input: input(ch.id) },
        at(MIN),
      ),
    );
    expect(down).toMatchObject({ status: "unpublished", displayStatus: "unpublished", touchesReaders: true });
    expect(down.publishedAt?.getTime()).toBe(pub.publishedAt?.getTime());
    clearCache();
    const hidden = await getArticle(pub.id);
    expect(hidden && isVisible(hidden, at(2 * MIN).getTime())).toBe(false);
    const again = ok(
      await saveArticle(
        db,
        editor,
        {
          id: pub.id,
          version: null,
          intent: "publish",
          input: input(ch.id, { publishedAt: down.values.publishedAt }),
        },
        at(5 * MIN),
      ),
    );
    // The original publish time, kept because it is already past.
    expect(again.publishedAt?.getTime()).toBe(pub.publishedAt?.getTime());
    expect(
      (await db.auditLog.findMany({ where: { articleId: pub.id }, orderBy: { id: "asc" } })).map(
        (a) => a.action,
      ),
    ).toEqual(["article_published", "article_unpublished", "article_published"]);
  });

  it("stores unsafe HTML inert", async () => {
    const db = await getDb();
    const ch = await makeChannel();
    const body = [
      "<p>正文</p><script>alert(1)</script>",
      "<img src=x onerror=alert(1)>",
      '<p><a href="javascript:alert(1)">x</a></p>',
      '<iframe src="https://example.com"></iframe>',
    ].join("\n\n");
    const saved = ok(
      await saveArticle(
        db,
        await makeUser(),
        { id: null, version: null, intent: "save", input: input(ch.id, { body }) },
        T0,
      ),
    );
    const { bodyHtml } = await db.article.findUniqueOrThrow({ where: { id: saved.id } });
    // No such elements or attributes, and the script's text is gone with it.
    expect(bodyHtml).not.toMatch(/<(script|img|iframe)\b/i);
    expect(bodyHtml).not.toMatch(/<[^>]*\sonerror=/i);
    expect(bodyHtml).not.toMatch(/href="javascript:/i);
    expect(bodyHtml).not.toContain("alert");
    expect(bodyHtml).toContain("<p>正文</p>");
  });
});

describe("cache invalidation recorded by saves", () => {
  /** Rows a save recorded, as `tag` or `tag@dueAt`. */
  async function rowsSince(id: number): Promise<string[]> {
    const db = await getDb();
    const rows = await db.cacheInvalidation.findMany({ where: { id: { gt: id } }, orderBy: { id: "asc" } });
    return rows.map((r) => (r.dueAt ? `${r.tag}@${r.dueAt.toISOString()}` : r.tag));
  }
  async function lastRowId(): Promise<number> {
    const db = await getDb();
    return (await db.cacheInvalidation.aggregate({ _max: { id: true } }))._max.id ?? 0;
  }

  it("a draft drops only itself, a publish every list, a body edit only the story", async () => {
    const db = await getDb();
    const editor = await makeUser();
    const ch = await makeChannel();
    let mark = await lastRowId();
    const draft = ok(
      await saveArticle(db, editor, { id: null, version: null, intent: "save", input: input(ch.id) }, T0),
    );
    expect(await rowsSince(mark)).toEqual([`article:${draft.id}`]);

    mark = await lastRowId();
    const values = { title: "定稿标题", body: "正文。" };
    const live = ok(
      await saveArticle(
        db,
        editor,
        { id: draft.id, version: draft.updatedAt.getTime(), intent: "publish", input: input(ch.id, values) },
        at(MIN),
      ),
    );
    expect(await rowsSince(mark)).toEqual([`article:${draft.id}`, "site"]);

    mark = await lastRowId();
    const publishedAt = "2026-05-01T10:01";
    const edited = { ...values, body: "改过的正文。", publishedAt };
    ok(
      await saveArticle(
        db,
        editor,
        { id: draft.id, version: live.updatedAt.getTime(), intent: "save", input: input(ch.id, edited) },
        at(2 * MIN),
      ),
    );
    expect(await rowsSince(mark)).toEqual([`article:${draft.id}`]);
  });

  it("a scheduled story also drops every list at its minute", async () => {
    const db = await getDb();
    const editor = await makeUser();
    const ch = await makeChannel();
    const mark = await lastRowId();
    const saved = ok(
      await saveArticle(
        db,
        editor,
        {
          id: null,
          version: null,
          intent: "schedule",
          input: input(ch.id, { publishedAt: "2026-05-01T10:05" }),
        },
        T0,
      ),
    );
    const due = "2026-05-01T02:05:00.000Z";
    expect(await rowsSince(mark)).toEqual([
      `article:${saved.id}`,
      "site",
      `site@${due}`,
      `article:${saved.id}@${due}`,
    ]);
  });

  it("new texts of a shared image drop every story showing it", async () => {
    const db = await getDb();
    const editor = await makeUser();
    const ch = await makeChannel();
    const img = await makeImage();
    const withImage = { leadImageId: String(img.id), leadImageAlt: "旧替代文字", leadImageCaption: "旧说明" };
    const a = ok(
      await saveArticle(
        db,
        editor,
        { id: null, version: null, intent: "publish", input: input(ch.id, withImage) },
        T0,
      ),
    );
    const b = ok(
      await saveArticle(
        db,
        editor,
        { id: null, version: null, intent: "publish", input: input(ch.id, withImage) },
        T0,
      ),
    );
    const mark = await lastRowId();
    ok(
      await saveArticle(
        db,
        editor,
        {
          id: b.id,
          version: b.updatedAt.getTime(),
          intent: "save",
          input: input(ch.id, { ...withImage, leadImageCaption: "新说明", publishedAt: "2026-05-01T10:00" }),
        },
        at(MIN),
      ),
    );
    expect((await rowsSince(mark)).sort()).toEqual([`article:${a.id}`, `article:${b.id}`, "site"].sort());
  });
});

describe("restoreRevision", () => {
  it("saves the old content again as a new revision; status and time stay as they are", async () => {
    const db = await getDb();
    const editor = await makeUser();
    const ch = await makeChannel();
    const ch2 = await makeChannel();
    const draft = ok(
      await saveArticle(
        db,
        editor,
        { id: null, version: null, intent: "save", input: input(ch.id, { title: "初稿标题", tags: "旧" }) },
        T0,
      ),
    );
    const pub = ok(
      await saveArticle(
        db,
        editor,
        {
          id: draft.id,
          version: null,
          intent: "publish",
          input: input(ch2.id, { title: "发布标题", tags: "新" }),
        },
        at(MIN),
      ),
    );
    const oldest = await db.articleRevision.findFirstOrThrow({
      where: { articleId: draft.id },
      orderBy: { id: "asc" },
    });
    const restored = ok(await restoreRevision(db, editor, draft.id, oldest.id, at(2 * MIN)));
    expect(restored).toMatchObject({ status: "published", displayStatus: "published" });
    const row = await db.article.findUniqueOrThrow({
      where: { id: draft.id },
      include: { tags: { include: { tag: true } } },
    });
    expect(row).toMatchObject({ title: "初稿标题", channelId: ch.id, status: "published" });
    expect(row.publishedAt?.getTime()).toBe(pub.publishedAt?.getTime());
    expect(row.tags.map((t) => t.tag.name)).toEqual(["旧"]);
    expect(await db.articleRevision.count({ where: { articleId: draft.id } })).toBe(3);
    const audit = await db.auditLog.findFirstOrThrow({
      where: { articleId: draft.id, action: "article_restored" },
    });
    expect(JSON.parse(audit.detail)).toMatchObject({ revisionId: oldest.id });
  });

  it("refuses a revision of another story and an unreadable snapshot", async () => {
    const db = await getDb();
    const editor = await makeUser();
    const ch = await makeChannel();
    const a = ok(
      await saveArticle(db, editor, { id: null, version: null, intent: "save", input: input(ch.id) }, T0),
    );
    const b = ok(
      await saveArticle(db, editor, { id: null, version: null, intent: "save", input: input(ch.id) }, T0),
    );
    const revOfB = await db.articleRevision.findFirstOrThrow({ where: { articleId: b.id } });
    expect(await restoreRevision(db, editor, a.id, revOfB.id, at(MIN))).toMatchObject({
      ok: false,
      error: "not_found",
    });
    const broken = await db.articleRevision.create({ data: { articleId: a.id, snapshot: "{}" } });
    expect(await restoreRevision(db, editor, a.id, broken.id, at(MIN))).toMatchObject({
      ok: false,
      error: "bad_revision",
    });
  });
});

describe("deleteArticle", () => {
  it("is for admins only; deletes revisions and comments, keeps an audit row naming the story", async () => {
    const db = await getDb();
    const editor = await makeUser("editor");
    const admin = await makeUser("admin");
    const ch = await makeChannel();
    const saved = ok(
      await saveArticle(
        db,
        editor,
        { id: null, version: null, intent: "publish", input: input(ch.id, { title: "要删除的稿件" }) },
        T0,
      ),
    );
    await db.comment.create({ data: { articleId: saved.id, body: "评论" } });

    expect(await deleteArticle(db, editor, saved.id, at(MIN))).toMatchObject({
      ok: false,
      error: "forbidden",
    });
    expect(await db.article.count({ where: { id: saved.id } })).toBe(1);

    expect(await deleteArticle(db, admin, saved.id, at(MIN))).toEqual({
      ok: true,
      id: saved.id,
      wasPublished: true,
    });
    expect(await db.article.count({ where: { id: saved.id } })).toBe(0);
    expect(await db.articleRevision.count({ where: { articleId: saved.id } })).toBe(0);
    expect(await db.comment.count({ where: { articleId: saved.id } })).toBe(0);
    const audit = await db.auditLog.findFirstOrThrow({
      where: { action: "article_deleted", userId: admin.id },
    });
    expect(audit.articleId).toBeNull();
    expect(JSON.parse(audit.detail)).toMatchObject({ articleId: saved.id, title: "要删除的稿件" });
    expect(await deleteArticle(db, admin, saved.id, at(MIN))).toMatchObject({
      ok: false,
      error: "not_found",
    });
  });
});
