import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { listLatestInChannel } from "@/lib/data/articles";
import { getSidebarData } from "@/lib/data/page-data";
import { getCityHub, getProvinceHub, listCityLatest } from "@/lib/data/regions";
import { env } from "@/lib/env";
import { breadcrumbJsonLd } from "@/lib/seo";
import { minuteNow } from "@/lib/time";
import { ArticleList } from "@/components/ArticleList";
import { Breadcrumb } from "@/components/Breadcrumb";
import { JsonLd } from "@/components/JsonLd";
import { PortalSidebar } from "@/components/PortalSidebar";
import { SidebarBlock } from "@/components/SidebarBlock";

/** A hub's address segments (`/region/guangxi`, `/region/guangxi/liuzhou`), decoded. */
export interface RegionParams {
  province: string;
  city?: string;
}

export async function regionMetadata({ province, city }: RegionParams): Promise<Metadata> {
  if (city !== undefined) {
    const hub = await getCityHub(province, city);
    if (!hub) return { title: "页面不存在" };
    return {
      title: `${hub.city.name}新闻`,
      description: `${hub.city.name}及所辖县区新闻：${hub.channels.map((c) => c.name).join("、")}`,
      alternates: { canonical: hub.city.href },
    };
  }
  const hub = await getProvinceHub(province);
  if (!hub) return { title: "页面不存在" };
  return {
    title: `${hub.province.name}各地新闻`,
    description: `${env.SITE_NAME}${hub.province.name}各城市：${hub.cities.map((c) => c.name).join("、")}`,
    alternates: { canonical: hub.province.href },
  };
}

/**
 * A city's hub: its channels' newest stories, one block each, around the city's own sidebars
 * (热点排行 and the other lists keep to the city); null when there is no such city.
 */
export async function renderCityHub({ province, city: citySlug }: RegionParams): Promise<ReactNode> {
  const hub = citySlug === undefined ? null : await getCityHub(province, citySlug);
  if (!hub) return null;
  const { city, channels } = hub;
  const nowMs = minuteNow().getTime();
  const [latest, blocks, sidebar] = await Promise.all([
    listCityLatest(city, 8, nowMs),
    Promise.all(channels.map((c) => listLatestInChannel(c.id, 7, nowMs))),
    getSidebarData(null, nowMs, city.id),
  ]);
  const crumbs = [
    { label: env.SITE_NAME, href: "/" },
    { label: city.province.name, href: city.province.href },
    { label: city.name },
  ];
  const site = { siteUrl: env.SITE_URL, siteName: env.SITE_NAME };
  return (
    <div className="layout">
      <div className="content">
        <JsonLd data={breadcrumbJsonLd(crumbs, site, city.href)} />
        <Breadcrumb items={crumbs} />
        <header className="channel-head">
          <h1>{city.name}</h1>
          <p className="channel-slogan">
            {city.name}及所辖县区的新闻，共 {channels.length} 个频道
          </p>
        </header>
        <SidebarBlock title="最新" id="city-latest">
          <ArticleList items={latest} showChannel empty="这座城市还没有新闻" />
        </SidebarBlock>
        <div className="channel-blocks">
          {channels.map((c, i) => (
            <SidebarBlock
              key={c.id}
              title={c.name}
              id={`channel-${c.slug}`}
              more={
                <Link href={`/${c.slug}`} className="more" aria-label={`${c.name}：更多`}>
                  更多 ›
                </Link>
              }
            >
              <ArticleList items={blocks[i] ?? []} />
            </SidebarBlock>
          ))}
        </div>
      </div>
      <PortalSidebar data={sidebar} />
    </div>
  );
}

/** A province's hub: its cities, each with its channels and newest stories; null when unknown. */
export async function renderProvinceHub({ province }: RegionParams): Promise<ReactNode> {
  const hub = await getProvinceHub(province);
  if (!hub) return null;
  const nowMs = minuteNow().getTime();
  const [latest, sidebar] = await Promise.all([
    Promise.all(hub.cities.map((c) => listCityLatest(c, 6, nowMs))),
    getSidebarData(null, nowMs),
  ]);
  const crumbs = [{ label: env.SITE_NAME, href: "/" }, { label: hub.province.name }];
  const site = { siteUrl: env.SITE_URL, siteName: env.SITE_NAME };
  return (
    <div className="layout">
      <div className="content">
        <JsonLd data={breadcrumbJsonLd(crumbs, site, hub.province.href)} />
        <Breadcrumb items={crumbs} />
        <header className="channel-head">
          <h1>{hub.province.name}</h1>
          <p className="channel-slogan">
            {hub.province.name}各城市新闻，共 {hub.cities.length} 个城市
          </p>
        </header>
        {hub.cities.length === 0 ? <p className="empty">暂无城市</p> : null}
        <div className="channel-blocks">
          {hub.cities.map((c, i) => (
            <SidebarBlock
              key={c.id}
              title={c.name}
              id={`city-${c.slug}`}
              more={
                <Link href={c.href} className="more" aria-label={`${c.name}：进入城市频道`}>
                  进入 ›
                </Link>
              }
            >
              <ArticleList items={latest[i] ?? []} showChannel />
            </SidebarBlock>
          ))}
        </div>
      </div>
      <PortalSidebar data={sidebar} />
    </div>
  );
}
