// The 突发 banner against the real temporary database (SQLite, or PostgreSQL with
// TEST_POSTGRES_URL): set, replaced, removed, ended and hidden with its story, as the site layout
// reads it (cached) and as whole cached pages see it.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { getDb } from "@/lib/db";
import { clearCache } from "@/lib/cache/memo";
import { cacheCaughtUp } from "@/lib/cache/shared";
import { PageStore } from "@/lib/cache/page-store";
import { getBreakingBanner } from "@/lib/data/banner";
import { getBannerForAdmin } from "@/lib/data/admin-banner";
import { BANNER_SERVICE_MESSAGES, removeBanner, setBanner } from "@/lib/banner/service";
import { EMPTY_ARTICLE_FORM, parseArticleForm } from "@/lib/articles/form";
import { saveArticle } from "@/lib/articles/service";
import { makeArticle, makeChannel, uniq } from "@/lib/testing/fixtures";
import { minuteNow } from "@/lib/time";

const HOUR = 3_600_000;

async function makeEditor() {
  const db = await getDb();
  const user = await db.user.create({ data: { username: uniq("u"), passwordHash: "x", role: "editor" } });
  return { id: user.id, role: "editor" as const };
}

async function story(
  status: "published" | "draft" = "published",
  publishedAt: Date | null = new Date(Date.now() - HOUR),
) {
  const ch = await makeChannel();
  const article = await makeArticle({ channelId: ch.id, status, publishedAt });
  return { id: article.id, href: `/${ch.slug}/${article.id}`, channelId: ch.id };
}

/** What a reader page rendered now would show. */
const shown = () => getBreakingBanner(minuteNow().getTime());

const page = (html: string) => ({ kind: "APP_PAGE", html, rscData: Buffer.from(html), status: 200 });
const ctx = { kind: "APP_PAGE", cacheControl: { revalidate: 20, expire: 40 } };
const homeKey = "/route-cache/APP_PAGE/0f0f/$/";

beforeEach(async () => {
  clearCache();
  await (await getDb()).breakingBanner.deleteMany({});
});

afterEach(async () => {
  vi.useRealTimers();
  // Other tests' pages show no banner.
  await (await getDb()).breakingBanner.deleteMany({});
});

