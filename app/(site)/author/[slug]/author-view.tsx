import type { Metadata } from "next";
import type { ReactNode } from "react";
import { getAuthorBySlug, listAuthorArticles } from "@/lib/data/authors";
import { getSidebarData } from "@/lib/data/page-data";
import { env } from "@/lib/env";
import { PAGE_SIZE, pageCount, parsePageParam } from "@/lib/pagination";
import { authorJsonLd, breadcrumbJsonLd } from "@/lib/seo";
import { excerpt } from "@/lib/text";
import { minuteNow } from "@/lib/time";
import { Breadcrumb } from "@/components/Breadcrumb";
import { JsonLd } from "@/components/JsonLd";
import { Pagination } from "@/components/Pagination";
import { PortalSidebar } from "@/components/PortalSidebar";
import { StoryTeasers } from "@/components/StoryTeasers";

/** A reporter's slug and page number (`/author/<slug>`, `?page=N` → page/N), decoded. */
export interface AuthorParams {
  slug: string;
  n?: string;
}

export async function authorMetadata({ slug }: AuthorParams): Promise<Metadata> {
  const author = await getAuthorBySlug(slug);
  if (!author) return { title: "页面不存在" };
  return {
    title: `记者：${author.name}`,
    description: author.bio
      ? excerpt(author.bio)
      : `${env.SITE_NAME}${author.desk ? author.desk : ""}记者${author.name}的报道`,
    alternates: { canonical: author.href },
  };
}

/** One page of a reporter's stories, newest first, under their profile; null when there is none. */
export async function renderAuthorPage(params: AuthorParams): Promise<ReactNode> {
  const page = parsePageParam(params.n);
  if (page === null) return null;
  const author = await getAuthorBySlug(params.slug);
  if (!author) return null;
  const nowMs = minuteNow().getTime();
  const [list, sidebar] = await Promise.all([
    listAuthorArticles(author.id, page, nowMs),
    getSidebarData(null, nowMs),
  ]);
  // A profile without visible stories still has its page (a new reporter); only page 1 exists then.
  const totalPages = Math.max(1, pageCount(list.total, PAGE_SIZE));
  if (page > totalPages) return null;
  const crumbs = [{ label: env.SITE_NAME, href: "/" }, { label: "记者" }, { label: author.name }];
  const site = { siteUrl: env.SITE_URL, siteName: env.SITE_NAME };
  return (
    <div className="layout">
      <div className="content">
        <JsonLd data={authorJsonLd(author, site)} />
        <JsonLd data={breadcrumbJsonLd(crumbs, site, author.href)} />
        <Breadcrumb items={crumbs} />
        <header className="channel-head author-head">
          {author.photo ? (
            // eslint-disable-next-line @next/next/no-img-element -- our own derivative, see LeadImage
            <img
              className="author-photo"
              src={author.photo.src}
              srcSet={author.photo.srcSet}
              sizes="96px"
              width={author.photo.width}
              height={author.photo.height}
              alt={author.photo.alt}
            />
          ) : null}
          <div>
            <h1>
              {author.name}
              {page > 1 ? <span className="page-no">第 {page} 页</span> : null}
            </h1>
            {author.desk ? <p className="author-desk">{author.desk}</p> : null}
            {author.bio ? <p className="author-bio">{author.bio}</p> : null}
            <p className="channel-slogan">共 {list.total} 篇报道</p>
          </div>
        </header>
        {list.items.length > 0 ? (
          <StoryTeasers items={list.items} withImages headingLevel={2} />
        ) : (
          <p className="empty">暂无报道。</p>
        )}
        <Pagination basePath={author.href} page={page} totalPages={totalPages} />
      </div>
      <PortalSidebar data={sidebar} />
    </div>
  );
}
