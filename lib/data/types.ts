import type { StoryCorrection } from "@/lib/data/corrections";
// Page-shaped objects returned by lib/data (plain, serializable, no Prisma types).

export interface ImageRef {
  src: string;
  srcSet: string;
  width: number;
  height: number;
  alt: string;
  caption: string;
  credit: string;
}

export interface ChannelRef {
  id: number;
  slug: string;
  name: string;
}

export interface ChannelInfo extends ChannelRef {
  slogan: string;
  description: string;
  regionName: string;
  /** Region path from the province down as breadcrumb items (广西 › 柳州市 › 柳江区), provinces and
   * cities linked to their hubs. */
  regionCrumbs: { label: string; href?: string }[];
  /** The city whose network the channel belongs to (null: a region outside any city). */
  cityId: number | null;
}

/** What the channel bar needs to show any city's channels (components/ChannelNav.tsx). */
export interface ChannelBarData {
  channels: (ChannelRef & { cityId: number | null })[];
  cities: { id: number; name: string; href: string; provinceHref: string }[];
  defaultCityId: number | null;
}

export interface ProvinceInfo {
  id: number;
  name: string;
  slug: string;
  /** Its hub, /region/<slug>. */
  href: string;
}

export interface CityInfo {
  id: number;
  name: string;
  slug: string;
  /** Its hub, /region/<province>/<slug>. */
  href: string;
  province: ProvinceInfo;
  /** Its channels (the city's own and its counties'), in editor-set order. */
  channelIds: number[];
}

export interface ArticleCard {
  id: number;
  href: string;
  title: string;
  summary: string;
  publishedAt: Date;
  channel: ChannelRef;
  image: ImageRef | null;
}

export interface RankedCard extends ArticleCard {
  /** Views inside the list's window. */
  views: number;
  /** What the list is ordered by: decayed views (lib/ranking.ts heatOf); equals `views` for 48h. */
  heat: number;
}

export interface ArticleDetail extends ArticleCard {
  status: string;
  /** 定时撤稿: readers no longer see it from this time (lib/data/visibility.ts isVisible). */
  unpublishAt: Date | null;
  bodyHtml: string;
  /** The summary, or an excerpt of the body when the story has none (meta description, share card). */
  description: string;
  source: string;
  byline: string;
  /** The reporters' profiles its byline names (lib/authors/links.ts), in byline order. */
  authors: { name: string; slug: string }[];
  updatedAt: Date;
  tags: string[];
  viewCount: number;
  isCommunity: boolean;
  /** 更正 and 更新说明 added after publication, oldest first (shown at the end of the story). */
  corrections: StoryCorrection[];
}

export interface CommentView {
  id: number;
  nickname: string;
  body: string;
  createdAt: Date;
}
