import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { getChannelBySlug, getChannelRedirect, listChannels } from "@/lib/data/channels";
import { getSidebarData } from "@/lib/data/page-data";
import { getChannelHotRanking, getHotRanking } from "@/lib/data/sidebars";
import { env } from "@/lib/env";
import { HOT_WINDOWS, type HotWindow } from "@/lib/ranking";
import { RANK_LIMIT, parseRankWindow, rankHref } from "@/lib/rank-url";
import { minuteNow } from "@/lib/time";
import { Breadcrumb } from "@/components/Breadcrumb";
import { RankList } from "@/components/HotRanking";
import { PortalSidebar } from "@/components/PortalSidebar";

/** `/rank/7d/rongan` (lib/rank-url.ts). */
export interface RankParams {
  window?: string;
  channel?: string;
}

const WINDOWS = Object.keys(HOT_WINDOWS) as HotWindow[];

async function resolve(params: RankParams) {
  const window = parseRankWindow(params.window);
  if (!window) return null;
  if (params.channel === undefined) return { window, channel: null };
  const channel = await getChannelBySlug(params.channel);
  return channel ? { window, channel } : null;
}

/** Where a ranking of a renamed channel (its old slug) is now, as for the channel's own pages; else null. */
export async function movedRankAddress(params: RankParams): Promise<string | null> {
  const window = parseRankWindow(params.window);
  if (!window || params.channel === undefined || (await getChannelBySlug(params.channel))) return null;
  const moved = await getChannelRedirect(params.channel);
  return moved ? rankHref(window, moved) : null;
}

export async function rankMetadata(params: RankParams): Promise<Metadata> {
  const r = await resolve(params);
  if (!r) return { title: "页面不存在" };
  const scope = r.channel?.name ?? "全站";
  return {
    title: `热点排行：${scope} · ${HOT_WINDOWS[r.window].label}`,
    description: `${env.SITE_NAME}${scope}${HOT_WINDOWS[r.window].label}内阅读最多的新闻，按热度排列`,
    alternates: { canonical: rankHref(r.window, r.channel?.slug ?? null) },
  };
}

/** The ranking page: the top RANK_LIMIT of a window, site-wide or in one channel; null for a bad address. */
export async function renderRankPage(params: RankParams): Promise<ReactNode> {
  const r = await resolve(params);
  if (!r) return null;
  const { window, channel } = r;
  const nowMs = minuteNow().getTime();
  const [items, channels, sidebar] = await Promise.all([
    channel
      ? getChannelHotRanking(window, channel.id, RANK_LIMIT, nowMs)
      : getHotRanking(window, RANK_LIMIT, nowMs),
    listChannels(),
    getSidebarData(channel?.id ?? null, nowMs),
  ]);
  const scopeName = channel?.name ?? "全站";
  const slug = channel?.slug ?? null;
  return (
    <div className="layout">
      <div className="content">
        <Breadcrumb
          items={[
            { label: env.SITE_NAME, href: "/" },
            { label: "热点排行", href: channel ? rankHref(window, null) : undefined },
            ...(channel ? [{ label: channel.name }] : []),
          ]}
        />
        <section className="block rank-page" aria-labelledby="rank-title">
          <header className="channel-head">
            <h1 id="rank-title">
              热点排行<span className="page-no">{`${scopeName} · ${HOT_WINDOWS[window].label}`}</span>
            </h1>
          </header>
          <nav aria-label="排行时段" className="rank-filter">
            {WINDOWS.map((w) => (
              <Link key={w} href={rankHref(w, slug)} aria-current={w === window ? "page" : undefined}>
                {HOT_WINDOWS[w].label}
              </Link>
            ))}
          </nav>
          <nav aria-label="排行频道" className="rank-filter">
            <Link href={rankHref(window, null)} aria-current={channel ? undefined : "page"}>
              全站
            </Link>
            {channels.map((c) => (
              <Link
                key={c.id}
                href={rankHref(window, c.slug)}
                aria-current={c.id === channel?.id ? "page" : undefined}
              >
                {c.name}
              </Link>
            ))}
          </nav>
          <RankList
            items={items}
            window={window}
            showChannel={!channel}
            empty={`${scopeName}${HOT_WINDOWS[window].label}内暂无阅读数据。`}
          />
        </section>
      </div>
      <PortalSidebar data={sidebar} />
    </div>
  );
}
