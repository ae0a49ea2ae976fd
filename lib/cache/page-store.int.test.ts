// The page store against the real shared invalidation log (a temporary SQLite file): what another
// process records through the database decides what this one serves.
import { execFileSync } from "node:child_process";
import { afterEach, describe, expect, it, vi } from "vitest";
import { PageStore, type PageStoreOptions } from "@/lib/cache/page-store";
import { recordInvalidation } from "@/lib/cache/invalidate";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { invalidate, uniq } from "@/lib/testing/fixtures";
import { cacheCaughtUp, isStale } from "@/lib/cache/shared";
import { isPostgres } from "@/lib/database-url";
import pg from "pg";

const page = (html: string, status = 200) => ({ kind: "APP_PAGE", html, rscData: Buffer.from(html), status });
const ctx = { kind: "APP_PAGE", cacheControl: { revalidate: 20, expire: 40 } };
const key = (path: string) => `/route-cache/APP_PAGE/0f0f/$${path}`;
/** For the tests of what is stored and how much: other test files write `site` invalidations to
 * the same database at any moment, which would drop these pages mid-test. */
const neverStale = () => false;

/** Staleness by a page's own story tags only: what a test of one story's writes looks at. */
const storyTagsOnly: typeof isStale = (tags, stamp, now) =>
  isStale(
    tags.filter((t) => t !== "site"),
    stamp,
    now,
  );

/** A fresh store with a rendered page at each path (get first, as Next does before rendering). */
function storeWith(paths: string[], options: Partial<PageStoreOptions> = {}): PageStore {
  const store = new PageStore({ maxBytes: 16 * 1024 * 1024, ...options });
  for (const p of paths) {
    expect(store.get(key(p), ctx)).toBeNull();
    store.set(key(p), page(`<h1>${p}</h1>`), ctx);
  }
  return store;
}

let id = 900_000;
const storyPath = () => `/${uniq("ch")}/${++id}`;

afterEach(() => {
  vi.useRealTimers();
});

