// Demo 专题: two topics built from the demo stories' tags, each with a hand-picked section (the
// tag's three newest stories with a lead image) and a section listing the whole tag, newest first.
// One is on the home page.
import type { PrismaClient } from "@/lib/prisma-factory";

interface DemoTopic {
  slug: string;
  title: string;
  intro: string;
  tag: string;
  picked: string;
  latest: string;
  featured: boolean;
}

export const DEMO_TOPICS: readonly DemoTopic[] = [
  {
    slug: "luosifen",
    title: "柳州螺蛳粉",
    intro:
      "从街头小吃到百亿产业：柳州螺蛳粉的原料基地、工厂车间、夜市小店和走出国门的故事。\n\n本专题汇集地方网关于螺蛳粉产业与饮食文化的报道。",
    tag: "螺蛳粉",
    picked: "编辑精选",
    latest: "最新报道",
    featured: true,
  },
  {
    slug: "minsu",
    title: "民俗风情",
    intro: "三月三歌圩、侗族大歌、苗族芦笙：柳州各县区的节庆与民俗。",
    tag: "民俗",
    picked: "编辑精选",
    latest: "全部报道",
    featured: false,
  },
];

export async function seedTopics(db: PrismaClient, now: Date): Promise<number> {
  let created = 0;
  for (const [i, t] of DEMO_TOPICS.entries()) {
    const tag = await db.tag.findUnique({ where: { name: t.tag }, select: { id: true } });
    if (!tag) continue;
    const tagged = await db.article.findMany({
      where: { tags: { some: { tagId: tag.id } }, leadImageId: { not: null } },
      orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
      take: 3,
      select: { id: true, leadImageId: true },
    });
    if (tagged.length === 0) continue;
    await db.topic.create({
      data: {
        slug: t.slug,
        title: t.title,
        intro: t.intro,
        bannerImageId: tagged[0]?.leadImageId ?? null,
        published: true,
        publishedAt: new Date(now.getTime() - i * 3_600_000),
        featuredOnHome: t.featured,
        createdAt: now,
        updatedAt: now,
        sections: {
          create: [
            {
              position: 0,
              title: t.picked,
              kind: "picked",
              stories: { create: tagged.map((a, position) => ({ articleId: a.id, position })) },
            },
            { position: 1, title: t.latest, kind: "tag", tagId: tag.id },
          ],
        },
      },
    });
    created++;
  }
  return created;
}
