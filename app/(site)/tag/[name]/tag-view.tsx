import type { Metadata } from "next";
import type { ReactNode } from "react";
import { getSidebarData } from "@/lib/data/page-data";
import { getTagByName, listTagArticles, tagHref } from "@/lib/data/tags";
import { env } from "@/lib/env";
import { PAGE_SIZE, pageCount, parsePageParam } from "@/lib/pagination";
import { minuteNow } from "@/lib/time";
import { Breadcrumb } from "@/components/Breadcrumb";
import { Pagination } from "@/components/Pagination";
import { PortalSidebar } from "@/components/PortalSidebar";
import { StoryTeasers } from "@/components/StoryTeasers";

/** A tag's name, decoded (lib/http/params.ts), and page number (`/tag/<name>`, `?page=N` → page/N). */
export interface TagParams {
  name: string;
  n?: string;
}

export async function tagMetadata({ name }: TagParams): Promise<Metadata> {
  const tag = await getTagByName(name);
  if (!tag) return { title: "页面不存在" };
  return {
    title: `标签：${tag.name}`,
    description: `${env.SITE_NAME}关于“${tag.name}”的新闻`,
    alternates: { canonical: tagHref(tag.name) },
  };
}

/** One page of a tag's stories, newest first, with the portal sidebar; null when there is none. */
export async function renderTagPage(params: TagParams): Promise<ReactNode> {
  const { name, n } = params;
  const page = parsePageParam(n);
  if (page === null) return null;
  const tag = await getTagByName(name);
  if (!tag) return null;
  const nowMs = minuteNow().getTime();
  const [list, sidebar] = await Promise.all([
    listTagArticles(tag.id, page, nowMs),
    getSidebarData(null, nowMs),
  ]);
  // A tag whose stories are all drafts or scheduled does not exist yet for readers.
  if (list.total === 0) return null;
  const totalPages = pageCount(list.total, PAGE_SIZE);
  if (page > totalPages) return null;
  return (
    <div className="layout">
      <div className="content">
        <Breadcrumb items={[{ label: env.SITE_NAME, href: "/" }, { label: "标签" }, { label: tag.name }]} />
        <header className="channel-head">
          <h1>
            标签：{tag.name}
            {page > 1 ? <span className="page-no">第 {page} 页</span> : null}
          </h1>
          <p className="channel-slogan">共 {list.total} 篇报道</p>
        </header>
        <StoryTeasers items={list.items} withImages headingLevel={2} />
        <Pagination basePath={tagHref(tag.name)} page={page} totalPages={totalPages} />
      </div>
      <PortalSidebar data={sidebar} />
    </div>
  );
}
