import { spawnSync } from "node:child_process";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { flushViews, pendingViews, recordView } from "@/lib/views/record-view";
import { clearCache } from "@/lib/cache/memo";
import { isPostgres } from "@/lib/database-url";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { openPostgresViewWriter } from "@/lib/postgres/views";
import { makeArticle, makeChannel } from "@/lib/testing/fixtures";
import { hourBucket } from "@/lib/time";
import { mulberry32 } from "@/prisma/demo/kit";
import { VIEW_DEDUPE_WINDOW_MS, viewKey } from "@/lib/views/policy";
import { ViewRecorder } from "@/lib/views/recorder";
import { openViewWriter } from "@/lib/views/writer";
import { VIEW_SEEN_GRACE_MS } from "@/lib/views/writing";

const UA =
  "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36";

async function stored(articleId: number) {
  const db = await getDb();
  const [a, buckets] = await Promise.all([
    db.article.findUniqueOrThrow({ where: { id: articleId }, select: { viewCount: true } }),
    db.articleViewBucket.findMany({ where: { articleId } }),
  ]);
  return { total: a.viewCount, buckets };
}

describe("recordView (buffered, deduplicated, batched)", () => {
  beforeEach(() => clearCache());

  it("buffers views and writes them in one batch", async () => {
    const ch = await makeChannel();
    const a = await makeArticle({ channelId: ch.id });
    await flushViews();
    for (let i = 0; i < 25; i++)
      expect(recordView(a.id, { address: `192.0.2.${i}`, userAgent: UA })).toBe("counted");
    expect(pendingViews()).toBe(25);
    expect((await stored(a.id)).total).toBe(0);
    expect(await flushViews()).toBe(25);
    const s = await stored(a.id);
    expect(s.total).toBe(25);
    expect(s.buckets).toHaveLength(1);
    expect(s.buckets[0]?.count).toBe(25);
    expect(s.buckets[0]?.bucket.getTime()).toBe(hourBucket(new Date()).getTime());
  });

  it("a hundred refreshes by one reader count once", async () => {
    const ch = await makeChannel();
    const a = await makeArticle({ channelId: ch.id });
    const outcomes = Array.from({ length: 100 }, () =>
      recordView(a.id, { address: "192.0.2.200", userAgent: UA }),
    );
    await flushViews();
    expect(outcomes.filter((o) => o === "counted")).toHaveLength(1);
    expect((await stored(a.id)).total).toBe(1);
  });

  it("ignores crawlers and headless clients", async () => {
    const ch = await makeChannel();
    const a = await makeArticle({ channelId: ch.id });
    expect(
      recordView(a.id, { address: "192.0.2.1", userAgent: "Mozilla/5.0 (compatible; Baiduspider/2.0)" }),
    ).toBe("ignored");
    expect(recordView(a.id, { address: "192.0.2.1", userAgent: "Mozilla/5.0 HeadlessChrome/131.0" })).toBe(
      "ignored",
    );
    await flushViews();
    expect((await stored(a.id)).total).toBe(0);
  });

  it("adds to an existing bucket and drops views of deleted stories", async () => {
    const ch = await makeChannel();
    const a = await makeArticle({ channelId: ch.id });
    const gone = await makeArticle({ channelId: ch.id });
    recordView(a.id, { address: "192.0.2.50", userAgent: UA });
    await flushViews();
    recordView(a.id, { address: "192.0.2.51", userAgent: UA });
    recordView(gone.id, { address: "192.0.2.51", userAgent: UA });
    const db = await getDb();
    await db.article.delete({ where: { id: gone.id } });
    expect(await flushViews()).toBe(2);
    const s = await stored(a.id);
    expect(s.total).toBe(2);
    expect(s.buckets[0]?.count).toBe(2);
  });
});

