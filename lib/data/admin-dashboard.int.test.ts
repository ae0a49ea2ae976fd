// The desk dashboard's reads (lib/data/admin-dashboard.ts) on real rows, SQLite and PostgreSQL.
// Every test reads at its own moment years ahead, so the rows other test files write around the
// real clock fall outside its day, its 24 hours and its view windows. The process runs in
// America/New_York (vitest.config.mts): days must still be Beijing days.
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { isPostgres } from "@/lib/database-url";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { makeArticle, makeChannel, uniq } from "@/lib/testing/fixtures";
import { beijingDayStart, getDeskDashboard } from "@/lib/data/admin-dashboard";

const MIN = 60_000;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const postgres = isPostgres(env.DATABASE_URL);

/** A moment at `beijing` (`YYYY-MM-DDTHH:mm`, Beijing time), as epoch ms. */
const at = (beijing: string) => Date.parse(`${beijing}:00+08:00`);

describe("beijingDayStart", () => {
  it("starts the day at 00:00 Beijing time (16:00 UTC the day before), whatever the server's zone", () => {
    expect(beijingDayStart(at("2035-06-15T00:00")).toISOString()).toBe("2035-06-14T16:00:00.000Z");
    expect(beijingDayStart(at("2035-06-14T23:59")).toISOString()).toBe("2035-06-13T16:00:00.000Z");
    expect(beijingDayStart(at("2035-06-15T12:30")).toISOString()).toBe("2035-06-14T16:00:00.000Z");
  });
});

