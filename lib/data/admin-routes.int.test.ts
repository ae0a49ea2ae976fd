import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { adminPathLeadsNowhere, adminPathRefused } from "@/lib/data/admin-routes";
import { createSession } from "@/lib/auth/session-store";
import { makeArticle, makeChannel, makeUser, uniq } from "@/lib/testing/fixtures";

const nowhere = (path: string) => {
  const url = new URL(path, "http://x");
  return adminPathLeadsNowhere(url.pathname, url.searchParams);
};

describe("adminPathLeadsNowhere", () => {
  it("knows stories, their sub-pages and the parameters of their pages", async () => {
    const story = await makeArticle({
      channelId: (await makeChannel()).id,
      status: "draft",
      publishedAt: null,
    });
    const id = story.id;
    const db = await getDb();
    const [r1, r2] = await Promise.all(
      [1, 2].map((n) => db.articleRevision.create({ data: { articleId: id, snapshot: `{"n":${n}}` } })),
    );
    for (const sub of [
      "",
      "/revisions",
      "/revisions/compare",
      "/gallery",
      "/corrections",
      "/live",
      "/preview",
      "/delete",
    ]) {
      expect(await nowhere(`/admin/articles/${id}${sub}`), sub).toBe(false);
      expect(await nowhere(`/admin/articles/999999999${sub}`), sub).toBe(true);
      expect(await nowhere(`/admin/articles/abc${sub}`), sub).toBe(true);
    }
    expect(await nowhere("/admin/articles/new")).toBe(false);
    expect(await nowhere("/admin/articles/0")).toBe(true);
    expect(await nowhere("/admin/articles/99999999999")).toBe(true);
    expect(await nowhere(`/admin/articles/${id}/revisions?page=2`)).toBe(false);
    expect(await nowhere(`/admin/articles/${id}/revisions?page=x`)).toBe(true);
    expect(await nowhere(`/admin/articles/${id}/revisions?page=1&page=2`)).toBe(true);
    const compare = `/admin/articles/${id}/revisions/compare`;
    expect(await nowhere(`${compare}?from=${r1!.id}&to=${r2!.id}`)).toBe(false);
    expect(await nowhere(`${compare}?from=${r1!.id}&to=${r1!.id}`)).toBe(true);
    expect(await nowhere(`${compare}?from=${r1!.id}&to=999999999`)).toBe(true);
    expect(await nowhere(`${compare}?from=1`)).toBe(true);
    expect(await nowhere(`${compare}?from=1&to=x`)).toBe(true);
    // None named: the newest two saves, so a story with one save has nothing to compare.
    await db.articleRevision.delete({ where: { id: r2!.id } });
    expect(await nowhere(compare)).toBe(true);
    // Not a route at all: Next's own 404, not decided here.
    expect(await nowhere(`/admin/articles/${id}/nothing`)).toBe(false);
  });

  it("knows the list's cursors, page numbers, authors and topics", async () => {
    expect(await nowhere("/admin/articles")).toBe(false);
    expect(await nowhere("/admin/articles?after=1764547200000.5&q=x")).toBe(false);
    expect(await nowhere("/admin/articles?before=1764547200000.5")).toBe(false);
    expect(await nowhere("/admin/articles?after=abc")).toBe(true);
    expect(await nowhere("/admin/articles?after=1.5&before=1.5")).toBe(true);
    expect(await nowhere("/admin/articles?page=3")).toBe(false); // old links: the first page
    for (const list of ["/admin/comments", "/admin/audit", "/admin/sensitive-words"]) {
      expect(await nowhere(`${list}?page=2`)).toBe(false);
      expect(await nowhere(`${list}?page=0`)).toBe(true);
    }
    const db = await getDb();
    const author = await db.author.create({ data: { name: uniq("记者"), slug: uniq("a").toLowerCase() } });
    expect(await nowhere(`/admin/authors/${author.id}`)).toBe(false);
    expect(await nowhere("/admin/authors/999999999")).toBe(true);
    expect(await nowhere("/admin/authors/new")).toBe(false);
    expect(await nowhere("/admin/topics/999999999")).toBe(true);
    expect(await nowhere("/admin/topics/x")).toBe(true);
    expect(await nowhere("/admin/topics/new")).toBe(false);
    expect(await nowhere("/admin")).toBe(false);
  });
});

describe("adminPathRefused", () => {
  it("refuses admin-only pages to signed-in users who are not admins (editors, chiefs)", async () => {
    const now = new Date();
    const [admin, editor, chief] = await Promise.all([
      makeUser("admin"),
      makeUser("editor"),
      makeUser("chief"),
    ]);
    const [adminToken, editorToken, chiefToken] = await Promise.all(
      [admin, editor, chief].map(async (u) => (await createSession(u.id, now)).token),
    );
    const adminOnly = [
      "/admin/users",
      "/admin/channels",
      "/admin/regions",
      "/admin/audit",
      "/admin/sensitive-words",
      "/admin/articles/5/delete",
      "/admin/articles/abc/delete",
      "/admin/users/",
    ];
    for (const path of adminOnly) {
      expect(await adminPathRefused(path, editorToken), path).toBe(true);
      expect(await adminPathRefused(path, chiefToken), path).toBe(true);
      expect(await adminPathRefused(path, adminToken), path).toBe(false);
      // Not signed in (or a token that is no session): the page sends the visitor to the login page.
      expect(await adminPathRefused(path, undefined), path).toBe(false);
      expect(await adminPathRefused(path, "x".repeat(43)), path).toBe(false);
    }
    for (const path of ["/admin", "/admin/articles", "/admin/articles/5", "/admin/comments", "/admin/usersx"])
      expect(await adminPathRefused(path, editorToken), path).toBe(false);
  });
});
