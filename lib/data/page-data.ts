import "server-only";
import {
  getChannelRecommendations,
  getCommunityStories,
  getHotRanking,
  getHotReading,
  getPictureHighlights,
} from "@/lib/data/sidebars";
import { listScope } from "@/lib/data/channels";
import type { ArticleCard, RankedCard } from "@/lib/data/types";
import type { HotWindow } from "@/lib/ranking";

export interface SidebarData {
  channelPicks: ArticleCard[];
  hotReading: ArticleCard[];
  pictures: ArticleCard[];
  community: ArticleCard[];
  ranking: Record<HotWindow, RankedCard[]>;
}

/**
 * Everything the shared sidebar shows, fetched in parallel (each part cached on its own). The lists
 * keep to the channel's city, else to `cityId` (the home page: the site's own city; a city hub),
 * else show the whole site (tag, topic, author and rank pages); see listScope.
 */
export async function getSidebarData(
  channelId: number | null,
  nowMs: number,
  cityId: number | null = null,
): Promise<SidebarData> {
  const scope = await listScope(channelId, cityId);
  const [channelPicks, hotReading, pictures, community, h24, d7, d30] = await Promise.all([
    getChannelRecommendations(channelId, 8, nowMs, scope),
    getHotReading(8, nowMs, scope),
    getPictureHighlights(6, nowMs, scope),
    getCommunityStories(6, nowMs, scope),
    getHotRanking("24h", 10, nowMs, scope),
    getHotRanking("7d", 10, nowMs, scope),
    getHotRanking("30d", 10, nowMs, scope),
  ]);
  return { channelPicks, hotReading, pictures, community, ranking: { "24h": h24, "7d": d7, "30d": d30 } };
}