// Several app processes: each has its own recorder (in-memory filter, buffer, writer connection),
// as two `next start` processes behind one proxy would; the database decides what counts.
describe("view counting across processes", () => {
  const recorders: ViewRecorder[] = [];
  const errorsOnly = { error: (m: string) => console.error(m), info: () => {} };
  const newProcess = () => {
    const r = new ViewRecorder({ databaseUrl: env.DATABASE_URL, salt: env.IP_HASH_SALT, log: errorsOnly });
    recorders.push(r);
    return r;
  };
  afterAll(async () => {
    for (const r of recorders) await r.close();
  });

  it("counts a reader whose beacons reach two processes once", async () => {
    const ch = await makeChannel();
    const a = await makeArticle({ channelId: ch.id });
    const [one, two] = [newProcess(), newProcess()];
    const reader = { address: "192.0.2.77", userAgent: UA };
    expect(one.record(a.id, reader)).toBe("counted");
    expect(two.record(a.id, reader)).toBe("counted"); // each process's own filter has not seen it
    await Promise.all([one.flush(), two.flush()]);
    expect(two.record(a.id, reader)).toBe("duplicate");
    expect(one.record(a.id, { ...reader, address: "192.0.2.78" })).toBe("counted");
    await Promise.all([two.flush(), one.flush()]);
    const s = await stored(a.id);
    expect(s.total).toBe(2);
    expect(s.buckets.map((b) => b.count)).toEqual([2]);
  });

  it("2,000 beacons over two processes, with duplicates, add up to the distinct readers exactly", async () => {
    const ch = await makeChannel();
    const stories = [await makeArticle({ channelId: ch.id }), await makeArticle({ channelId: ch.id })];
    const [one, two] = [newProcess(), newProcess()];
    const rand = mulberry32(7);
    const distinct = new Map<number, Set<number>>(stories.map((s) => [s.id, new Set()]));
    const started = Date.now();
    for (let i = 0; i < 2_000; i++) {
      const reader = Math.floor(rand() * 700);
      const story = stories[rand() < 0.6 ? 0 : 1]!.id;
      distinct.get(story)!.add(reader);
      const at = started + i * 500; // 1,000 s: within one window, across flushes
      (rand() < 0.5 ? one : two).record(
        story,
        { address: `198.51.100.${reader}:${reader}`, userAgent: UA },
        at,
      );
      // Both processes flush every 100 beacons, at the same time.
      if (i % 100 === 99) await Promise.all([one.flush(), two.flush()]);
    }
    await Promise.all([one.flush(), two.flush()]);
    for (const story of stories) {
      const s = await stored(story.id);
      expect(s.total).toBe(distinct.get(story.id)!.size);
      expect(s.buckets.reduce((sum, b) => sum + b.count, 0)).toBe(distinct.get(story.id)!.size);
    }
    // One taken pair per distinct reader and story, shared by both processes.
    const db = await getDb();
    for (const story of stories)
      expect(await db.viewSeen.count({ where: { key: { endsWith: `:${story.id}` } } })).toBe(
        distinct.get(story.id)!.size,
      );
  });

  it("counts a batch written again (its outcome unknown) once", async () => {
    const ch = await makeChannel();
    const a = await makeArticle({ channelId: ch.id });
    const writer = openViewWriter(env.DATABASE_URL);
    const now = Date.now();
    const views = ["r1", "r2"].map((r) => ({
      key: viewKey(`${r}-${now}`, a.id),
      articleId: a.id,
      atMs: now,
    }));
    // Written at exit, then again by a flush (as if the exit path's answer had been lost), then
    // again: counted once.
    expect(writer.writeAtExit(views, now)).toBe(2);
    expect(await writer.write(views, now + 1_000)).toBe(0);
    expect(await writer.write(views, now + 2_000)).toBe(0);
    await writer.close();
    expect((await stored(a.id)).total).toBe(2);
  });
});