describe("the 突发 banner", () => {
  it("is shown once set, replaced by the next, gone once removed, each write audited", async () => {
    const db = await getDb();
    const editor = await makeEditor();
    const a = await story();
    const b = await story();
    expect(await shown()).toBeNull(); // cached "no banner": the set below must drop it
    const endsAt = new Date(Date.now() + HOUR);

    expect(
      await setBanner(db, editor, { text: "柳江洪峰过境", articleId: a.id, endsAt }, new Date()),
    ).toEqual({
      ok: true,
    });
    await cacheCaughtUp();
    expect(await shown()).toEqual({ text: "柳江洪峰过境", href: a.href });

    await setBanner(db, editor, { text: "融水山体滑坡", articleId: b.id, endsAt }, new Date());
    await cacheCaughtUp();
    expect(await shown()).toEqual({ text: "融水山体滑坡", href: b.href });
    expect(await db.breakingBanner.count()).toBe(1);
    expect(await getBannerForAdmin(Date.now())).toMatchObject({ articleId: b.id, state: "shown" });

    expect(await removeBanner(db, editor, new Date())).toEqual({ ok: true });
    await cacheCaughtUp();
    expect(await shown()).toBeNull();
    expect(await removeBanner(db, editor, new Date())).toEqual({
      ok: false,
      message: BANNER_SERVICE_MESSAGES.nothingToRemove,
    });

    const audit = await db.auditLog.findMany({
      where: { userId: editor.id },
      orderBy: { id: "asc" },
      select: { action: true, articleId: true },
    });
    expect(audit).toEqual([
      { action: "banner_set", articleId: a.id },
      { action: "banner_set", articleId: b.id },
      { action: "banner_removed", articleId: b.id },
    ]);
  });

  it("drops every cached page when set and when removed", async () => {
    const db = await getDb();
    const editor = await makeEditor();
    const a = await story();
    const store = new PageStore({ maxBytes: 1024 * 1024 });
    const render = () => {
      expect(store.get(homeKey, ctx)).toBeNull();
      store.set(homeKey, page("<h1>home</h1>"), ctx);
      expect(store.get(homeKey, ctx)).not.toBeNull();
    };
    render();
    await setBanner(
      db,
      editor,
      { text: "突发", articleId: a.id, endsAt: new Date(Date.now() + HOUR) },
      new Date(),
    );
    await cacheCaughtUp();
    render();
    await removeBanner(db, editor, new Date());
    await cacheCaughtUp();
    render();
  });

  it("ends at its end time: pages and the read expire then, with no write", async () => {
    const db = await getDb();
    const editor = await makeEditor();
    const a = await story();
    const endsAt = new Date(minuteNow().getTime() + 2 * 60_000);
    await setBanner(db, editor, { text: "暴雨红色预警", articleId: a.id, endsAt }, new Date());
    await cacheCaughtUp();
    const store = new PageStore({ maxBytes: 1024 * 1024 });
    expect(store.get(homeKey, ctx)).toBeNull();
    store.set(homeKey, page("<p>暴雨红色预警</p>"), ctx);
    expect(await shown()).toMatchObject({ text: "暴雨红色预警" });

    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(endsAt.getTime() - 1);
    expect(store.get(homeKey, ctx)).not.toBeNull();
    expect(await shown()).toMatchObject({ text: "暴雨红色预警" });
    vi.setSystemTime(endsAt.getTime() + 1);
    expect(store.get(homeKey, ctx)).toBeNull();
    expect(await shown()).toBeNull();
    expect(await getBannerForAdmin(Date.now())).toMatchObject({ state: "ended" });
  });

  it("disappears when its story is unpublished, and with the story when it is deleted", async () => {
    const db = await getDb();
    const editor = await makeEditor();
    const ch = await makeChannel();
    const parsed = parseArticleForm({
      ...EMPTY_ARTICLE_FORM,
      channelId: String(ch.id),
      title: uniq("标题"),
      body: "正文。",
    });
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    const saved = await saveArticle(
      db,
      editor,
      { id: null, version: null, intent: "publish", input: parsed.data },
      new Date(),
    );
    if (!saved.ok) throw new Error(saved.message);
    await setBanner(
      db,
      editor,
      { text: "突发", articleId: saved.id, endsAt: new Date(Date.now() + HOUR) },
      new Date(),
    );
    await cacheCaughtUp();
    expect(await shown()).toMatchObject({ text: "突发" });

    const down = await saveArticle(
      db,
      editor,
      { id: saved.id, version: null, intent: "unpublish", input: parsed.data },
      new Date(),
    );
    expect(down.ok).toBe(true);
    await cacheCaughtUp();
    expect(await shown()).toBeNull();
    expect(await getBannerForAdmin(Date.now())).toMatchObject({ state: "storyHidden" });

    await db.article.delete({ where: { id: saved.id } });
    expect(await db.breakingBanner.count()).toBe(0);
  });

  it("refuses a story that does not exist or readers cannot see, and changes nothing", async () => {
    const db = await getDb();
    const editor = await makeEditor();
    const draft = await story("draft", null);
    const scheduled = await story("published", new Date(Date.now() + HOUR));
    const endsAt = new Date(Date.now() + HOUR);
    const try_ = (articleId: number) =>
      setBanner(db, editor, { text: "突发", articleId, endsAt }, new Date());
    expect(await try_(2_000_000_000)).toMatchObject({
      ok: false,
      errors: { article: [BANNER_SERVICE_MESSAGES.noArticle] },
    });
    for (const s of [draft, scheduled]) {
      expect(await try_(s.id)).toMatchObject({
        ok: false,
        errors: { article: [BANNER_SERVICE_MESSAGES.notVisible] },
      });
    }
    expect(await db.breakingBanner.count()).toBe(0);
    expect(await shown()).toBeNull();
  });
});
