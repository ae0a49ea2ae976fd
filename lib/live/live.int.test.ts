// 直播 against the real temporary database (SQLite, or PostgreSQL with TEST_POSTGRES_URL): the
// editor's writes (lib/live/service.ts), what readers get (lib/data/live.ts, the JSON endpoint),
// the audit rows, and the cached endpoint dropped by the story's writes alone.
import { beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { clearCache } from "@/lib/cache/memo";
import { cacheCaughtUp } from "@/lib/cache/shared";
import { PageStore } from "@/lib/cache/page-store";
import { getLiveCoverage } from "@/lib/data/live";
import { getLiveForAdmin } from "@/lib/data/admin-live";
import { liveBlogJsonLd } from "@/lib/live/json-ld";
import { LIVE_MESSAGES, parseLiveEntryForm } from "@/lib/live/rules";
import {
  LIVE_SERVICE_MESSAGES,
  addLiveEntry,
  correctLiveEntry,
  endLive,
  pinLiveEntry,
  removeLiveEntry,
  startLive,
} from "@/lib/live/service";
import { EDITORIAL_AUDIT } from "@/lib/articles/audit-actions";
import { invalidate, makeArticle, makeChannel, uniq } from "@/lib/testing/fixtures";
import { GET } from "@/app/api/live/[id]/route";

const HOUR = 3_600_000;

async function makeUser() {
  const db = await getDb();
  const user = await db.user.create({ data: { username: uniq("u"), passwordHash: "x", role: "editor" } });
  return { id: user.id, role: "editor" as const };
}

async function story(status: "published" | "draft" = "published") {
  const ch = await makeChannel();
  const article = await makeArticle({ channelId: ch.id, status, publishedAt: new Date(Date.now() - HOUR) });
  return { id: article.id, href: `/${ch.slug}/${article.id}` };
}

const text = (
  body: string,
  more: Partial<{ quote: string; quoteBy: string; imageId: number | null }> = {},
) => ({
  body,
  quote: "",
  quoteBy: "",
  imageId: null,
  ...more,
});

async function endpoint(id: number | string) {
  return GET(new Request(`http://localhost/api/live/${id}`), { params: Promise.resolve({ id: String(id) }) });
}

beforeEach(() => clearCache());

describe("live coverage", () => {
  it("runs from start to end: entries newest first, one pinned, corrected, removed; each write audited", async () => {
    const db = await getDb();
    const editor = await makeUser();
    const a = await story();
    expect(await getLiveCoverage(a.id)).toBeNull();
    expect(await addLiveEntry(db, editor, a.id, text("太早"), new Date())).toEqual({
      ok: false,
      message: LIVE_SERVICE_MESSAGES.notStarted,
    });

    expect(await startLive(db, editor, a.id, new Date())).toEqual({ ok: true });
    expect(await startLive(db, editor, a.id, new Date())).toMatchObject({ ok: false });
    const image = await db.image.create({
      data: { key: uniq("live/img"), mime: "image/webp", width: 1280, height: 720, bytes: 1, alt: "起点" },
    });
    const first = await addLiveEntry(
      db,
      editor,
      a.id,
      text("8:00 鸣枪开跑。\n\n3 万名选手出发。", {
        quote: "天气很好",
        quoteBy: "组委会",
        imageId: image.id,
      }),
      new Date(),
    );
    const second = await addLiveEntry(db, editor, a.id, text("第一集团通过 10 公里。"), new Date());
    const third = await addLiveEntry(db, editor, a.id, text("写错了的条目"), new Date());
    expect(first.ok && second.ok && third.ok).toBe(true);
    if (!first.ok || !second.ok || !third.ok) return;
    await cacheCaughtUp();
    let view = await getLiveCoverage(a.id);
    expect(view?.live).toBe(true);
    expect(view?.entries.map((e) => e.id)).toEqual([third.entryId, second.entryId, first.entryId]);
    expect(view?.entries[2]).toMatchObject({
      body: ["8:00 鸣枪开跑。", "3 万名选手出发。"],
      quote: "天气很好",
      quoteBy: "组委会",
      image: { alt: "起点" },
      pinned: false,
      correctedAt: null,
    });

    expect(await pinLiveEntry(db, editor, a.id, first.entryId ?? 0, true, new Date())).toMatchObject({
      ok: true,
    });
    expect(await pinLiveEntry(db, editor, a.id, second.entryId ?? 0, true, new Date())).toMatchObject({
      ok: true,
    });
    expect(
      await correctLiveEntry(
        db,
        editor,
        a.id,
        second.entryId ?? 0,
        text("第一集团通过 15 公里。"),
        new Date(),
      ),
    ).toMatchObject({ ok: true });
    expect(await removeLiveEntry(db, editor, a.id, third.entryId ?? 0, new Date())).toMatchObject({
      ok: true,
    });
    await cacheCaughtUp();
    view = await getLiveCoverage(a.id);
    // One pinned entry at a time; the removed one is gone; the correction keeps its time.
    expect(view?.entries.map((e) => [e.id, e.pinned])).toEqual([
      [second.entryId, true],
      [first.entryId, false],
    ]);
    expect(view?.entries[0]?.body).toEqual(["第一集团通过 15 公里。"]);
    expect(view?.entries[0]?.correctedAt).not.toBeNull();

    expect(await endLive(db, editor, a.id, new Date())).toEqual({ ok: true });
    expect(await addLiveEntry(db, editor, a.id, text("晚了"), new Date())).toEqual({
      ok: false,
      message: LIVE_SERVICE_MESSAGES.ended,
    });
    await cacheCaughtUp();
    view = await getLiveCoverage(a.id);
    expect(view?.live).toBe(false);
    expect(view?.endedAt).toMatch(/\+08:00$/);

    const admin = await getLiveForAdmin(a.id);
    expect(admin?.entries.map((e) => [e.id, e.removedAt !== null])).toEqual([
      [third.entryId, true],
      [second.entryId, false],
      [first.entryId, false],
    ]);
    const actions = await db.auditLog.findMany({ where: { articleId: a.id }, orderBy: { id: "asc" } });
    expect(actions.map((r) => r.action)).toEqual([
      EDITORIAL_AUDIT.liveStarted,
      EDITORIAL_AUDIT.liveEntryAdded,
      EDITORIAL_AUDIT.liveEntryAdded,
      EDITORIAL_AUDIT.liveEntryAdded,
      EDITORIAL_AUDIT.liveEntryPinned,
      EDITORIAL_AUDIT.liveEntryPinned,
      EDITORIAL_AUDIT.liveEntryCorrected,
      EDITORIAL_AUDIT.liveEntryRemoved,
      EDITORIAL_AUDIT.liveEnded,
    ]);
    expect(JSON.parse(actions[6]?.detail ?? "{}")).toMatchObject({
      before: { body: "第一集团通过 10 公里。" },
    });

    // Structured data: LiveBlogPosting with its coverage times and one BlogPosting per entry.
    const ld = JSON.parse(
      JSON.stringify(
        liveBlogJsonLd({ href: a.href, title: "马拉松", description: "d", publishedAt: "x" }, view!, {
          siteUrl: "https://example.cn",
          siteName: "地方网",
        }),
      ),
    );
    expect(ld).toMatchObject({
      "@type": "LiveBlogPosting",
      coverageStartTime: view?.startedAt,
      coverageEndTime: view?.endedAt,
    });
    expect(ld.liveBlogUpdate).toHaveLength(2);
    expect(ld.liveBlogUpdate[1]).toMatchObject({
      "@type": "BlogPosting",
      headline: "8:00 鸣枪开跑。 3 万名选手出发。",
      image: { "@type": "ImageObject", url: expect.stringMatching(/^https:\/\/example\.cn\/media\//) },
    });

    // Restarting keeps the first start time.
    expect(await startLive(db, editor, a.id, new Date(Date.now() + HOUR))).toEqual({ ok: true });
    await cacheCaughtUp();
    expect((await getLiveCoverage(a.id))?.startedAt).toBe(view?.startedAt);
  });

  it("refuses what it must: other stories' entries, unknown images, unknown stories, bad forms", async () => {
    const db = await getDb();
    const editor = await makeUser();
    const a = await story();
    const b = await story();
    await startLive(db, editor, a.id, new Date());
    await startLive(db, editor, b.id, new Date());
    const entry = await addLiveEntry(db, editor, a.id, text("a 的条目"), new Date());
    if (!entry.ok) throw new Error("not added");
    expect(await removeLiveEntry(db, editor, b.id, entry.entryId ?? 0, new Date())).toEqual({
      ok: false,
      message: LIVE_SERVICE_MESSAGES.noEntry,
    });
    expect(
      await addLiveEntry(db, editor, a.id, text("x", { imageId: 2_000_000_000 }), new Date()),
    ).toMatchObject({
      ok: false,
      errors: { imageId: [LIVE_SERVICE_MESSAGES.noImage] },
    });
    expect(await startLive(db, editor, 2_000_000_000, new Date())).toEqual({
      ok: false,
      message: LIVE_SERVICE_MESSAGES.noArticle,
    });
    expect(parseLiveEntryForm({ body: "x", quote: "", quoteBy: "某人", imageId: "" })).toEqual({
      ok: false,
      errors: { quoteBy: [LIVE_MESSAGES.quoteByAlone] },
    });
    expect(parseLiveEntryForm({ body: "  ", quote: "", quoteBy: "", imageId: "abc" })).toEqual({
      ok: false,
      errors: {
        body: [LIVE_MESSAGES.bodyEmpty],
        imageId: [LIVE_MESSAGES.image],
      },
    });
  });

  it("answers the poll from the cached view: JSON with an ETag, 404 for stories readers cannot see", async () => {
    const db = await getDb();
    const editor = await makeUser();
    const a = await story();
    const draft = await story("draft");
    const plain = await story();
    await startLive(db, editor, a.id, new Date());
    await startLive(db, editor, draft.id, new Date());
    await addLiveEntry(db, editor, a.id, text("暴雨红色预警生效"), new Date());
    await cacheCaughtUp();

    const res = await endpoint(a.id);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    const etag = res.headers.get("etag");
    expect(etag).toMatch(/^"[\w-]{22}"$/);
    const body = (await res.json()) as { live: boolean; entries: { body: string[] }[] };
    expect(body.live).toBe(true);
    expect(body.entries[0]?.body).toEqual(["暴雨红色预警生效"]);
    // Same content, same tag; a new entry, a new tag.
    expect((await endpoint(a.id)).headers.get("etag")).toBe(etag);
    await addLiveEntry(db, editor, a.id, text("第二条"), new Date());
    await cacheCaughtUp();
    expect((await endpoint(a.id)).headers.get("etag")).not.toBe(etag);

    for (const id of [draft.id, plain.id, 2_000_000_000, "12-x", "0"]) {
      expect((await endpoint(id)).status).toBe(404);
    }
  });

  it("keeps the cached endpoint until the story itself changes", async () => {
    const db = await getDb();
    const editor = await makeUser();
    const a = await story();
    await startLive(db, editor, a.id, new Date());
    await cacheCaughtUp();
    const store = new PageStore({ maxBytes: 1024 * 1024 });
    const key = `/route-cache/APP_ROUTE/0f0f/$/api/live/${a.id}`;
    const ctx = { kind: "APP_ROUTE", cacheControl: { revalidate: 20, expire: 40 } };
    const cache = () =>
      store.set(key, { kind: "APP_ROUTE", status: 200, body: Buffer.from("{}"), headers: {} }, ctx);
    expect(store.get(key, ctx)).toBeNull();
    cache();
    expect(store.get(key, ctx)).not.toBeNull();
    // A publish elsewhere (`site`) leaves the crowd's endpoint alone…
    await invalidate("site");
    await cacheCaughtUp();
    expect(store.get(key, ctx)).not.toBeNull();
    // …an entry of this story drops it.
    await addLiveEntry(db, editor, a.id, text("新条目"), new Date());
    await cacheCaughtUp();
    expect(store.get(key, ctx)).toBeNull();
  });
});
