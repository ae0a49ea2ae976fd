// Demo content: fills an EMPTY database with the default region (广西 › 柳州市), its seven channels,
// 315+ original stories with tags, lead images (rendered locally with sharp), approved comments and
// 30 days of hourly view history. Deterministic for a fixed seed; a database that already has
// channels is left untouched, so running it twice adds nothing.
//
// Usage: npm run db:seed            (DATABASE_URL and UPLOAD_DIR as in README § Configuration)
import { performance } from "node:perf_hooks";
import { env } from "@/lib/env";
import { createPrismaClient, type PrismaClient } from "@/lib/prisma-factory";
import { storedBody } from "@/lib/body/stored";
import { storeImage } from "@/lib/images/store";
import { HOUR_MS } from "@/lib/time";
import { relinkAuthor } from "@/lib/authors/links";
import { DEMO_AUTHORS } from "./demo/authors";
import { buildDemoArticles, DEMO_CHANNELS, type DemoArticle } from "./demo/content";
import { renderDemoImage } from "./demo/images";
import { DEMO_GALLERIES } from "./demo/galleries";
import { mulberry32 as prng } from "./demo/kit";
import { seedTopics } from "./demo/topics";
import { DEMO_LIVE, type DemoLiveEntry } from "./demo/live";
import { DEMO_CORRECTIONS } from "./demo/corrections";
import { rebuildAllSimilar } from "@/lib/similarity/store";

const SEED = 20261125;

const COUNTIES: Record<string, string> = {
  liujiang: "柳江区",
  liucheng: "柳城县",
  luzhai: "鹿寨县",
  rongan: "融安县",
  rongshui: "融水苗族自治县",
  sanjiang: "三江侗族自治县",
};

const NICKNAMES = [
  "柳州网友",
  "江边散步的人",
  "融水阿妹",
  "老柳州",
  "三江茶农",
  "鹿寨小韦",
  "柳城果农",
  "拉堡街坊",
  "网友",
  "桂中游子",
  "古宜老覃",
  "爱吃螺蛳粉",
];
const COMMENTS = [
  "家乡越来越好了，点赞！",
  "这个消息很实用，已经转发到家族群里。",
  "希望后续能持续跟进报道，看看落实情况。",
  "上个周末刚去过，确实变化很大，推荐大家去走走。",
  "为基层工作人员的辛苦付出点个赞。",
  "小时候常在那一带玩，看到报道很亲切。",
  "建议公交线路也能同步优化一下，方便老人出行。",
  "写得很细，连时间地点都交代清楚了，好评。",
  "在外地工作多年，看到家乡新闻很想回去看看。",
  "支持！这样的好事多多益善。",
  "请问具体的报名方式在哪里可以查到？",
  "期待明年办得更好。",
];

async function seedRegionsAndChannels(db: PrismaClient): Promise<Map<string, number>> {
  const province = await db.region.create({ data: { name: "广西", slug: "guangxi", level: "province" } });
  const city = await db.region.create({
    data: { name: "柳州市", slug: "liuzhou", level: "city", parentId: province.id },
  });
  const channelIds = new Map<string, number>();
  let order = 0;
  for (const ch of DEMO_CHANNELS) {
    const countyName = COUNTIES[ch.slug];
    const regionId = countyName
      ? (
          await db.region.create({
            data: { name: countyName, slug: ch.slug, level: "county", parentId: city.id },
          })
        ).id
      : city.id;
    const created = await db.channel.create({
      data: {
        slug: ch.slug,
        name: ch.name,
        regionId,
        sortOrder: (order += 10),
        slogan: ch.slogan,
        description: ch.description,
        // The city desk reviews in two steps, county stations in one (issue 13, 三审).
        reviewSteps: countyName ? 1 : 2,
      },
    });
    channelIds.set(ch.slug, created.id);
  }
  return channelIds;
}

async function seedImage(db: PrismaClient, a: Pick<DemoArticle, "image">): Promise<number | null> {
  if (!a.image) return null;
  const bytes = await renderDemoImage(a.image.scene, a.image.seed);
  const stored = await storeImage(bytes, env.UPLOAD_DIR);
  const image = await db.image.upsert({
    where: { key: stored.key },
    create: { ...stored, alt: a.image.alt, caption: a.image.caption, credit: a.image.credit },
    update: {},
  });
  return image.id;
}

