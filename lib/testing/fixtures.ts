// Rows for integration tests: each test makes its own, with unique names, through Prisma on the
// real temporary database (never a mock).
import { randomUUID } from "node:crypto";
import { getDb } from "@/lib/db";
import { recordInvalidation } from "@/lib/cache/invalidate";
import { cacheCaughtUp } from "@/lib/cache/shared";
import { storedBody } from "@/lib/body/stored";

export function uniq(prefix = "t"): string {
  return `${prefix}${randomUUID().slice(0, 8)}`;
}

export async function makeChannel(name = uniq("频道")) {
  const db = await getDb();
  const region = await db.region.create({
    data: { name: uniq("区"), slug: uniq("r").toLowerCase(), level: "county" },
  });
  return db.channel.create({
    data: { slug: uniq("ch").toLowerCase(), name, regionId: region.id, slogan: `${name}的口号` },
  });
}

export interface ArticleInput {
  channelId: number;
  title?: string;
  body?: string;
  status?: "draft" | "published" | "unpublished";
  publishedAt?: Date | null;
  /** 定时撤稿 time; default none. */
  unpublishAt?: Date | null;
  tags?: string[];
  isRecommended?: boolean;
  isCommunity?: boolean;
  isHeadline?: boolean;
  leadImageId?: number | null;
}

export async function makeArticle(input: ArticleInput) {
  const db = await getDb();
  const body = input.body ?? "**导语：**测试正文。";
  const tags = input.tags ?? [];
  for (const name of tags) await db.tag.upsert({ where: { name }, create: { name }, update: {} });
  const tagRows = await db.tag.findMany({ where: { name: { in: tags } } });
  return db.article.create({
    data: {
      channelId: input.channelId,
      title: input.title ?? uniq("标题"),
      summary: "测试摘要",
      ...storedBody(body),
      status: input.status ?? "published",
      publishedAt: input.publishedAt === undefined ? new Date(Date.now() - 3_600_000) : input.publishedAt,
      unpublishAt: input.unpublishAt ?? null,
      isRecommended: input.isRecommended ?? false,
      isCommunity: input.isCommunity ?? false,
      isHeadline: input.isHeadline ?? false,
      leadImageId: input.leadImageId ?? null,
      tags: { create: tagRows.map((t) => ({ tagId: t.id })) },
    },
  });
}

/** Record an invalidation as an editorial write would (lib/cache/invalidate.ts). */
export async function invalidate(...tags: string[]): Promise<void> {
  await recordInvalidation(await getDb(), tags, new Date());
  // On PostgreSQL the log's own copy arrives a moment later: wait for it, as a reader on another
  // node would, so that tests see one re-read per write.
  await cacheCaughtUp();
}
