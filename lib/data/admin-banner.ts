// The current 突发 banner for the editor area, as stored (also when it has ended or its story is
// no longer visible, so that the editor sees why readers do not). Never cached.
import "server-only";
import { getDb } from "@/lib/db";
import { articleHref } from "@/lib/data/cards";
import { isVisible } from "@/lib/data/visibility";
import { BANNER_ID } from "@/lib/banner/rules";
import { userLabel } from "@/lib/auth/types";

export interface AdminBanner {
  text: string;
  articleId: number;
  articleTitle: string;
  href: string;
  endsAt: Date;
  /** What readers see now: shown, ended, or hidden because the story is not visible. */
  state: "shown" | "ended" | "storyHidden";
  createdBy: string;
  createdAt: Date;
}

export async function getBannerForAdmin(nowMs: number): Promise<AdminBanner | null> {
  const db = await getDb();
  const row = await db.breakingBanner.findUnique({
    where: { id: BANNER_ID },
    select: {
      text: true,
      endsAt: true,
      createdAt: true,
      createdBy: { select: { username: true, displayName: true } },
      article: {
        select: {
          id: true,
          title: true,
          status: true,
          publishedAt: true,
          unpublishAt: true,
          channel: { select: { slug: true } },
        },
      },
    },
  });
  if (!row) return null;
  return {
    text: row.text,
    articleId: row.article.id,
    articleTitle: row.article.title,
    href: articleHref(row.article.channel.slug, row.article.id),
    endsAt: row.endsAt,
    state: row.endsAt.getTime() <= nowMs ? "ended" : isVisible(row.article, nowMs) ? "shown" : "storyHidden",
    createdBy: row.createdBy ? userLabel(row.createdBy) : "",
    createdAt: row.createdAt,
  };
}
