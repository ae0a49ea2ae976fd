// The 专题 reader pages: the list of topics (/zhuanti), a topic with the first stories of each
// section (/zhuanti/<slug>) and one section page by page (/zhuanti/<slug>/<n>?page=M). Page
// numbers come from the path (next.config.mjs rewrites); each renderer answers null for an address
// that leads nowhere, and the route then renders the real 404.
import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { getSidebarData } from "@/lib/data/page-data";
import {
  SECTION_PREVIEW,
  getTopic,
  listSectionStories,
  listTopics,
  topicSectionHref,
  type TopicDetail,
} from "@/lib/data/topics";
import { env } from "@/lib/env";
import { PAGE_SIZE, pageCount, parsePageParam } from "@/lib/pagination";
import { excerpt } from "@/lib/text";
import { minuteNow } from "@/lib/time";
import { Breadcrumb } from "@/components/Breadcrumb";
import { LeadImage } from "@/components/LeadImage";
import { Pagination } from "@/components/Pagination";
import { PortalSidebar } from "@/components/PortalSidebar";
import { SidebarBlock } from "@/components/SidebarBlock";
import { StoryTeasers } from "@/components/StoryTeasers";
import { TimeText } from "@/components/TimeText";

export const TOPICS_HREF = "/zhuanti";

const topicsCrumb = { label: "专题", href: TOPICS_HREF };

export function topicListMetadata(n: string | undefined): Metadata {
  const page = parsePageParam(n);
  return {
    title: page && page > 1 ? `专题（第 ${page} 页）` : "专题",
    description: `${env.SITE_NAME}专题报道`,
    alternates: { canonical: page && page > 1 ? `${TOPICS_HREF}?page=${page}` : TOPICS_HREF },
  };
}

/** /zhuanti: published topics, newest first, 20 a page. */
export async function renderTopicList(n: string | undefined): Promise<ReactNode> {
  const page = parsePageParam(n);
  if (page === null) return null;
  const nowMs = minuteNow().getTime();
  const [list, sidebar] = await Promise.all([listTopics(page), getSidebarData(null, nowMs)]);
  const totalPages = pageCount(list.total, PAGE_SIZE);
  if (page > Math.max(1, totalPages)) return null;
  return (
    <div className="layout">
      <div className="content">
        <Breadcrumb items={[{ label: env.SITE_NAME, href: "/" }, { label: "专题" }]} />
        <header className="channel-head">
          <h1>
            专题
            {page > 1 ? <span className="page-no">第 {page} 页</span> : null}
          </h1>
          <p className="channel-slogan">共 {list.total} 个专题</p>
        </header>
        {list.items.length === 0 ? (
          <p className="empty">暂无专题</p>
        ) : (
          <ul className="topic-cards">
            {list.items.map((t) => (
              <li key={t.slug} className="topic-card">
                {t.image ? (
                  <Link href={t.href} className="topic-card-image" tabIndex={-1} aria-hidden="true">
                    <LeadImage image={t.image} sizes="(max-width: 640px) 100vw, 240px" />
                  </Link>
                ) : null}
                <div>
                  <h2 className="teaser-title">
                    <Link href={t.href}>{t.title}</Link>
                  </h2>
                  <p className="teaser-excerpt">{excerpt(t.intro, 110, 60)}</p>
                  <p className="teaser-meta">
                    <TimeText date={t.publishedAt} />
                  </p>
                </div>
              </li>
            ))}
          </ul>
        )}
        <Pagination basePath={TOPICS_HREF} page={page} totalPages={totalPages} />
      </div>
      <PortalSidebar data={sidebar} />
    </div>
  );
}

export async function topicMetadata(slug: string, section?: string): Promise<Metadata> {
  const topic = await getTopic(slug);
  if (!topic) return { title: "页面不存在" };
  const s = section === undefined ? null : sectionOf(topic, section);
  const href = s ? topicSectionHref(topic.slug, s.position) : topic.href;
  return {
    title: s ? `${s.title} - ${topic.title}` : `${topic.title} - 专题`,
    description: excerpt(topic.intro, 120, 60) || `${env.SITE_NAME}专题：${topic.title}`,
    alternates: { canonical: href, types: { "application/rss+xml": `${topic.href}/rss.xml` } },
    openGraph: {
      title: topic.title,
      url: href,
      ...(topic.image ? { images: [{ url: topic.image.src, width: topic.image.width }] } : {}),
    },
  };
}

