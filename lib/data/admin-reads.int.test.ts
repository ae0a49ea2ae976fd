// The editor area's reads: the article list's filters and order, the moderation queue, revisions.
import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { makeArticle, makeChannel, uniq } from "@/lib/testing/fixtures";
import { getArticleForEdit, getArticlePreview, listAdminArticles } from "@/lib/data/admin-articles";
import { listCommentsForModeration } from "@/lib/data/admin-comments";

const HOUR = 3_600_000;

describe("listAdminArticles", () => {
  it("filters by title, channel and status (scheduled = published with a future time), newest update first", async () => {
    const db = await getDb();
    const ch = await makeChannel();
    const word = uniq("筛选");
    const now = Date.now();
    const live = await makeArticle({
      channelId: ch.id,
      title: `${word} 已发布`,
      publishedAt: new Date(now - HOUR),
    });
    const scheduled = await makeArticle({
      channelId: ch.id,
      title: `${word} 定时`,
      publishedAt: new Date(now + HOUR),
    });
    const draft = await makeArticle({
      channelId: ch.id,
      title: `${word} 草稿`,
      status: "draft",
      publishedAt: null,
    });
    const down = await makeArticle({ channelId: ch.id, title: `${word} 撤下`, status: "unpublished" });
    // Update order: live last.
    await db.article.update({ where: { id: live.id }, data: { summary: "改" } });

    const all = await listAdminArticles(
      { q: word, channelId: null, status: null, after: null, before: null },
      now,
    );
    expect(all.items).toHaveLength(4);
    expect(all.items[0]?.id).toBe(live.id);
    const byStatus = async (status: "draft" | "scheduled" | "published" | "unpublished") =>
      (
        await listAdminArticles({ q: word, channelId: ch.id, status, after: null, before: null }, now)
      ).items.map((i) => [i.id, i.status]);
    expect(await byStatus("published")).toEqual([[live.id, "published"]]);
    expect(await byStatus("scheduled")).toEqual([[scheduled.id, "scheduled"]]);
    expect(await byStatus("draft")).toEqual([[draft.id, "draft"]]);
    expect(await byStatus("unpublished")).toEqual([[down.id, "unpublished"]]);
    // The scheduled story counts as published once its time has come.
    const later = await listAdminArticles(
      { q: word, channelId: null, status: "published", after: null, before: null },
      now + 2 * HOUR,
    );
    expect(later.items.map((i) => i.id).sort()).toEqual([live.id, scheduled.id].sort());
    const other = await makeChannel();
    expect(
      (
        await listAdminArticles(
          { q: word, channelId: other.id, status: null, after: null, before: null },
          now,
        )
      ).items,
    ).toEqual([]);
  });

  it("pages through 30 at a time", async () => {
    const ch = await makeChannel();
    const word = uniq("分页");
    for (let i = 0; i < 32; i++) await makeArticle({ channelId: ch.id, title: `${word}${i}` });
    const filter = { q: word, channelId: null, status: null, after: null, before: null };
    const p1 = await listAdminArticles(filter, Date.now());
    const p2 = await listAdminArticles({ ...filter, after: p1.next }, Date.now());
    expect([p1.items.length, p2.items.length, p2.next]).toEqual([30, 2, null]);
    expect(p2.items.some((i) => p1.items.some((j) => j.id === i.id))).toBe(false);
  });
});

describe("getArticleForEdit / getArticlePreview", () => {
  it("give drafts too, with form values and the reader page's fields", async () => {
    const ch = await makeChannel();
    const draft = await makeArticle({
      channelId: ch.id,
      status: "draft",
      publishedAt: null,
      tags: [uniq("标签")],
    });
    const edit = await getArticleForEdit(draft.id, Date.now());
    expect(edit).toMatchObject({
      id: draft.id,
      status: "draft",
      values: { title: draft.title, publishedAt: "" },
    });
    expect(edit?.version).toBe(draft.updatedAt.getTime());
    const preview = await getArticlePreview(draft.id, Date.now());
    expect(preview).toMatchObject({
      title: draft.title,
      status: "draft",
      bodyHtml: draft.bodyHtml,
      href: `/${ch.slug}/${draft.id}`,
    });
    expect(await getArticleForEdit(999_999, Date.now())).toBeNull();
  });
});

describe("listCommentsForModeration", () => {
  it("lists one status newest first, counts every status and shows bans in force", async () => {
    const db = await getDb();
    const ch = await makeChannel();
    const article = await makeArticle({ channelId: ch.id });
    const ipHash = uniq("ip");
    const now = Date.now();
    const older = await db.comment.create({
      data: { articleId: article.id, body: "旧", ipHash, createdAt: new Date(now - 2000) },
    });
    const newer = await db.comment.create({
      data: { articleId: article.id, body: "新", ipHash, createdAt: new Date(now - 1000) },
    });
    await db.ban.create({ data: { ipHash, until: new Date(now + HOUR) } });
    const page = await listCommentsForModeration("pending", 1, now);
    const mine = page.items.filter((c) => c.article.id === article.id);
    expect(mine.map((c) => c.id)).toEqual([newer.id, older.id]);
    expect(mine[0]).toMatchObject({
      hasAddress: true,
      article: { title: article.title, href: `/${ch.slug}/${article.id}` },
    });
    expect(mine[0]?.bannedUntil?.getTime()).toBe(now + HOUR);
    expect(page.counts.pending).toBeGreaterThanOrEqual(2);
    // No hash ever leaves the server.
    expect(JSON.stringify(mine)).not.toContain(ipHash);
  });
});
