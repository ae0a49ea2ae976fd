import type { Metadata } from "next";
import Link from "next/link";
import { getNetwork, listScope } from "@/lib/data/channels";
import { listCityLatest } from "@/lib/data/regions";
import { listHeadlines, listLatestInChannel } from "@/lib/data/articles";
import { getSidebarData } from "@/lib/data/page-data";
import { listHomeTopics } from "@/lib/data/topics";
import { minuteNow } from "@/lib/time";
import { excerpt } from "@/lib/text";
import { env } from "@/lib/env";
import { ArticleList } from "@/components/ArticleList";
import { LeadImage } from "@/components/LeadImage";
import { PortalSidebar } from "@/components/PortalSidebar";
import { SidebarBlock } from "@/components/SidebarBlock";
import { TimeText } from "@/components/TimeText";
import { HomeTopics } from "@/components/TopicLinks";

export const metadata: Metadata = { alternates: { canonical: "/" } };

// Cached whole, re-rendered in the background after this many seconds (PAGE_REVALIDATE_S).
export const revalidate = 20;

export default async function HomePage() {
  const nowMs = minuteNow().getTime();
  // The site's own city fills the page as it always has; the other cities get a block each.
  const network = await getNetwork();
  const home = network.defaultCityId;
  const channels = network.channels.filter((c) => (c.cityId ?? home) === home);
  const others = network.cities.filter((c) => c.id !== home);
  const [headlines, blocks, sidebar, topics, cityBlocks] = await Promise.all([
    listScope(null, home).then((scope) => listHeadlines(6, nowMs, scope)),
    Promise.all(channels.map((c) => listLatestInChannel(c.id, 7, nowMs))),
    getSidebarData(null, nowMs, home),
    listHomeTopics(),
    Promise.all(others.map((c) => listCityLatest(c, 5, nowMs))),
  ]);
  const lead = headlines.find((h) => h.image) ?? headlines[0];
  const rest = headlines.filter((h) => h !== lead);
  return (
    <div className="layout">
      <div className="content">
        <h1 className="sr-only">{env.SITE_NAME}：柳州及各县区新闻</h1>
        <section className="headline-area" aria-label="头条">
          {lead ? (
            <article className="lead-story">
              {lead.image ? (
                <Link href={lead.href} className="lead-image" tabIndex={-1} aria-hidden="true">
                  <LeadImage image={lead.image} sizes="(max-width: 960px) 100vw, 780px" priority />
                </Link>
              ) : null}
              <div className="lead-text">
                <h2>
                  <Link href={lead.href}>{lead.title}</Link>
                </h2>
                <p>{excerpt(lead.summary, 120, 60)}</p>
                <p className="teaser-meta">
                  <span>{lead.channel.name}</span> <TimeText date={lead.publishedAt} />
                </p>
              </div>
            </article>
          ) : (
            <p className="empty">暂无头条</p>
          )}
          <ArticleList items={rest} showChannel />
        </section>
        <HomeTopics items={topics.items} />
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
        {others.length > 0 ? (
          <section className="channel-blocks" aria-label="各地新闻">
            {others.map((c, i) => (
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
                <ArticleList items={cityBlocks[i] ?? []} showChannel />
              </SidebarBlock>
            ))}
          </section>
        ) : null}
      </div>
      <PortalSidebar data={sidebar} />
    </div>
  );
}
