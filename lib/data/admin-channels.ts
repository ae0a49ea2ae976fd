// Channels for the channel editor (admins only). Never cached: a rename shows at once.
import "server-only";
import { getDb } from "@/lib/db";

export interface AdminChannel {
  id: number;
  name: string;
  slug: string;
  sortOrder: number;
  slogan: string;
  /** Review steps before sign-off (三审, lib/workflow/rules.ts). */
  reviewSteps: number;
  regionName: string;
  articleCount: number;
  /** Old slugs that still redirect here. */
  oldSlugs: string[];
}

export async function listChannelsForAdmin(): Promise<AdminChannel[]> {
  const db = await getDb();
  const rows = await db.channel.findMany({
    orderBy: [{ sortOrder: "asc" }, { id: "asc" }],
    select: {
      id: true,
      name: true,
      slug: true,
      sortOrder: true,
      slogan: true,
      reviewSteps: true,
      region: { select: { name: true } },
      oldSlugs: { select: { slug: true }, orderBy: { createdAt: "desc" } },
      _count: { select: { articles: true } },
    },
  });
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    slug: r.slug,
    sortOrder: r.sortOrder,
    slogan: r.slogan,
    reviewSteps: r.reviewSteps,
    regionName: r.region.name,
    articleCount: r._count.articles,
    oldSlugs: r.oldSlugs.map((o) => o.slug),
  }));
}
