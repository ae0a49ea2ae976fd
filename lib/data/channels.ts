import "server-only";
import { cached } from "@/lib/cache/memo";
import { getDb } from "@/lib/db";
import { TAGS, TTL } from "@/lib/data/cache-tags";
import { cityHref, provinceHref } from "@/lib/regions/urls";
import type { ChannelBarData, ChannelInfo, CityInfo, ProvinceInfo } from "@/lib/data/types";

/**
 * The network of local sites: provinces › cities › counties and the channels in them. Read whole
 * (a few dozen rows) and kept until a channel or region write drops `channels`.
 */
export interface Network {
  /** Channels in editor-set order, with their region path and city. */
  channels: ChannelInfo[];
  /** Cities under a province (the ones with a hub), oldest first. */
  cities: CityInfo[];
  provinces: ProvinceInfo[];
  /** The site's own city (the oldest): the home page and pages of no city show its channel bar. */
  defaultCityId: number | null;
}

export const getNetwork = cached(
  "getNetwork",
  { ttlMs: TTL.editorial, tags: () => [TAGS.channels] },
  async (): Promise<Network> => {
    const db = await getDb();
    const [channels, regions] = await Promise.all([
      db.channel.findMany({
        orderBy: [{ sortOrder: "asc" }, { id: "asc" }],
        select: { id: true, slug: true, name: true, slogan: true, description: true, regionId: true },
      }),
      db.region.findMany({
        orderBy: { id: "asc" },
        select: { id: true, name: true, slug: true, level: true, parentId: true },
      }),
    ]);
    const byId = new Map(regions.map((r) => [r.id, r]));
    const provinces: ProvinceInfo[] = regions
      .filter((r) => r.level === "province")
      .map((p) => ({ id: p.id, name: p.name, slug: p.slug, href: provinceHref(p.slug) }));
    const provinceById = new Map(provinces.map((p) => [p.id, p]));
    const cities: CityInfo[] = regions.flatMap((c) => {
      const province = c.level === "city" && c.parentId !== null ? provinceById.get(c.parentId) : undefined;
      if (!province) return [];
      return [
        {
          id: c.id,
          name: c.name,
          slug: c.slug,
          href: cityHref(province.slug, c.slug),
          province,
          channelIds: [],
        },
      ];
    });
    const cityById = new Map(cities.map((c) => [c.id, c]));
    /** The city a region belongs to: itself, or a county's parent. */
    const cityOf = (regionId: number): CityInfo | undefined => {
      const r = byId.get(regionId);
      if (!r) return undefined;
      return cityById.get(r.id) ?? (r.parentId === null ? undefined : cityById.get(r.parentId));
    };
    const hubOf = (regionId: number): string | null =>
      cityById.get(regionId)?.href ?? provinceById.get(regionId)?.href ?? null;
    const pathOf = (regionId: number): { name: string; href: string | null }[] => {
      const path: { name: string; href: string | null }[] = [];
      let r = byId.get(regionId);
      while (r && path.length < 8) {
        path.unshift({ name: r.name, href: hubOf(r.id) });
        r = r.parentId === null ? undefined : byId.get(r.parentId);
      }
      return path;
    };
    const infos = channels.map((c): ChannelInfo => {
      const city = cityOf(c.regionId);
      city?.channelIds.push(c.id);
      const path = pathOf(c.regionId);
      return {
        id: c.id,
        slug: c.slug,
        name: c.name,
        slogan: c.slogan,
        description: c.description,
        regionName: byId.get(c.regionId)?.name ?? "",
        regionCrumbs: path.map((p) => (p.href ? { label: p.name, href: p.href } : { label: p.name })),
        cityId: city?.id ?? null,
      };
    });
    return { channels: infos, cities, provinces, defaultCityId: cities[0]?.id ?? null };
  },
);

/** Channels in editor-set order, with their region path (channel bar, breadcrumbs, slogans). */
export async function listChannels(): Promise<ChannelInfo[]> {
  return (await getNetwork()).channels;
}

/** Every city's channels for the channel bar, which shows the current page's city. */
export async function getChannelBar(): Promise<ChannelBarData> {
  const network = await getNetwork();
  return {
    channels: network.channels.map((c) => ({ id: c.id, slug: c.slug, name: c.name, cityId: c.cityId })),
    cities: network.cities.map((c) => ({
      id: c.id,
      name: c.name,
      href: c.href,
      provinceHref: c.province.href,
    })),
    defaultCityId: network.defaultCityId,
  };
}

export async function getChannelBySlug(slug: string): Promise<ChannelInfo | null> {
  const channels = await listChannels();
  return channels.find((c) => c.slug === slug) ?? null;
}

/**
 * Which city's stories a page's lists keep to: the channel's city, else `cityId`; null means the
 * whole site, also when that city holds every channel (one city: the site-wide lists are the
 * same and cost less).
 */
export async function listScope(channelId: number | null, cityId: number | null): Promise<number | null> {
  const network = await getNetwork();
  const chosen =
    channelId !== null ? (network.channels.find((c) => c.id === channelId)?.cityId ?? null) : cityId;
  const city = network.cities.find((c) => c.id === chosen);
  if (!city || city.channelIds.length === network.channels.length) return null;
  return city.id;
}

/** The channels of a list scope (listScope): null for the whole site. */
export async function scopeChannelIds(cityId: number | null): Promise<number[] | null> {
  if (cityId === null) return null;
  const network = await getNetwork();
  return network.cities.find((c) => c.id === cityId)?.channelIds ?? [];
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
