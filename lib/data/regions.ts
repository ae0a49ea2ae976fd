import "server-only";
// Reads of the region hubs (/region/<province>, /region/<province>/<city>): which region an address
// names, and a city's newest stories. All from the cached network (lib/data/channels.ts getNetwork)
// and each channel's own newest rows (listLatestInChannel, one index range each): no read scans
// more than channels × limit rows, whatever the size of the city.
import { getNetwork } from "@/lib/data/channels";
import { listLatestInChannel } from "@/lib/data/articles";
import type { ArticleCard, ChannelInfo, CityInfo, ProvinceInfo } from "@/lib/data/types";

export interface ProvinceHub {
  province: ProvinceInfo;
  cities: CityInfo[];
}

export interface CityHub {
  city: CityInfo;
  /** The city's channels, in editor-set order. */
  channels: ChannelInfo[];
}

export async function getProvinceHub(provinceSlug: string): Promise<ProvinceHub | null> {
  const network = await getNetwork();
  const province = network.provinces.find((p) => p.slug === provinceSlug);
  if (!province) return null;
  return { province, cities: network.cities.filter((c) => c.province.id === province.id) };
}

export async function getCityHub(provinceSlug: string, citySlug: string): Promise<CityHub | null> {
  const network = await getNetwork();
  const city = network.cities.find((c) => c.province.slug === provinceSlug && c.slug === citySlug);
  if (!city) return null;
  return { city, channels: network.channels.filter((c) => c.cityId === city.id) };
}

/** A city's newest visible stories across its channels: each channel's newest, merged. */
export async function listCityLatest(city: CityInfo, limit: number, nowMs: number): Promise<ArticleCard[]> {
  const lists = await Promise.all(city.channelIds.map((id) => listLatestInChannel(id, limit, nowMs)));
  return lists
    .flat()
    .sort((a, b) => b.publishedAt.getTime() - a.publishedAt.getTime() || b.id - a.id)
    .slice(0, limit);
}
