import type { Metadata } from "next";
import type { ReactNode } from "react";
import { getChannelBySlug, getChannelRedirect } from "@/lib/data/channels";
import { listChannelArticles } from "@/lib/data/articles";
import { getSidebarData } from "@/lib/data/page-data";
import { minuteNow } from "@/lib/time";
import { PAGE_SIZE, pageCount, pageHref, parsePageParam } from "@/lib/pagination";
import { env } from "@/lib/env";
import { Breadcrumb } from "@/components/Breadcrumb";
import { Pagination } from "@/components/Pagination";
import { PortalSidebar } from "@/components/PortalSidebar";
import { StoryTeasers } from "@/components/StoryTeasers";

/** A channel's address segment and page number (`/liujiang`, `/liujiang?page=N` → page/N). */
export interface ChannelParams {
  channel: string;
  n?: string;
}

export async function channelMetadata({ channel: slug, n }: ChannelParams): Promise<Metadata> {
  const channel = await getChannelBySlug(slug);
  const page = parsePageParam(n);
  if (!channel || page === null) return { title: "页面不存在" };
  const basePath = `/${channel.slug}`;
  return {
    title: page > 1 ? `${channel.name}（第 ${page} 页）` : channel.name,
    description: channel.slogan || channel.description,
    alternates: {
      canonical: pageHref(basePath, page),
      types: { "application/rss+xml": `${basePath}/rss.xml` },
    },
    openGraph: {
      type: "website",
      url: pageHref(basePath, page),
      title: channel.name,
      description: channel.slogan,
      siteName: env.SITE_NAME,
      locale: "zh_CN",
    },
  };
}

/** Where a renamed channel's old address leads now (pages redirect before rendering). */
export async function movedChannelAddress({ channel: slug, n }: ChannelParams): Promise<string | null> {
  if (await getChannelBySlug(slug)) return null;
  const moved = await getChannelRedirect(slug);
  if (!moved) return null;
  const page = parsePageParam(n);
  return page !== null && page > 1 ? pageHref(`/${moved}`, page) : `/${moved}`;
}

/** One page of a channel, newest first, with the portal sidebar; null when there is no such page. */
export async function renderChannelPage(params: ChannelParams): Promise<ReactNode> {
  const { channel: slug, n } = params;
  const page = parsePageParam(n);
  const channel = await getChannelBySlug(slug);
  if (!channel || page === null) return null;
  const nowMs = minuteNow().getTime();
  const [list, sidebar] = await Promise.all([
    listChannelArticles(channel.id, page, nowMs),
    getSidebarData(channel.id, nowMs),
  ]);
  const totalPages = pageCount(list.total, PAGE_SIZE);
  if (page > totalPages) return null;
  const basePath = `/${channel.slug}`;
  return (
    <div className="layout">
      {/* rel=prev/next for crawlers of paginated lists (React hoists <link> into <head>). */}
      {page > 1 ? <link rel="prev" href={pageHref(basePath, page - 1)} /> : null}
      {page < totalPages ? <link rel="next" href={pageHref(basePath, page + 1)} /> : null}
      <div className="content">
        <Breadcrumb
          items={[{ label: env.SITE_NAME, href: "/" }, ...channel.regionCrumbs, { label: channel.name }]}
        />
        <header className="channel-head">
          <h1>
            {channel.name}
            {page > 1 ? <span className="page-no">第 {page} 页</span> : null}
          </h1>
          {channel.slogan ? <p className="channel-slogan">{channel.slogan}</p> : null}
        </header>
        <StoryTeasers items={list.items} withImages headingLevel={2} />
        <Pagination basePath={basePath} page={page} totalPages={totalPages} />
      </div>
      <PortalSidebar data={sidebar} />
    </div>
  );
}