/** The demo's 更正 / 更新说明 (prisma/demo/corrections.ts); each moves its story's updatedAt. */
async function seedCorrections(db: PrismaClient, now: Date): Promise<number> {
  for (const c of DEMO_CORRECTIONS) {
    const createdAt = new Date(now.getTime() - c.hoursAgo * 3_600_000);
    const story = await db.article.findUniqueOrThrow({
      where: { externalKey: `demo:${c.story}` },
      select: { id: true },
    });
    await db.articleCorrection.create({
      data: { articleId: story.id, kind: c.kind, text: c.text, createdAt },
    });
    await db.article.update({ where: { id: story.id }, data: { updatedAt: createdAt } });
  }
  return DEMO_CORRECTIONS.length;
}

/** The demo's live story (prisma/demo/live.ts): its coverage, ended, and its entries. */
async function seedLive(db: PrismaClient, channelIds: Map<string, number>, now: Date): Promise<number> {
  const d = DEMO_LIVE;
  const channelId = channelIds.get(d.channel);
  if (channelId === undefined) throw new Error(`unknown channel ${d.channel}`);
  const startedAt = new Date(now.getTime() - d.startedHoursAgo * HOUR_MS);
  const at = (minute: number) => new Date(startedAt.getTime() + minute * 60_000);
  const article = await db.article.create({
    data: {
      externalKey: `demo:${d.key}`,
      channelId,
      title: d.title,
      summary: d.summary,
      ...storedBody(d.body),
      source: d.source,
      byline: d.byline,
      status: "published",
      publishedAt: startedAt,
      leadImageId: await seedImage(db, d),
      createdAt: startedAt,
      tags: {
        create: await Promise.all(
          d.tags.map(async (name) => ({
            tagId: (await db.tag.upsert({ where: { name }, create: { name }, update: {} })).id,
          })),
        ),
      },
      liveCoverage: { create: { startedAt, endedAt: at(d.durationMinutes) } },
    },
    select: { id: true },
  });
  const entries: readonly DemoLiveEntry[] = d.entries;
  for (const e of entries) {
    await db.liveEntry.create({
      data: {
        articleId: article.id,
        body: e.body,
        quote: e.quote ?? "",
        quoteBy: e.quoteBy ?? "",
        imageId: e.image ? await seedImage(db, { image: e.image }) : null,
        pinned: e.pinned ?? false,
        createdAt: at(e.minute),
      },
    });
  }
  return entries.length;
}

/**
 * Hourly view history for one story over the last 30 days: a popularity drawn from a heavy-tailed
 * distribution, decaying with the story's age, spread over three reading peaks a day (Beijing 8:00,
 * 12:00, 21:00). Rankings therefore differ between 24 hours, 7 days and 30 days.
 */
function viewHistory(
  rand: () => number,
  publishedAt: Date,
  now: Date,
  popularity = Math.pow(rand(), 3) * 400 + 5,
): { bucket: Date; count: number }[] {
  const rows: { bucket: Date; count: number }[] = [];
  const start = Math.max(publishedAt.getTime(), now.getTime() - 30 * 24 * HOUR_MS);
  const peaksUtc = [0, 4, 13]; // 08:00, 12:00, 21:00 in Beijing
  const DAY_MS = 24 * HOUR_MS;
  for (let day = Math.floor(start / DAY_MS) * DAY_MS; day <= now.getTime(); day += DAY_MS) {
    for (const h of peaksUtc) {
      const t = day + h * HOUR_MS;
      if (t < start || t > now.getTime()) continue;
      const ageDays = (t - publishedAt.getTime()) / (24 * HOUR_MS);
      const expected = (popularity / 3) * Math.pow(0.72, ageDays) * (0.6 + rand() * 0.8);
      const count = Math.round(expected);
      if (count > 0) rows.push({ bucket: new Date(t), count });
    }
  }
  return rows;
}

