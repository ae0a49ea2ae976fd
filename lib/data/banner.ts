import "server-only";
// The 突发 banner of the reader pages, read by the site layout, so it is part of every cached page.
// Tagged `site`: setting or removing a banner, and unpublishing or moving its story, drop it (and
// the pages) on every process; its end time is a scheduled invalidation (lib/banner/service.ts).
import { cached } from "@/lib/cache/memo";
import { getDb } from "@/lib/db";
import { TAGS, TTL } from "@/lib/data/cache-tags";
import { articleHref } from "@/lib/data/cards";
import { visibleWhere } from "@/lib/data/visibility";
import { BANNER_ID } from "@/lib/banner/rules";

export interface BannerView {
  text: string;
  href: string;
}

// Null results are never cached (lib/cache/memo.ts), and "no banner" is the usual answer: wrapped,
// so that it is kept like any other.
const readBanner = cached(
  "getBreakingBanner",
  { ttlMs: TTL.lists, tags: () => [TAGS.site] },
  async (nowMs: number): Promise<{ banner: BannerView | null }> => {
    const db = await getDb();
    const row = await db.breakingBanner.findFirst({
      where: { id: BANNER_ID, endsAt: { gt: new Date(nowMs) }, article: visibleWhere(nowMs) },
      select: { text: true, article: { select: { id: true, channel: { select: { slug: true } } } } },
    });
    return {
      banner: row ? { text: row.text, href: articleHref(row.article.channel.slug, row.article.id) } : null,
    };
  },
);

/** The banner readers see at `nowMs` (the current minute, lib/time.ts minuteNow), or null. */
export async function getBreakingBanner(nowMs: number): Promise<BannerView | null> {
  return (await readBanner(nowMs)).banner;
}
