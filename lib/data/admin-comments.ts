// The moderation queue. Never cached: moderators must see each decision at once.
import "server-only";
import { getDb } from "@/lib/db";
import { articleHref } from "@/lib/data/cards";
import type { CommentStatus } from "@/lib/comments/moderation-rules";

export const MODERATION_PAGE_SIZE = 50;

export interface ModerationRow {
  id: number;
  nickname: string;
  /** Shown as text, never as HTML. */
  body: string;
  status: string;
  createdAt: Date;
  article: { id: number; title: string; href: string };
  /** Whether the address is known (comments stored before hashing have none): bans need it. */
  hasAddress: boolean;
  /** The address's ban, when one is in force. */
  bannedUntil: Date | null;
}

export interface ModerationPage {
  items: ModerationRow[];
  total: number;
  counts: Record<CommentStatus, number>;
}

/** Comments of one status (null: all), newest first. */
export async function listCommentsForModeration(
  status: CommentStatus | null,
  page: number,
  nowMs: number,
): Promise<ModerationPage> {
  const db = await getDb();
  const where = status ? { status } : {};
  const [total, rows, grouped] = await Promise.all([
    db.comment.count({ where }),
    db.comment.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * MODERATION_PAGE_SIZE,
      take: MODERATION_PAGE_SIZE,
      select: {
        id: true,
        nickname: true,
        body: true,
        status: true,
        createdAt: true,
        ipHash: true,
        article: { select: { id: true, title: true, channel: { select: { slug: true } } } },
      },
    }),
    db.comment.groupBy({ by: ["status"], _count: { _all: true } }),
  ]);
  const hashes = [...new Set(rows.map((r) => r.ipHash).filter((h) => h !== ""))];
  const bans = hashes.length
    ? await db.ban.findMany({
        where: { ipHash: { in: hashes }, until: { gt: new Date(nowMs) } },
        select: { ipHash: true, until: true },
      })
    : [];
  const banned = new Map(bans.map((b) => [b.ipHash, b.until]));
  const count = (s: CommentStatus) => grouped.find((g) => g.status === s)?._count._all ?? 0;
  return {
    total,
    counts: { pending: count("pending"), approved: count("approved"), rejected: count("rejected") },
    items: rows.map((r) => ({
      id: r.id,
      nickname: r.nickname,
      body: r.body,
      status: r.status,
      createdAt: r.createdAt,
      article: {
        id: r.article.id,
        title: r.article.title,
        href: articleHref(r.article.channel.slug, r.article.id),
      },
      hasAddress: r.ipHash !== "",
      bannedUntil: banned.get(r.ipHash) ?? null,
    })),
  };
}
