import Parser from "rss-parser";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type * as NextServer from "next/server";
import { clearCache } from "@/lib/cache/memo";
import { TAGS } from "@/lib/data/cache-tags";
import { isPostgres } from "@/lib/database-url";
import { getDb } from "@/lib/db";
import { visibleWhere } from "@/lib/data/visibility";
import { env } from "@/lib/env";
import { channelFeedXml, FEED_SIZE, siteFeedXml, storyGuid } from "@/lib/syndication";
import { invalidate, makeArticle, makeChannel, uniq } from "@/lib/testing/fixtures";
import { minuteNow } from "@/lib/time";
import { GET as getSiteFeed } from "@/app/rss.xml/route";
import { GET as getChannelFeed } from "@/app/(site)/[channel]/rss.xml/route";

// Route handlers call connection(), which needs Next's request scope; outside it, a no-op.
vi.mock("next/server", async (importOriginal) => ({
  ...(await importOriginal<typeof NextServer>()),
  connection: async () => {},
}));

const HOUR = 3_600_000;
const parser = new Parser();

beforeEach(() => {
  clearCache();
});

describe("RSS feeds", () => {
  it("list exactly a channel's latest visible stories, newest first, with absolute links and GUIDs", async () => {
    const ch = await makeChannel();
    const now = minuteNow().getTime();
    const visible = [];
    for (let i = 0; i < FEED_SIZE + 5; i++) {
      visible.push(
        await makeArticle({
          channelId: ch.id,
          title: `${uniq()}第${i}条`,
          publishedAt: new Date(now - (i + 1) * HOUR),
        }),
      );
    }
    await makeArticle({ channelId: ch.id, title: "草稿", status: "draft", publishedAt: null });
    await makeArticle({ channelId: ch.id, title: "定时", publishedAt: new Date(now + 5 * 60_000) });
    await makeArticle({
      channelId: ch.id,
      title: "撤稿",
      status: "unpublished",
      publishedAt: new Date(now - 30 * 60_000),
    });

    const xml = await channelFeedXml(ch.slug, now);
    expect(xml).not.toBeNull();
    const feed = await parser.parseString(xml ?? "");
    expect(feed.title).toBe(`${ch.name} - ${env.SITE_NAME}`);
    expect(feed.link).toBe(`${env.SITE_URL}/${ch.slug}`);
    const shown = visible.slice(0, FEED_SIZE);
    expect(feed.items.map((i) => i.guid)).toEqual(shown.map((a) => storyGuid(a.id)));
    expect(feed.items.map((i) => i.link)).toEqual(shown.map((a) => `${env.SITE_URL}/${ch.slug}/${a.id}`));
    const first = feed.items[0];
    const newest = visible[0];
    expect(first?.title).toBe(newest?.title);
    expect(first?.content).toBe("测试摘要");
    expect(first?.categories).toEqual([ch.name]);
    expect(first?.pubDate).toBe(newest?.publishedAt?.toUTCString());
    expect(xml).toContain(`<guid isPermaLink="false">${storyGuid(newest?.id ?? 0)}</guid>`);
  });

  it("drop a story once it is unpublished (after the write drops the list caches)", async () => {
    const ch = await makeChannel();
    const now = minuteNow().getTime();
    const keep = await makeArticle({ channelId: ch.id, publishedAt: new Date(now - 2 * HOUR) });
    const pulled = await makeArticle({ channelId: ch.id, publishedAt: new Date(now - HOUR) });
    const guids = async () =>
      (await parser.parseString((await channelFeedXml(ch.slug, now)) ?? "")).items.map((i) => i.guid);
    expect(await guids()).toEqual([storyGuid(pulled.id), storyGuid(keep.id)]);

    const db = await getDb();
    await db.article.update({ where: { id: pulled.id }, data: { status: "unpublished" } });
    await invalidate(TAGS.site, TAGS.article(pulled.id));
    expect(await guids()).toEqual([storyGuid(keep.id)]);
  });

  it("site feed: the latest 50 visible stories of every channel", async () => {
    const a = await makeChannel();
    const b = await makeChannel();
    const now = minuteNow().getTime();
    const newest = await makeArticle({
      channelId: a.id,
      title: `站点最新${uniq()}`,
      publishedAt: new Date(now - 1000),
    });
    const second = await makeArticle({
      channelId: b.id,
      title: `站点次新${uniq()}`,
      publishedAt: new Date(now - 2000),
    });
    const draft = await makeArticle({ channelId: a.id, status: "draft", publishedAt: new Date(now - 500) });
    const scheduled = await makeArticle({ channelId: a.id, publishedAt: new Date(now + HOUR) });

    const feed = await parser.parseString(await siteFeedXml(now));
    expect(feed.title).toBe(env.SITE_NAME);
    const db = await getDb();
    const latest = await db.article.findMany({
      where: visibleWhere(now),
      orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
      take: FEED_SIZE,
      select: { id: true },
    });
    expect(feed.items.map((i) => i.guid)).toEqual(latest.map((r) => storyGuid(r.id)));
    expect(feed.items.length).toBeLessThanOrEqual(FEED_SIZE);
    // Other test files share the database: check our two stories' order, not absolute positions.
    const guids = feed.items.map((i) => i.guid ?? "");
    const first = guids.indexOf(storyGuid(newest.id));
    const next = guids.indexOf(storyGuid(second.id));
    expect(first).toBeGreaterThanOrEqual(0);
    expect(next).toBeGreaterThan(first);
    expect(guids).not.toContain(storyGuid(draft.id));
    expect(guids).not.toContain(storyGuid(scheduled.id));
  });

  it("keep a story's GUID when its channel is renamed (only the link follows the new address)", async () => {
    const ch = await makeChannel();
    const story = await makeArticle({ channelId: ch.id, title: `改名${uniq()}` });
    const now = minuteNow().getTime();
    const before = (await parser.parseString((await channelFeedXml(ch.slug, now)) ?? "")).items[0];
    const renamed = uniq("renamed").toLowerCase();
    const db = await getDb();
    await db.channel.update({ where: { id: ch.id }, data: { slug: renamed } });
    await invalidate(TAGS.site, TAGS.channels);
    clearCache();
    const after = (await parser.parseString((await channelFeedXml(renamed, now)) ?? "")).items[0];
    expect(before?.guid).toBe(storyGuid(story.id));
    expect(after?.guid).toBe(before?.guid);
    expect(before?.link).toBe(`${env.SITE_URL}/${ch.slug}/${story.id}`);
    expect(after?.link).toBe(`${env.SITE_URL}/${renamed}/${story.id}`);
  });

  it("stay well-formed XML 1.0 with control characters in stories and channels", async () => {
    // Written straight to the database, past the input cleaning (lib/text.ts), as older rows may
    // hold them. PostgreSQL text cannot hold U+0000 at all, so there the NULs are left out.
    const nul = isPostgres(env.DATABASE_URL) ? "" : "\u0000";
    const ch = await makeChannel(`频道${nul}${uniq()}\u0008`);
    const db = await getDb();
    await db.channel.update({ where: { id: ch.id }, data: { slogan: "口号\u001f\uffff" } });
    const title = `空字符${nul}标题\u000b${uniq()}`;
    const story = await makeArticle({ channelId: ch.id, title });
    await db.article.update({ where: { id: story.id }, data: { summary: `摘要${nul}\u0001\ufffe` } });
    clearCache();
    const now = minuteNow().getTime();
    for (const xml of [await siteFeedXml(now), (await channelFeedXml(ch.slug, now)) ?? ""]) {
      expect(xml).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/);
      await expect(parser.parseString(xml)).resolves.toBeTruthy();
    }
    const item = (await parser.parseString((await channelFeedXml(ch.slug, now)) ?? "")).items[0];
    expect(item?.title).toBe(title.replace(/[\u0000\u000b]/g, ""));
    expect(item?.content).toBe("摘要");
  });

  it("route handlers answer with the RSS media type, and 404 for an unknown channel", async () => {
    const ch = await makeChannel();
    await makeArticle({ channelId: ch.id, title: `路由${uniq()}` });
    const site = await getSiteFeed();
    expect(site.status).toBe(200);
    expect(site.headers.get("content-type")).toBe("application/rss+xml; charset=utf-8");
    expect((await parser.parseString(await site.text())).items.length).toBeGreaterThan(0);

    const channel = await getChannelFeed(new Request(`${env.SITE_URL}/${ch.slug}/rss.xml`), {
      params: Promise.resolve({ channel: ch.slug }),
    });
    expect(channel.status).toBe(200);
    expect(channel.headers.get("content-type")).toBe("application/rss+xml; charset=utf-8");

    const missing = await getChannelFeed(new Request(`${env.SITE_URL}/nope/rss.xml`), {
      params: Promise.resolve({ channel: "no-such-channel" }),
    });
    expect(missing.status).toBe(404);
  });

  it("follows a renamed channel's old slug with a permanent redirect", async () => {
    const ch = await makeChannel();
    const old = uniq("old").toLowerCase();
    const db = await getDb();
    await db.channelRedirect.create({ data: { slug: old, channelId: ch.id } });
    const res = await getChannelFeed(new Request(`${env.SITE_URL}/${old}/rss.xml`), {
      params: Promise.resolve({ channel: old }),
    });
    expect(res.status).toBe(308);
    expect(res.headers.get("location")).toBe(`${env.SITE_URL}/${ch.slug}/rss.xml`);
  });
});
