// 更正 / 更新说明 against the real temporary database (SQLite, or PostgreSQL with TEST_POSTGRES_URL):
// the editor's writes (lib/corrections/service.ts), what readers get (the story's notes, the
// /corrections list, the structured data, the feed), the audit rows and the invalidations.
import { beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { clearCache } from "@/lib/cache/memo";
import { cacheCaughtUp } from "@/lib/cache/shared";
import { EDITORIAL_AUDIT } from "@/lib/articles/audit-actions";
import { CORRECTION_MESSAGES, parseCorrectionForm } from "@/lib/corrections/rules";
import { CORRECTION_SERVICE_MESSAGES, addCorrection, removeCorrection } from "@/lib/corrections/service";
import { getArticle } from "@/lib/data/articles";
import { getCorrectionsForAdmin, listCorrections } from "@/lib/data/corrections";
import { listFeedStories } from "@/lib/data/feeds";
import { articleJsonLd } from "@/lib/seo";
import { makeArticle, makeChannel, uniq } from "@/lib/testing/fixtures";

const HOUR = 3_600_000;
const site = { siteUrl: "https://example.test", siteName: "测试网" };

async function makeUser(role: "editor" | "admin" = "editor") {
  const db = await getDb();
  const user = await db.user.create({ data: { username: uniq("u"), passwordHash: "x", role } });
  return { id: user.id, role };
}

async function story(status: "published" | "draft" = "published", publishedAt = new Date(Date.now() - HOUR)) {
  const ch = await makeChannel();
  const article = await makeArticle({ channelId: ch.id, status, publishedAt });
  return { id: article.id, channelId: ch.id };
}

async function invalidationsSince(since: Date): Promise<string[]> {
  const db = await getDb();
  const rows = await db.cacheInvalidation.findMany({
    where: { createdAt: { gte: since } },
    select: { tag: true },
  });
  return rows.map((r) => r.tag);
}

beforeEach(() => clearCache());

describe("corrections", () => {
  it("adds a dated note to a published story: shown with it, audited, its pages dropped, its updatedAt moved", async () => {
    const db = await getDb();
    const editor = await makeUser();
    const a = await story();
    const before = await db.article.findUniqueOrThrow({ where: { id: a.id } });
    const at = new Date(Date.now() + 1000);
    const added = await addCorrection(
      db,
      editor,
      a.id,
      { kind: "correction", text: "原文称大桥长 1200 米，应为 1020 米。" },
      at,
    );
    expect(added).toMatchObject({ ok: true });
    await addCorrection(
      db,
      editor,
      a.id,
      { kind: "update", text: "补充了通车时间。" },
      new Date(at.getTime() + 1000),
    );
    await cacheCaughtUp();

    const detail = await getArticle(a.id);
    expect(detail?.corrections.map((c) => [c.kind, c.text])).toEqual([
      ["correction", "原文称大桥长 1200 米，应为 1020 米。"],
      ["update", "补充了通车时间。"],
    ]);
    const after = await db.article.findUniqueOrThrow({ where: { id: a.id } });
    expect(after.updatedAt.getTime()).toBe(at.getTime() + 1000);
    expect(after.updatedAt.getTime()).toBeGreaterThan(before.updatedAt.getTime());
    expect(await invalidationsSince(at)).toEqual(expect.arrayContaining(["site", `article:${a.id}`]));

    const audit = await db.auditLog.findMany({ where: { articleId: a.id }, orderBy: { id: "asc" } });
    expect(audit.map((r) => [r.action, r.userId])).toEqual([
      [EDITORIAL_AUDIT.correctionAdded, editor.id],
      [EDITORIAL_AUDIT.correctionAdded, editor.id],
    ]);
    expect(JSON.parse(audit[0]?.detail ?? "{}")).toMatchObject({
      kind: "correction",
      text: expect.stringContaining("1020"),
    });

    // Structured data: the 更正 as a CorrectionComment; the 更新说明 only moves dateModified.
    const ld = articleJsonLd(detail!, site);
    expect(ld.correction).toEqual([
      {
        "@type": "CorrectionComment",
        text: "原文称大桥长 1200 米，应为 1020 米。",
        datePublished: expect.stringMatching(/\+08:00$/),
      },
    ]);
    expect(ld.dateModified).not.toBe(ld.datePublished);

    // The feed marks the story as updated.
    const feed = await listFeedStories(a.channelId, 10, Date.now() + 10_000);
    expect(feed.find((s) => s.id === a.id)?.updatedAt?.getTime()).toBe(at.getTime() + 1000);
  });

  it("refuses a note on a draft, on a missing story, and from a role that cannot write", async () => {
    const db = await getDb();
    const editor = await makeUser();
    const draft = await story("draft");
    const note = { kind: "correction" as const, text: "x" };
    expect(await addCorrection(db, editor, draft.id, note, new Date())).toEqual({
      ok: false,
      message: CORRECTION_SERVICE_MESSAGES.notPublished,
    });
    expect(await addCorrection(db, editor, 2_000_000_000, note, new Date())).toEqual({
      ok: false,
      message: CORRECTION_SERVICE_MESSAGES.noArticle,
    });
    const a = await story();
    const reader = { id: editor.id, role: "viewer" } as unknown as typeof editor; // a role the app does not grant
    expect(await addCorrection(db, reader, a.id, note, new Date())).toEqual({
      ok: false,
      message: CORRECTION_SERVICE_MESSAGES.forbidden,
    });
    expect(await db.articleCorrection.count({ where: { articleId: { in: [draft.id, a.id] } } })).toBe(0);
  });

  it("takes a note down, keeping its words in the audit log; another story's note cannot be named", async () => {
    const db = await getDb();
    const editor = await makeUser();
    const a = await story();
    const b = await story();
    const added = await addCorrection(db, editor, a.id, { kind: "update", text: "旧说明" }, new Date());
    if (!added.ok) throw new Error(added.message);
    expect(await removeCorrection(db, editor, b.id, added.correctionId, new Date())).toEqual({
      ok: false,
      message: CORRECTION_SERVICE_MESSAGES.noCorrection,
    });
    expect(await removeCorrection(db, editor, a.id, added.correctionId, new Date())).toMatchObject({
      ok: true,
    });
    expect((await getCorrectionsForAdmin(a.id))?.notes).toEqual([]);
    const removed = await db.auditLog.findFirst({
      where: { articleId: a.id, action: EDITORIAL_AUDIT.correctionRemoved },
    });
    expect(JSON.parse(removed?.detail ?? "{}")).toMatchObject({ text: "旧说明", kind: "update" });
  });

  it("lists notes of visible stories only, newest first, a page at a time", async () => {
    const db = await getDb();
    const editor = await makeUser();
    const visible = await story();
    const scheduled = await story("published", new Date(Date.now() + 10 * HOUR));
    const t0 = Date.now();
    await addCorrection(db, editor, visible.id, { kind: "correction", text: "第一条" }, new Date(t0));
    await addCorrection(
      db,
      editor,
      scheduled.id,
      { kind: "correction", text: "定时稿件的说明" },
      new Date(t0 + 1),
    );
    await addCorrection(db, editor, visible.id, { kind: "update", text: "第二条" }, new Date(t0 + 2));
    await cacheCaughtUp();
    const page = await listCorrections(1, t0 + 60_000);
    const mine = page.items.filter(
      (c) => c.story.href.endsWith(`/${visible.id}`) || c.text === "定时稿件的说明",
    );
    expect(mine.map((c) => c.text)).toEqual(["第二条", "第一条"]);
    expect(page.total).toBeGreaterThanOrEqual(2);
    // Unpublishing the story takes its notes off the public list.
    await db.article.update({ where: { id: visible.id }, data: { status: "unpublished" } });
    clearCache();
    const after = await listCorrections(1, t0 + 60_000);
    expect(after.items.some((c) => c.story.href.endsWith(`/${visible.id}`))).toBe(false);
  });

  it("checks the form: a kind from the list, text present and bounded", () => {
    expect(parseCorrectionForm({ kind: "correction", text: "  数字有误  " })).toEqual({
      ok: true,
      input: { kind: "correction", text: "数字有误" },
    });
    expect(parseCorrectionForm({ kind: "oops", text: "x" })).toMatchObject({
      ok: false,
      errors: { kind: [CORRECTION_MESSAGES.kind] },
    });
    expect(parseCorrectionForm({ kind: "update", text: "   " })).toMatchObject({
      ok: false,
      errors: { text: [CORRECTION_MESSAGES.textEmpty] },
    });
    expect(parseCorrectionForm({ kind: "update", text: "字".repeat(501) })).toMatchObject({
      ok: false,
      errors: { text: [CORRECTION_MESSAGES.textLong] },
    });
  });
});
