import "server-only";
import { cached } from "@/lib/cache/memo";
import { getDb } from "@/lib/db";
import { TAGS, TTL } from "@/lib/data/cache-tags";
import type { ChannelInfo } from "@/lib/data/types";

/** Channels in editor-set order, with their region path (channel bar, breadcrumbs, slogans). */
export const listChannels = cached(
  "listChannels",
  { ttlMs: TTL.editorial, tags: () => [TAGS.channels] },
  async (): Promise<ChannelInfo[]> => {
    const db = await getDb();
    const [channels, regions] = await Promise.all([
      db.channel.findMany({
        orderBy: [{ sortOrder: "asc" }, { id: "asc" }],
        select: { id: true, slug: true, name: true, slogan: true, description: true, regionId: true },
      }),
      db.region.findMany({ select: { id: true, name: true, parentId: true } }),
    ]);
    const byId = new Map(regions.map((r) => [r.id, r]));
    const pathOf = (regionId: number): string[] => {
      const path: string[] = [];
      let r = byId.get(regionId);
      while (r && path.length < 8) {
        path.unshift(r.name);
        r = r.parentId === null ? undefined : byId.get(r.parentId);
      }
      return path;
    };
    return channels.map((c) => ({
      id: c.id,
      slug: c.slug,
      name: c.name,
      slogan: c.slogan,
      description: c.description,
      regionName: byId.get(c.regionId)?.name ?? "",
      regionPath: pathOf(c.regionId),
    }));
  },
);

export async function getChannelBySlug(slug: string): Promise<ChannelInfo | null> {
  const channels = await listChannels();
  return channels.find((c) => c.slug === slug) ?? null;
}

/** Where an old (renamed) channel slug points now, if anywhere. */
export const getChannelRedirect = cached(
  "getChannelRedirect",
  { ttlMs: TTL.editorial, tags: () => [TAGS.channels] },
  async (oldSlug: string): Promise<string | null> => {
    // No stored slug holds U+0000 (input is cleaned, lib/text.ts), and PostgreSQL would fail the query.
    if (oldSlug.includes("\u0000")) return null;
    const db = await getDb();
    const row = await db.channelRedirect.findUnique({
      where: { slug: oldSlug },
      select: { channel: { select: { slug: true } } },
    });
    return row?.channel.slug ?? null;
  },
);
