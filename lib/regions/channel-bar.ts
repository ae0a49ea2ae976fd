// Which city's channels the channel bar shows on a page, from its path alone (pure; the bar is a
// client component of the site layout, which cannot know the route: components/ChannelNav.tsx).
import type { ChannelBarData } from "@/lib/data/types";
import { REGION_PREFIX } from "@/lib/regions/urls";

export interface BarView {
  /** The city shown when it is not the site's own (its hub is then the bar's first link). */
  city: ChannelBarData["cities"][number] | undefined;
  channels: ChannelBarData["channels"];
  /** The path's first segment: a channel's slug on channel and story pages. */
  first: string;
}

/**
 * A city hub shows its city; a channel page or story (`/<channel>[/<id>]`) its channel's city;
 * every other page the site's own city. Channels of no city are in the site's own city's bar.
 */
export function barView(bar: ChannelBarData, pathname: string): BarView {
  const first = pathname.split("/")[1] ?? "";
  const hub =
    `/${first}` === REGION_PREFIX
      ? bar.cities.find((c) => pathname === c.href || pathname.startsWith(`${c.href}/`))
      : undefined;
  const cityId = hub?.id ?? bar.channels.find((c) => c.slug === first)?.cityId ?? bar.defaultCityId;
  return {
    city: bar.cities.find((c) => c.id === cityId),
    channels: bar.channels.filter((c) => (c.cityId ?? bar.defaultCityId) === cityId),
    first,
  };
}
