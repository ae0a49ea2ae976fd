import "server-only";
import {
  getChannelRecommendations,
  getCommunityStories,
  getHotRanking,
  getHotReading,
  getPictureHighlights,
} from "@/lib/data/sidebars";
import type { ArticleCard, RankedCard } from "@/lib/data/types";
import type { HotWindow } from "@/lib/ranking";

export interface SidebarData {
  channelPicks: ArticleCard[];
  hotReading: ArticleCard[];
  pictures: ArticleCard[];
  community: ArticleCard[];
  ranking: Record<HotWindow, RankedCard[]>;
}

/** Everything the shared sidebar shows, fetched in parallel (each part cached on its own). */
export async function getSidebarData(channelId: number | null, nowMs: number): Promise<SidebarData> {
  const [channelPicks, hotReading, pictures, community, h24, d7, d30] = await Promise.all([
    getChannelRecommendations(channelId, 8, nowMs),
    getHotReading(8, nowMs),
    getPictureHighlights(6, nowMs),
    getCommunityStories(6, nowMs),
    getHotRanking("24h", 10, nowMs),
    getHotRanking("7d", 10, nowMs),
    getHotRanking("30d", 10, nowMs),
  ]);
  return { channelPicks, hotReading, pictures, community, ranking: { "24h": h24, "7d": d7, "30d": d30 } };
}