describe("PageStore", () => {
  it("serves a page until a write drops one of its tags, and only those pages", async () => {
    const a = storyPath();
    const b = storyPath();
    // Other test files drop `site` at any moment: for "only those pages", the stories' own tags.
    const stories = storeWith([a, b], { isStale: storyTagsOnly });
    expect(stories.get(key(a), ctx)?.value).toMatchObject({ html: Buffer.from(`<h1>${a}</h1>`) });
    await invalidate(`article:${id - 1}`); // story a
    expect(stories.get(key(a), ctx)).toBeNull();
    expect(stories.get(key(b), ctx)).not.toBeNull();

    const store = storeWith([b, "/"]);
    await invalidate("site");
    expect(store.get(key(b), ctx)).toBeNull();
    expect(store.get(key("/"), ctx)).toBeNull();
  });

  it("sees a write committed by another process on its next read", async () => {
    const store = storeWith(["/"]);
    if (isPostgres(env.DATABASE_URL)) {
      // Another session writes; it reaches this process as a notification (lib/postgres/invalidation.ts).
      const other = new pg.Client({ connectionString: env.DATABASE_URL });
      await other.connect();
      await other.query(`INSERT INTO "CacheInvalidation" ("tag", "createdAt") VALUES ('site', now())`);
      await other.end();
      await cacheCaughtUp();
    } else {
      const file = env.DATABASE_URL.replace(/^file:/, "");
      execFileSync(process.execPath, [
        "-e",
        `const db = require("better-sqlite3")(${JSON.stringify(file)});
         db.prepare('INSERT INTO "CacheInvalidation" ("tag", "createdAt") VALUES (?, ?)').run("site", new Date().toISOString());`,
      ]);
    }
    expect(store.get(key("/"), ctx)).toBeNull();
  });

  it("does not keep a render that a write overtook", async () => {
    const store = new PageStore({ maxBytes: 1024 * 1024 });
    expect(store.get(key("/"), ctx)).toBeNull(); // the render starts here, on the old data
    await invalidate("site"); // a publish commits while it runs
    store.set(key("/"), page("<h1>old</h1>"), ctx);
    expect(store.get(key("/"), ctx)).toBeNull();
  });

  it("drops pages at the minute a scheduled story appears, not before", async () => {
    const story = storyPath();
    const store = storeWith([story], { isStale: storyTagsOnly });
    const now = new Date();
    const dueAt = new Date(now.getTime() + 60_000);
    await recordInvalidation(await getDb(), [], now, { dueAt, tags: [`article:${id}`] });
    expect(store.get(key(story), ctx)).not.toBeNull();
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(dueAt.getTime() + 1);
    expect(store.get(key(story), ctx)).toBeNull();
  });

  it("keeps 404 answers apart: made-up addresses never push real pages out", () => {
    const store = new PageStore({ maxBytes: 1024 * 1024, maxOtherEntries: 10, isStale: neverStale });
    store.get(key("/"), ctx);
    store.set(key("/"), page("<h1>home</h1>"), ctx);
    for (let i = 0; i < 1000; i++) {
      store.get(key(`/nope/${i}`), ctx);
      store.set(key(`/nope/${i}`), page("<h1>页面不存在</h1>", 404), ctx);
    }
    expect(store.stats()).toEqual({ pages: 1, others: 10 });
    expect(store.get(key("/"), ctx)).not.toBeNull();
  });

  it("stays within its memory bound, oldest pages first", () => {
    const store = new PageStore({ maxBytes: 600_000, isStale: neverStale });
    const big = "页".repeat(40_000); // 120 KB of UTF-8, kept twice: the HTML and the RSC payload
    for (let i = 0; i < 5; i++) store.set(key(`/p/${i}`), page(big), ctx);
    expect(store.stats().pages).toBe(2);
    expect(store.get(key("/p/0"), ctx)).toBeNull();
    expect(store.get(key("/p/4"), ctx)).not.toBeNull();
  });

  it("keeps a page's HTML as UTF-8 bytes and leaves the value being answered as it was", () => {
    const store = new PageStore({ maxBytes: 1024 * 1024, isStale: neverStale });
    const html = "<h1>柳州新闻</h1><p>螺蛳粉 · 三江</p>";
    const value = page(html);
    store.set(key("/b"), value, ctx);
    const served = store.get(key("/b"), ctx)?.value.html;
    expect(Buffer.isBuffer(served)).toBe(true);
    expect((served as Buffer).toString("utf8")).toBe(html);
    // The render's own response is sent from the object Next passed in.
    expect(value.html).toBe(html);
  });

  it("caches nothing else than pages and route answers", () => {
    const store = new PageStore({ maxBytes: 1024 * 1024 });
    store.set("fetch-key", { kind: "FETCH" }, { kind: "FETCH" });
    expect(store.get("fetch-key", { kind: "FETCH" })).toBeNull();
  });
  it("stores each page with a policy that allows its own inline scripts by hash", () => {
    const store = new PageStore({ maxBytes: 1024 * 1024, isStale: neverStale });
    const html = '<p>x</p><script>self.__next_f.push([1,"a"])</script>';
    store.set(key("/p"), { ...page(html), headers: { "x-next-cache-tags": "t" } }, ctx);
    const headers = store.get(key("/p"), ctx)?.value.headers;
    expect(headers).toMatchObject({ "x-next-cache-tags": "t" });
    expect(headers?.["content-security-policy"]).toMatch(/^script-src 'self' 'sha256-[A-Za-z0-9+/]{43}='$/);
    // Feeds and other route answers carry no scripts and keep their headers as they were.
    store.set(
      key("/rss.xml"),
      { kind: "APP_ROUTE", body: Buffer.from("<rss/>"), status: 200, headers: {} },
      ctx,
    );
    expect(store.get(key("/rss.xml"), ctx)?.value.headers).toEqual({});
  });
});