describe("getDeskDashboard", () => {
  it("今日发布: published stories of the Beijing day up to now, newest first", async () => {
    const now = at("2035-03-10T12:30");
    const ch = await makeChannel();
    const mk = (publishedAt: Date | null, status: "published" | "draft" | "unpublished" = "published") =>
      makeArticle({ channelId: ch.id, title: uniq("今日"), publishedAt, status });
    const midnight = await mk(new Date(at("2035-03-10T00:00")));
    await mk(new Date(at("2035-03-09T23:59"))); // yesterday
    const justNow = await mk(new Date(now));
    await mk(new Date(now + MIN)); // scheduled
    await mk(null, "draft");
    await mk(new Date(at("2035-03-10T08:00")), "unpublished");

    const d = await getDeskDashboard(now);
    expect(d.dayStart.toISOString()).toBe("2035-03-09T16:00:00.000Z");
    expect(d.today.count).toBe(2);
    expect(d.today.items.map((s) => s.id)).toEqual([justNow.id, midnight.id]);
    expect(d.today.items[0]).toMatchObject({ channelName: ch.name, href: `/${ch.slug}/${justNow.id}` });

    // One minute before midnight, the 23:59 story is today's and the 00:00 one not yet.
    const before = await getDeskDashboard(at("2035-03-09T23:59"));
    expect(before.today.items.map((s) => s.title)).not.toContain(midnight.title);
    expect(before.today.count).toBe(1);
  });

  it("定时发布: published stories due in the next 24 hours, soonest first", async () => {
    const now = at("2035-04-20T18:00");
    const ch = await makeChannel();
    const mk = (ms: number, status: "published" | "draft" = "published") =>
      makeArticle({ channelId: ch.id, title: uniq("定时"), publishedAt: new Date(ms), status });
    const last = await mk(now + DAY); // the window's last moment
    const soon = await mk(now + MIN);
    const tomorrow = await mk(now + 23 * HOUR + 59 * MIN);
    await mk(now + DAY + MIN); // beyond the window
    await mk(now); // out already
    await mk(now + HOUR, "draft"); // a draft is not scheduled

    const d = await getDeskDashboard(now);
    expect(d.scheduled.count).toBe(3);
    expect(d.scheduled.items.map((s) => s.id)).toEqual([soon.id, tomorrow.id, last.id]);
  });

  it("rankings sum the last 24 or 168 hourly buckets; the chart has 24 hours and 7 Beijing days", async () => {
    const now = at("2035-05-08T10:20"); // 02:20 UTC: the hour bucket is 02:00 UTC
    const hour = Date.parse("2035-05-08T02:00:00Z");
    const db = await getDb();
    const ch = await makeChannel();
    const [a, b, c, old] = [
      await makeArticle({ channelId: ch.id, title: uniq("甲"), publishedAt: new Date(hour - 40 * DAY) }),
      await makeArticle({ channelId: ch.id, title: uniq("乙"), publishedAt: new Date(hour - 40 * DAY) }),
      await makeArticle({ channelId: ch.id, title: uniq("丙"), publishedAt: new Date(hour - 40 * DAY) }),
      await makeArticle({ channelId: ch.id, title: uniq("旧"), publishedAt: new Date(hour - 40 * DAY) }),
    ];
    await db.article.update({ where: { id: c.id }, data: { status: "unpublished" } });
    await db.articleViewBucket.createMany({
      data: [
        { articleId: a.id, bucket: new Date(hour - 30 * HOUR), count: 50 }, // 7 days only
        { articleId: a.id, bucket: new Date(hour), count: 5 }, // the current hour counts
        { articleId: b.id, bucket: new Date(hour - 2 * HOUR), count: 20 },
        { articleId: c.id, bucket: new Date(hour - 23 * HOUR), count: 20 }, // first hour of 24
        { articleId: c.id, bucket: new Date(hour - 24 * HOUR), count: 1 }, // just outside 24 h
        { articleId: old.id, bucket: new Date(hour - 168 * HOUR), count: 500 }, // outside 7 days
        { articleId: old.id, bucket: new Date(hour + HOUR), count: 900 }, // after now (a clock ahead)
      ],
    });

    const d = await getDeskDashboard(now);
    // Ties: the lower id first.
    expect(d.ranking.day.map((r) => [r.id, r.views])).toEqual([
      [b.id, 20],
      [c.id, 20],
      [a.id, 5],
    ]);
    expect(d.ranking.week.map((r) => [r.id, r.views])).toEqual([
      [a.id, 55],
      [c.id, 21],
      [b.id, 20],
    ]);
    expect(d.ranking.day.map((r) => r.live)).toEqual([true, false, true]);

    expect(d.hourly).toHaveLength(24);
    expect(d.hourly[23]).toEqual({ start: new Date(hour), views: 5 });
    expect(d.hourly[21]?.views).toBe(20);
    expect(d.hourly[0]).toEqual({ start: new Date(hour - 23 * HOUR), views: 20 });
    expect(d.hourly.reduce((s, p) => s + p.views, 0)).toBe(45);

    // Beijing days 05-02 … 05-08. In Beijing time: hour - 30 h … hour - 23 h are 05-07 04:00 …
    // 11:00; hour - 2 h and hour are 05-08 08:00 and 10:00; hour - 168 h is 05-01, before them.
    expect(d.daily.map((p) => p.start.toISOString())).toEqual(
      ["01", "02", "03", "04", "05", "06", "07"].map((n) => `2035-05-${n}T16:00:00.000Z`),
    );
    expect(d.daily.map((p) => p.views)).toEqual([0, 0, 0, 0, 0, 71, 25]);
  });

  it("待审核评论: the exact count and the newest few", async () => {
    const db = await getDb();
    const ch = await makeChannel();
    const story = await makeArticle({ channelId: ch.id });
    const before = (await getDeskDashboard(Date.now())).pendingComments.count;
    const base = at("2035-07-01T09:00");
    for (let i = 0; i < 7; i++) {
      await db.comment.create({
        data: {
          articleId: story.id,
          body: `评论${i}`,
          status: "pending",
          createdAt: new Date(base + i * MIN),
        },
      });
    }
    await db.comment.create({
      data: { articleId: story.id, body: "已通过", status: "approved", createdAt: new Date(base + HOUR) },
    });
    const d = await getDeskDashboard(Date.now());
    expect(d.pendingComments.count).toBe(before + 7);
    expect(d.pendingComments.items.map((c) => c.body)).toEqual(["评论6", "评论5", "评论4", "评论3", "评论2"]);
    expect(d.pendingComments.items[0]?.article).toEqual({ id: story.id, title: story.title });
  });

  it.skipIf(postgres)("reads big tables through their indexes only (SQLite's plans)", async () => {
    // Watch the statements Prisma's adapter runs (it binds first, then runs without arguments).
    const proto = Object.getPrototypeOf(new Database(":memory:").prepare("SELECT 1")) as {
      bind: (...args: unknown[]) => unknown;
    };
    const original = proto.bind;
    const ran: { sql: string; args: unknown[] }[] = [];
    proto.bind = function (this: { source: string }, ...args: unknown[]) {
      ran.push({ sql: this.source, args });
      return original.apply(this, args);
    };
    try {
      await getDeskDashboard(at("2035-05-08T10:20"));
    } finally {
      proto.bind = original;
    }
    const big = /FROM [`"]?(?:main[`"]?\.[`"]?)?(Article|Comment|ArticleViewBucket)[`"]/;
    const statements = ran.filter((r) => big.test(r.sql));
    expect(statements.length).toBeGreaterThanOrEqual(8);
    const file = env.DATABASE_URL.replace(/^file:/, "");
    const sqlite = new Database(file, { readonly: true });
    try {
      for (const { sql, args } of statements) {
        const plan = sqlite
          .prepare(`EXPLAIN QUERY PLAN ${sql}`)
          .all(...args)
          .map((r) => (r as { detail: string }).detail);
        if (process.env.SHOW_PLANS) console.log(`${sql}\n  ${plan.join("\n  ")}`);
        // A SCAN of a big table reads all of it; every read here is a SEARCH of an index range.
        expect(
          plan.filter((l) => /^SCAN (main\.)?(Article|Comment|ArticleViewBucket)\b/.test(l)),
          `${sql}\n${plan.join("\n")}`,
        ).toEqual([]);
      }
    } finally {
      sqlite.close();
    }
  });
});
