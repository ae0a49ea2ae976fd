// Rows for integration tests: each test makes its own, with unique names, through Prisma on the
// real temporary database (never a mock).
import { randomUUID } from "node:crypto";
import { getDb } from "@/lib/db";
import { recordInvalidation } from "@/lib/cache/invalidate";
import { cacheCaughtUp } from "@/lib/cache/shared";
import { storedBody } from "@/lib/body/stored";
import {
  EMPTY_ARTICLE_FORM,
  parseArticleForm,
  type ArticleFormValues,
  type ArticleInput as ArticleFormInput,
} from "@/lib/articles/form";
import type { Actor } from "@/lib/articles/permissions";
import type { Role } from "@/lib/auth/roles";

export function uniq(prefix = "t"): string {
  return `${prefix}${randomUUID().slice(0, 8)}`;
}

/** An editor-area account (no usable password) as the services' Actor, with its desks. */
export async function makeUser(
  role: Role = "editor",
  options: { channels?: number[]; displayName?: string } = {},
): Promise<Actor> {
  const db = await getDb();
  const channels = options.channels ?? [];
  const user = await db.user.create({
    data: {
      username: uniq("u"),
      passwordHash: "x",
      role,
      displayName: options.displayName ?? "",
      desks: { create: channels.map((channelId) => ({ channelId })) },
    },
  });
  return { id: user.id, role, channels };
}

/** A story's form input as the article form would send it (a unique title, a one-line body). */
export function storyInput(channelId: number, values: Partial<ArticleFormValues> = {}): ArticleFormInput {
  const parsed = parseArticleForm({
    ...EMPTY_ARTICLE_FORM,
    channelId: String(channelId),
    title: uniq("标题"),
    body: "<p>正文。</p>",
    ...values,
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.data;
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