function TopicHead({ topic, sub }: { topic: TopicDetail; sub?: string }) {
  return (
    <header className="topic-head">
      {topic.image && !sub ? (
        <figure className="topic-banner">
          <LeadImage image={topic.image} sizes="(max-width: 960px) 100vw, 780px" priority />
        </figure>
      ) : null}
      <h1>
        {sub ? (
          <>
            <Link href={topic.href}>{topic.title}</Link>：{sub}
          </>
        ) : (
          topic.title
        )}
      </h1>
      {!sub
        ? topic.intro
            .split(/\n\s*\n/)
            .filter((p) => p.trim() !== "")
            .map((p, i) => (
              <p key={i} className="topic-intro">
                {p}
              </p>
            ))
        : null}
      <p className="teaser-meta">
        <Link href={`${topic.href}/rss.xml`}>订阅本专题（RSS）</Link>
      </p>
    </header>
  );
}

/** /zhuanti/<slug>: banner, introduction and each section's first stories with a 更多 link. */
export async function renderTopicPage(slug: string): Promise<ReactNode> {
  const topic = await getTopic(slug);
  if (!topic) return null;
  const nowMs = minuteNow().getTime();
  const [sections, sidebar] = await Promise.all([
    Promise.all(topic.sections.map((s) => listSectionStories(s, 1, SECTION_PREVIEW, nowMs))),
    getSidebarData(null, nowMs),
  ]);
  const crumbs = [{ label: env.SITE_NAME, href: "/" }, topicsCrumb, { label: topic.title }];
  return (
    <div className="layout">
      <div className="content topic-page">
        <Breadcrumb items={crumbs} />
        <TopicHead topic={topic} />
        {topic.sections.map((s, i) => {
          const list = sections[i] ?? { items: [], total: 0 };
          return (
            <SidebarBlock
              key={s.id}
              title={s.title}
              id={`topic-section-${s.position + 1}`}
              more={
                list.total > SECTION_PREVIEW ? (
                  <Link
                    href={topicSectionHref(topic.slug, s.position)}
                    className="more"
                    aria-label={`${s.title}：更多（共 ${list.total} 篇）`}
                  >
                    更多 ›
                  </Link>
                ) : undefined
              }
            >
              <StoryTeasers items={list.items} withImages />
            </SidebarBlock>
          );
        })}
      </div>
      <PortalSidebar data={sidebar} />
    </div>
  );
}

function sectionOf(topic: TopicDetail, raw: string) {
  if (!/^[1-9]\d{0,2}$/.test(raw)) return null;
  return topic.sections.find((s) => s.position === Number(raw) - 1) ?? null;
}

/** /zhuanti/<slug>/<n>?page=M: one section's stories, 20 a page. */
export async function renderTopicSection(
  slug: string,
  section: string,
  n: string | undefined,
): Promise<ReactNode> {
  const page = parsePageParam(n);
  if (page === null) return null;
  const topic = await getTopic(slug);
  const s = topic ? sectionOf(topic, section) : null;
  if (!topic || !s) return null;
  const nowMs = minuteNow().getTime();
  const [list, sidebar] = await Promise.all([
    listSectionStories(s, page, PAGE_SIZE, nowMs),
    getSidebarData(null, nowMs),
  ]);
  const totalPages = pageCount(list.total, PAGE_SIZE);
  if (page > Math.max(1, totalPages)) return null;
  const href = topicSectionHref(topic.slug, s.position);
  const crumbs = [
    { label: env.SITE_NAME, href: "/" },
    topicsCrumb,
    { label: topic.title, href: topic.href },
    { label: s.title },
  ];
  return (
    <div className="layout">
      <div className="content topic-page">
        <Breadcrumb items={crumbs} />
        <TopicHead topic={topic} sub={page > 1 ? `${s.title}（第 ${page} 页）` : s.title} />
        <p className="channel-slogan">共 {list.total} 篇报道</p>
        <StoryTeasers items={list.items} withImages headingLevel={2} />
        <Pagination basePath={href} page={page} totalPages={totalPages} />
      </div>
      <PortalSidebar data={sidebar} />
    </div>
  );
}