describe("the view writer", () => {
  it("counts a pair twice in one batch once within the window, again a window later", async () => {
    const ch = await makeChannel();
    const a = await makeArticle({ channelId: ch.id });
    const writer = openViewWriter(env.DATABASE_URL);
    const t = Date.now() - VIEW_DEDUPE_WINDOW_MS - 120_000;
    const key = viewKey(`twice-${t}`, a.id);
    // Writes failed for longer than a window: the buffer holds the same reader's views from
    // before and after the window ended, out of order.
    const views = [t + VIEW_DEDUPE_WINDOW_MS, t + 60_000, t].map((atMs) => ({ key, articleId: a.id, atMs }));
    expect(await writer.write(views)).toBe(2);
    expect(await writer.write([{ key, articleId: a.id, atMs: t + VIEW_DEDUPE_WINDOW_MS + 60_000 }])).toBe(0);
    await writer.close();
    const s = await stored(a.id);
    expect(s.total).toBe(2);
    expect(s.buckets.reduce((sum, b) => sum + b.count, 0)).toBe(2);
  });

  it("deletes the pairs whose window ended, a bounded batch per write", async () => {
    const ch = await makeChannel();
    const a = await makeArticle({ channelId: ch.id });
    const writer = openViewWriter(env.DATABASE_URL);
    const now = Date.now();
    const long = now - VIEW_DEDUPE_WINDOW_MS - VIEW_SEEN_GRACE_MS - 60_000;
    const old = Array.from({ length: 5 }, (_, i) => ({
      key: viewKey(`old${i}-${now}`, a.id),
      articleId: a.id,
      atMs: long,
    }));
    const recent = { key: viewKey(`recent-${now}`, a.id), articleId: a.id, atMs: now - 60_000 };
    expect(await writer.write([...old, recent], now - 1)).toBe(6);
    const db = await getDb();
    const left = () => db.viewSeen.count({ where: { key: { in: [...old, recent].map((v) => v.key) } } });
    // Written, then removed by the next write (their window ended more than the grace ago).
    await writer.write([{ key: viewKey(`next-${now}`, a.id), articleId: a.id, atMs: now }], now);
    await writer.close();
    expect(await left()).toBe(1);
    expect((await stored(a.id)).total).toBe(7);
  });
});

/** Runs lib/testing/views-exit-child.ts in a new process: it records views and exits at once. */
function runExitingProcess(args: { articleIds: number[]; readers: number; inFlight: boolean }) {
  const root = path.resolve(import.meta.dirname, "../..");
  const child = spawnSync(
    path.join(root, "node_modules/.bin/tsx"),
    ["--conditions", "react-server", "lib/testing/views-exit-child.ts", JSON.stringify(args)],
    { cwd: root, env: process.env, encoding: "utf8", timeout: 60_000 },
  );
  expect(child.stderr).toBe("");
  expect(child.status).toBe(0);
}

describe("the last flush when a process exits", () => {
  it.each([false, true])(
    "writes every view the process took (a write under way at exit: %s), once across processes",
    async (inFlight) => {
      const ch = await makeChannel();
      const stories = [await makeArticle({ channelId: ch.id }), await makeArticle({ channelId: ch.id })];
      const articleIds = stories.map((s) => s.id);
      runExitingProcess({ articleIds, readers: 300, inFlight });
      for (const id of articleIds) expect((await stored(id)).total).toBe(300);
      // Another process receiving the same readers' beacons within the window counts none.
      runExitingProcess({ articleIds, readers: 300, inFlight: false });
      for (const id of articleIds) {
        const s = await stored(id);
        expect(s.total).toBe(300);
        expect(s.buckets.reduce((sum, b) => sum + b.count, 0)).toBe(300);
      }
    },
    60_000,
  );

  // PostgreSQL only: on SQLite a write is synchronous, so none can be under way at exit.
  it.runIf(isPostgres(env.DATABASE_URL))(
    "ends the process's own transaction that holds the views lock, and writes its views too",
    async () => {
      const ch = await makeChannel();
      const a = await makeArticle({ channelId: ch.id });
      const writer = openPostgresViewWriter(env.DATABASE_URL);
      // A flush of this process stuck inside its transaction, holding the lock, when it exits.
      const stuck = new pg.Client({
        connectionString: env.DATABASE_URL,
        application_name: writer.applicationName,
      });
      stuck.on("error", () => {}); // it is terminated
      await stuck.connect();
      await stuck.query(`BEGIN; SELECT "difang_views_lock"()`);
      const now = Date.now();
      const views = Array.from({ length: 5 }, (_, i) => ({
        key: `exit${i}-${now}:${a.id}`,
        articleId: a.id,
        atMs: now,
      }));
      expect(writer.writeAtExit(views, now)).toBe(5);
      expect((await stored(a.id)).total).toBe(5);
      await stuck.end().catch(() => {});
      await writer.close();
    },
  );
});