async function main(): Promise<void> {
  const t0 = performance.now();
  const db = await createPrismaClient(env.DATABASE_URL);
  try {
    if ((await db.channel.count()) > 0) {
      console.log("seed: database already has content, nothing to do");
      return;
    }
    const rand = prng(SEED);
    const now = new Date();
    const channelIds = await seedRegionsAndChannels(db);
    const articles = buildDemoArticles();
    // Render and store the images first, a few at a time (sharp works off the main thread).
    const imageIds = new Map<string, number | null>();
    for (let i = 0; i < articles.length; i += 4) {
      const chunk = articles.slice(i, i + 4);
      const ids = await Promise.all(chunk.map((a) => seedImage(db, a)));
      chunk.forEach((a, j) => imageIds.set(a.key, ids[j] ?? null));
    }
    const tagIds = new Map<string, number>();
    let images = 0;
    let comments = 0;
    let buckets = 0;
    for (const a of articles) {
      const channelId = channelIds.get(a.channel);
      if (channelId === undefined) throw new Error(`unknown channel ${a.channel}`);
      for (const name of a.tags) {
        if (!tagIds.has(name)) tagIds.set(name, (await db.tag.create({ data: { name } })).id);
      }
      const leadImageId = imageIds.get(a.key) ?? null;
      if (leadImageId) images++;
      const publishedAt = new Date(now.getTime() - a.publishedHoursAgo * HOUR_MS);
      const history = viewHistory(rand, publishedAt, now);
      const older = Math.round(rand() * 50);
      const total = history.reduce((s, r) => s + r.count, 0) + older;
      const nComments = Math.floor(Math.pow(rand(), 2) * 6);
      const created = await db.article.create({
        data: {
          externalKey: `demo:${a.key}`,
          channelId,
          title: a.title,
          summary: a.summary,
          ...storedBody(a.body),
          source: a.source,
          byline: a.byline,
          status: "published",
          publishedAt,
          isHeadline: a.headline,
          isRecommended: a.recommended,
          isCommunity: a.community,
          leadImageId,
          viewCount: total,
          createdAt: publishedAt,
          tags: { create: a.tags.map((name) => ({ tagId: tagIds.get(name) ?? 0 })) },
          views: { createMany: { data: history } },
          comments: {
            createMany: {
              data: Array.from({ length: nComments }, (_, i) => ({
                nickname: NICKNAMES[Math.floor(rand() * NICKNAMES.length)] ?? "网友",
                body: COMMENTS[Math.floor(rand() * COMMENTS.length)] ?? "支持！",
                status: "approved",
                createdAt: new Date(
                  Math.min(now.getTime(), publishedAt.getTime() + (i + 1) * (1 + rand() * 20) * HOUR_MS),
                ),
              })),
            },
          },
        },
        select: { id: true },
      });
      if (!created.id) throw new Error("article not created");
      comments += nComments;
      buckets += history.length;
    }
    // 图集 stories: no lead image, their gallery's first image is their cover.
    for (const g of DEMO_GALLERIES) {
      const channelId = channelIds.get(g.channel);
      if (channelId === undefined) throw new Error(`unknown channel ${g.channel}`);
      for (const name of g.tags) {
        if (!tagIds.has(name)) tagIds.set(name, (await db.tag.create({ data: { name } })).id);
      }
      const imageRows = await Promise.all(
        g.images.map(async (img) => {
          const stored = await storeImage(await renderDemoImage(img.scene, img.seed), env.UPLOAD_DIR);
          return db.image.upsert({
            where: { key: stored.key },
            create: { ...stored, alt: img.alt, caption: img.caption, credit: img.credit },
            update: {},
            select: { id: true },
          });
        }),
      );
      images += imageRows.length;
      const publishedAt = new Date(now.getTime() - g.publishedHoursAgo * HOUR_MS);
      // Widely read, as picture stories are: the demo's 图文看点 shows them.
      const history = viewHistory(rand, publishedAt, now, 900);
      await db.article.create({
        data: {
          externalKey: `demo:${g.key}`,
          channelId,
          title: g.title,
          summary: g.summary,
          ...storedBody(g.body),
          source: g.source,
          byline: g.byline,
          status: "published",
          publishedAt,
          viewCount: history.reduce((sum, r) => sum + r.count, 0),
          createdAt: publishedAt,
          tags: { create: g.tags.map((name) => ({ tagId: tagIds.get(name) ?? 0 })) },
          views: { createMany: { data: history } },
          galleryImages: {
            create: g.images.map((img, position) => ({
              imageId: imageRows[position]?.id ?? 0,
              position,
              caption: img.caption,
              credit: img.credit,
            })),
          },
        },
        select: { id: true },
      });
      buckets += history.length;
    }
    let authorLinks = 0;
    for (const profile of DEMO_AUTHORS) {
      authorLinks += await db.$transaction(async (tx) => {
        const author = await tx.author.create({ data: profile, select: { id: true, name: true } });
        return (await relinkAuthor(tx, author)).length;
      });
    }
    const liveEntries = await seedLive(db, channelIds, now);
    const corrections = await seedCorrections(db, now);
    const similar = await rebuildAllSimilar(db);
    const topics = await seedTopics(db, now);
    const seconds = ((performance.now() - t0) / 1000).toFixed(1);
    console.log(
      `seed: ${channelIds.size} channels, ${articles.length + DEMO_GALLERIES.length} articles (${DEMO_GALLERIES.length} galleries), ${tagIds.size} tags, ${images} images, ${comments} comments, ${buckets} view buckets, ${liveEntries} live entries, ${corrections} corrections, ${DEMO_AUTHORS.length} reporters on ${authorLinks} bylines, ${similar.links} similarity links, ${topics} topics in ${seconds}s`,
    );
  } finally {
    await db.$disconnect();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
