// Reporters' profiles against the real temporary database (SQLite, or PostgreSQL with
// TEST_POSTGRES_URL): bylines linked on story save and on profile creation and rename, the author
// page's list (visibility, order, pagination), the cache tags each write records, and refusals.
import { beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { clearCache } from "@/lib/cache/memo";
import { PageStore } from "@/lib/cache/page-store";
import { cacheCaughtUp } from "@/lib/cache/shared";
import { EMPTY_ARTICLE_FORM, parseArticleForm } from "@/lib/articles/form";
import { saveArticle } from "@/lib/articles/service";
import type { SaveIntent } from "@/lib/articles/publication";
import { parseAuthorForm, type AuthorFormValues } from "@/lib/authors/rules";
import { AUTHOR_MESSAGES, createAuthor, updateAuthor } from "@/lib/authors/service";
import { getArticle } from "@/lib/data/articles";
import { getAuthorBySlug, listAuthorArticles, listSitemapAuthors } from "@/lib/data/authors";
import { PAGE_SIZE } from "@/lib/pagination";
import { makeArticle, makeChannel, uniq } from "@/lib/testing/fixtures";
import { minuteNow } from "@/lib/time";

const HOUR = 3_600_000;

async function makeEditor() {
  const db = await getDb();
  const user = await db.user.create({ data: { username: uniq("u"), passwordHash: "x", role: "editor" } });
  return { id: user.id, role: "editor" as const };
}
type Editor = Awaited<ReturnType<typeof makeEditor>>;

/** A reporter's name as bylines write it, unique per test run. */
const personName = () => uniq("韦");

function profile(values: Partial<AuthorFormValues> & { name: string }) {
  const parsed = parseAuthorForm({ slug: uniq("w"), desk: "柳州新闻部", bio: "", photoId: "", ...values });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.input;
}

async function newAuthor(editor: Editor, name: string) {
  const input = profile({ name });
  const result = await createAuthor(await getDb(), editor, input, new Date());
  if (!result.ok) throw new Error(result.message);
  return { id: result.id, slug: input.slug, linked: result.linked, input };
}

let channelId = 0;

/** Save a story through the editor's service, as the article form does. */
async function saveStory(
  editor: Editor,
  byline: string,
  opts: { id?: number; intent?: SaveIntent; publishedAt?: string } = {},
) {
  const parsed = parseArticleForm({
    ...EMPTY_ARTICLE_FORM,
    channelId: String(channelId),
    title: uniq("标题"),
    body: "正文。",
    byline,
    publishedAt: opts.publishedAt ?? "",
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  const saved = await saveArticle(
    await getDb(),
    editor,
    { id: opts.id ?? null, version: null, intent: opts.intent ?? "publish", input: parsed.data },
    new Date(),
  );
  if (!saved.ok) throw new Error(saved.message);
  return saved.id;
}

async function linksOf(articleId: number) {
  const db = await getDb();
  const rows = await db.articleAuthor.findMany({
    where: { articleId },
    orderBy: { position: "asc" },
    select: { author: { select: { name: true } }, position: true },
  });
  return rows.map((r) => `${r.author.name}@${r.position}`);
}

async function lastRowId(): Promise<number> {
  const db = await getDb();
  return (await db.cacheInvalidation.aggregate({ _max: { id: true } }))._max.id ?? 0;
}
/** Tags recorded since `id`, among those of interest (other test files write concurrently). */
async function tagsSince(id: number, interesting: readonly string[]): Promise<string[]> {
  const db = await getDb();
  const rows = await db.cacheInvalidation.findMany({
    where: { id: { gt: id }, tag: { in: [...interesting] } },
    select: { tag: true },
  });
  return [...new Set(rows.map((r) => r.tag))].sort();
}

const nowMs = () => minuteNow().getTime();

beforeEach(async () => {
  clearCache();
  channelId = (await makeChannel()).id;
});

describe("byline links on story save", () => {
  it("links the names that have a profile, in byline order, and leaves the rest as text", async () => {
    const editor = await makeEditor();
    const a = personName();
    const b = personName();
    const other = personName();
    const pa = await newAuthor(editor, a);
    await newAuthor(editor, b);
    const id = await saveStory(editor, `本报记者 ${other}、${b} 通讯员${a}`);
    expect(await linksOf(id)).toEqual([`${b}@1`, `${a}@2`]);
    const article = await getArticle(id);
    expect(article?.authors).toEqual([
      { name: b, slug: expect.any(String) },
      { name: a, slug: pa.slug },
    ]);

    // An edit that drops a name drops its link; one that keeps them changes nothing.
    const before = await lastRowId();
    await saveStory(editor, `记者 ${a}`, { id });
    expect(await linksOf(id)).toEqual([`${a}@0`]);
    expect(await tagsSince(before, ["authors", `article:${id}`])).toEqual([`article:${id}`, "authors"]);
    const again = await lastRowId();
    await saveStory(editor, `记者 ${a}`, { id });
    expect(await tagsSince(again, ["authors", `article:${id}`])).toEqual([`article:${id}`]);
  });

  it("does not link a name that only contains a profile's name", async () => {
    const editor = await makeEditor();
    const a = personName();
    await newAuthor(editor, a);
    const id = await saveStory(editor, `记者 ${a}莉`);
    expect(await linksOf(id)).toEqual([]);
  });
});

describe("profile creation and rename", () => {
  it("links the stories written before the profile, whatever their status, and drops their pages", async () => {
    const editor = await makeEditor();
    const a = personName();
    const published = await saveStory(editor, `记者 ${a}`);
    const draft = await saveStory(editor, `通讯员 ${a} 摄`, { intent: "save" });
    const near = await saveStory(editor, `记者 ${a}二`);
    const before = await lastRowId();
    const created = await newAuthor(editor, a);
    expect(created.linked).toBe(2);
    expect(await linksOf(published)).toEqual([`${a}@0`]);
    expect(await linksOf(draft)).toEqual([`${a}@0`]);
    expect(await linksOf(near)).toEqual([]);
    const tags = ["authors", `article:${published}`, `article:${draft}`, `article:${near}`];
    expect(await tagsSince(before, tags)).toEqual(
      ["article:" + published, "article:" + draft, "authors"].sort(),
    );

    const audit = await (
      await getDb()
    ).auditLog.findFirst({
      where: { userId: editor.id, action: "author_created" },
      select: { detail: true },
    });
    expect(JSON.parse(audit?.detail ?? "{}")).toMatchObject({ authorId: created.id, name: a, linked: 2 });
  });

  it("a rename moves the links from the old name's bylines to the new name's", async () => {
    const db = await getDb();
    const editor = await makeEditor();
    const oldName = personName();
    const newName = personName();
    const oldStory = await saveStory(editor, `记者 ${oldName}`);
    const newStory = await saveStory(editor, `记者 ${newName}`);
    const author = await newAuthor(editor, oldName);
    expect(await linksOf(oldStory)).toEqual([`${oldName}@0`]);

    const before = await lastRowId();
    const renamed = await updateAuthor(db, editor, author.id, { ...author.input, name: newName }, new Date());
    expect(renamed).toMatchObject({ ok: true, linked: 2 });
    expect(await linksOf(oldStory)).toEqual([]);
    expect(await linksOf(newStory)).toEqual([`${newName}@0`]);
    const tags = ["authors", `article:${oldStory}`, `article:${newStory}`];
    expect(await tagsSince(before, tags)).toEqual([...tags].sort());

    // A new slug changes the link on every story naming the reporter; a bio edit none of them.
    const slugBefore = await lastRowId();
    const slug = uniq("x");
    await updateAuthor(db, editor, author.id, { ...author.input, name: newName, slug }, new Date());
    expect(await tagsSince(slugBefore, tags)).toEqual(["authors", `article:${newStory}`].sort());
    const bioBefore = await lastRowId();
    await updateAuthor(
      db,
      editor,
      author.id,
      { ...author.input, name: newName, slug, bio: "新简介" },
      new Date(),
    );
    expect(await tagsSince(bioBefore, tags)).toEqual(["authors"]);
    await cacheCaughtUp();
    expect(await getAuthorBySlug(slug)).toMatchObject({ name: newName, bio: "新简介" });
    expect(await getAuthorBySlug(author.slug)).toBeNull();
  });

  it("refuses a name or slug in use, a missing photo, and an unknown profile, changing nothing", async () => {
    const db = await getDb();
    const editor = await makeEditor();
    const a = await newAuthor(editor, personName());
    const count = await db.author.count();
    expect(await createAuthor(db, editor, profile({ name: a.input.name }), new Date())).toMatchObject({
      ok: false,
      errors: { name: [AUTHOR_MESSAGES.nameTaken] },
    });
    expect(
      await createAuthor(db, editor, profile({ name: personName(), slug: a.slug }), new Date()),
    ).toMatchObject({ ok: false, errors: { slug: [AUTHOR_MESSAGES.slugTaken] } });
    expect(
      await createAuthor(db, editor, profile({ name: personName(), photoId: "2000000000" }), new Date()),
    ).toMatchObject({ ok: false, errors: { photoId: [AUTHOR_MESSAGES.noPhoto] } });
    expect(await db.author.count()).toBe(count);
    expect(await updateAuthor(db, editor, 2_000_000_000, a.input, new Date())).toEqual({
      ok: false,
      message: AUTHOR_MESSAGES.notFound,
    });
  });

  it("the form's rules refuse a name a byline would not read as one name", () => {
    for (const name of ["记者韦莉", "韦莉 覃文", "韦莉、覃文", "韦"]) {
      expect(parseAuthorForm({ name, slug: "wei-li", desk: "", bio: "", photoId: "" }).ok).toBe(false);
    }
    expect(parseAuthorForm({ name: "韦莉", slug: "Wei-Li ", desk: "", bio: "", photoId: "" })).toMatchObject({
      ok: true,
      input: { slug: "wei-li", photoId: null },
    });
    expect(parseAuthorForm({ name: "韦莉", slug: "韦莉", desk: "", bio: "", photoId: "x" })).toMatchObject({
      ok: false,
      errors: { slug: [expect.any(String)], photoId: [expect.any(String)] },
    });
  });
});

describe("the author page's list", () => {
  it("lists visible stories only, newest first, a page at a time, following unpublish", async () => {
    const db = await getDb();
    const editor = await makeEditor();
    const name = personName();
    const ids: number[] = [];
    for (let i = 0; i < PAGE_SIZE + 3; i++) {
      const a = await makeArticle({ channelId, publishedAt: new Date(Date.now() - (i + 1) * HOUR) });
      await db.article.update({ where: { id: a.id }, data: { byline: `记者 ${name}` } });
      ids.push(a.id);
    }
    const draft = await makeArticle({ channelId, status: "draft", publishedAt: null });
    const scheduled = await makeArticle({ channelId, publishedAt: new Date(Date.now() + 5 * HOUR) });
    for (const id of [draft.id, scheduled.id])
      await db.article.update({ where: { id }, data: { byline: `记者 ${name}` } });
    const author = await newAuthor(editor, name);
    expect(author.linked).toBe(PAGE_SIZE + 5);

    const first = await listAuthorArticles(author.id, 1, nowMs());
    expect(first.total).toBe(PAGE_SIZE + 3);
    expect(first.items.map((c) => c.id)).toEqual(ids.slice(0, PAGE_SIZE));
    const second = await listAuthorArticles(author.id, 2, nowMs());
    expect(second.items.map((c) => c.id)).toEqual(ids.slice(PAGE_SIZE));
    expect((await listAuthorArticles(author.id, 3, nowMs())).items).toEqual([]);

    // The links follow their story's status (database triggers), with no write of the app's.
    await db.article.update({ where: { id: ids[0] }, data: { status: "unpublished" } });
    clearCache();
    const after = await listAuthorArticles(author.id, 1, nowMs());
    expect(after.total).toBe(PAGE_SIZE + 2);
    expect(after.items[0]?.id).toBe(ids[1]);

    const sitemap = await listSitemapAuthors(nowMs());
    expect(sitemap).toContainEqual({ href: `/author/${author.slug}`, lastModified: expect.any(Date) });
  });

  it("a profile without visible stories is left out of the sitemap", async () => {
    const editor = await makeEditor();
    const author = await newAuthor(editor, personName());
    const sitemap = await listSitemapAuthors(nowMs());
    expect(sitemap.map((s) => s.href)).not.toContain(`/author/${author.slug}`);
  });
});

describe("cached pages", () => {
  const page = (html: string) => ({ kind: "APP_PAGE", html, rscData: Buffer.from(html), status: 200 });
  const ctx = { kind: "APP_PAGE", cacheControl: { revalidate: 20, expire: 40 } };

  it("a profile edit drops its author page and the pages of the stories whose link changed", async () => {
    const db = await getDb();
    const editor = await makeEditor();
    const name = personName();
    const storyId = await saveStory(editor, `记者 ${name}`);
    const author = await newAuthor(editor, name);
    await cacheCaughtUp();
    const store = new PageStore({ maxBytes: 1024 * 1024 });
    const authorKey = `/route-cache/APP_PAGE/0a0a/$/author/${author.slug}`;
    const storyKey = `/route-cache/APP_PAGE/0b0b/$/x/${storyId}`;
    for (const key of [authorKey, storyKey]) store.set(key, page("<p>cached</p>"), ctx);

    await updateAuthor(db, editor, author.id, { ...author.input, bio: "跑民生线" }, new Date());
    await cacheCaughtUp();
    expect(store.get(authorKey, ctx)).toBeNull();
    expect(store.get(storyKey, ctx)).not.toBeNull();

    store.set(authorKey, page("<p>cached</p>"), ctx);
    await updateAuthor(db, editor, author.id, { ...author.input, name: personName() }, new Date());
    await cacheCaughtUp();
    expect(store.get(authorKey, ctx)).toBeNull();
    expect(store.get(storyKey, ctx)).toBeNull();
    expect(await getArticle(storyId)).toMatchObject({ authors: [] });
  });
});
