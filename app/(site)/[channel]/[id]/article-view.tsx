import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { getArticle } from "@/lib/data/articles";
import { getChannelBySlug, listScope } from "@/lib/data/channels";
import { getLiveCoverage } from "@/lib/data/live";
import { liveBlogJsonLd } from "@/lib/live/json-ld";
import { LiveCoverage } from "@/components/LiveCoverage";
import { COMMENTS_PER_PAGE, listApprovedComments } from "@/lib/data/comments";
import { pageCount, pageHref, parsePageParam } from "@/lib/pagination";
import { Pagination } from "@/components/Pagination";
import { getSidebarData } from "@/lib/data/page-data";
import { getRecommended, getStoryRecommendations } from "@/lib/data/sidebars";
import { isVisible } from "@/lib/data/visibility";
import { env } from "@/lib/env";
import { minuteNow, toBeijingIso } from "@/lib/time";
import { articleJsonLd, breadcrumbJsonLd, shareCard } from "@/lib/seo";
import { qrSvg } from "@/lib/qr";
import { tagHref } from "@/lib/data/tags";
import { listStoryTopics } from "@/lib/data/topics";
import { parseArticleId } from "@/lib/url";
import { getGallery, type GallerySlide } from "@/lib/data/galleries";
import { galleryJsonLd } from "@/lib/galleries/json-ld";
import { ArticleList } from "@/components/ArticleList";
import { Gallery } from "@/components/Gallery";
import { NotFoundPage } from "@/components/NotFoundPage";
import { ArticleStory } from "@/components/ArticleStory";
import { Breadcrumb } from "@/components/Breadcrumb";
import { CommentForm } from "@/components/CommentForm";
import { JsonLd } from "@/components/JsonLd";
import { CommentList } from "@/components/CommentList";
import { PortalSidebar } from "@/components/PortalSidebar";
import { ShareBlock } from "@/components/ShareBlock";
import { StoryTopics } from "@/components/TopicLinks";
import { SidebarBlock } from "@/components/SidebarBlock";
import { StoryTeasers } from "@/components/StoryTeasers";
import { ViewBeacon } from "@/components/ViewBeacon";
import type { ArticleDetail } from "@/lib/data/types";

/** A story's address (`/liujiang/123`; its comment pages `?page=N`, rewritten to `…/page/N`). */
export interface ArticleParams {
  channel: string;
  id: string;
  cpage?: string;
}

/**
 * The story an address names, if readers may see it. Drafts, unpublished and not-yet-due
 * scheduled stories are indistinguishable from missing ones. Read when the page is rendered for
 * the cache; a scheduled story's cached 404 is dropped at its publish minute
 * (lib/articles/cache-tags.ts).
 */
async function visibleArticle(rawId: string): Promise<ArticleDetail | null> {
  const id = parseArticleId(rawId);
  const article = id === null ? null : await getArticle(id);
  return article && isVisible(article, Date.now()) ? article : null;
}

/**
 * The story as shared and described to search engines: a 图集 without a lead image is shown by its
 * gallery's first image (its cover, as in 图文看点) rather than the site's logo.
 */
function withCover(article: ArticleDetail, gallery: readonly GallerySlide[]): ArticleDetail {
  return article.image || !gallery[0] ? article : { ...article, image: gallery[0].image };
}

export async function articleMetadata({ id: rawId }: ArticleParams): Promise<Metadata> {
  const visible = await visibleArticle(rawId);
  // Nothing about a hidden story leaks into the 404 page's <head>.
  if (!visible) return { title: "页面不存在" };
  const article = withCover(visible, await getGallery(visible.id));
  // Absolute addresses (WeChat does not resolve relative ones): the same card as the share block.
  const card = shareCard(article, { siteUrl: env.SITE_URL, siteName: env.SITE_NAME });
  return {
    title: article.title,
    description: article.description,
    alternates: {
      canonical: article.href,
      types: { "application/rss+xml": `/${article.channel.slug}/rss.xml` },
    },
    openGraph: {
      type: "article",
      url: card.url,
      title: article.title,
      description: article.summary,
      siteName: env.SITE_NAME,
      locale: "zh_CN",
      publishedTime: toBeijingIso(article.publishedAt),
      modifiedTime: toBeijingIso(article.updatedAt),
      section: article.channel.name,
      tags: article.tags,
      images: [card.image],
    },
    twitter: {
      card: article.image ? "summary_large_image" : "summary",
      title: article.title,
      description: article.summary,
      images: [card.image.url],
    },
  };
}

/**
 * The story's one address when this one is another (a renamed channel, a wrong channel, a
 * readable suffix): pages redirect there before rendering, so that the redirect is answered as
 * such rather than inside the page.
 */
export async function canonicalArticleAddress({
  channel: slug,
  id: rawId,
  cpage,
}: ArticleParams): Promise<string | null> {
  const article = await visibleArticle(rawId);
  if (!article) return null;
  if (slug === article.channel.slug && rawId === String(article.id)) return null;
  const commentPage = parsePageParam(cpage) ?? 1;
  return commentPage > 1 ? pageHref(article.href, commentPage) : article.href;
}

/**
 * The article page: the story and every block of the page anatomy around it; null when the
 * address leads to no visible story.
 */
export async function renderArticlePage(params: ArticleParams): Promise<ReactNode> {
  const { id: rawId, cpage } = params;
  // Comment pages: ?page=N (a bad value shows the first page rather than hiding the story).
  const commentPage = parsePageParam(cpage) ?? 1;
  const nowMs = minuteNow().getTime();
  const article = await visibleArticle(rawId);
  if (!article) return null;

  const [channel, recommended, sidebar, comments, topics, gallery, live] = await Promise.all([
    getChannelBySlug(article.channel.slug),
    getRecommended(article.channel.id, article.id, 2, nowMs),
    getSidebarData(article.channel.id, nowMs),
    listApprovedComments(article.id, commentPage),
    listStoryTopics(article.id),
    getGallery(article.id),
    getLiveCoverage(article.id),
  ]);
  const commentPages = pageCount(comments.total, COMMENTS_PER_PAGE);
  // A comment page past the last is a 404 (made-up addresses are cached apart from real pages,
  // and dropped with the story's comments tag when comments arrive), saying what is there.
  if (commentPage > commentPages) {
    return (
      <NotFoundPage>
        <div className="not-found">
          <h1>评论页不存在</h1>
          <p>
            《{article.title}》的评论共 {comments.total} 条、{commentPages} 页，没有第 {commentPage} 页。
          </p>
          <p>
            <Link href={article.href}>返回这篇新闻</Link>
          </p>
        </div>
      </NotFoundPage>
    );
  }
  const { related, youMayLike } = await getStoryRecommendations(
    article.id,
    article.channel.id,
    recommended.map((r) => r.id),
    nowMs,
    await listScope(article.channel.id, null),
  );
  const siteHost = env.SITE_URL.replace(/^https?:\/\//, "");
  const crumbs = [
    { label: env.SITE_NAME, href: "/" },
    ...(channel?.regionCrumbs ?? []),
    { label: article.channel.name, href: `/${article.channel.slug}` },
    { label: "正文" },
  ];
  const site = { siteUrl: env.SITE_URL, siteName: env.SITE_NAME };
  const card = shareCard(withCover(article, gallery), site);
  const qr = await qrSvg(card.url);
  return (
    <div className="layout">
      <div className="content">
        <Breadcrumb items={crumbs} />
        <JsonLd data={articleJsonLd(withCover(article, gallery), site)} />
        <JsonLd data={breadcrumbJsonLd(crumbs, site, article.href)} />
        {gallery.length > 0 ? <JsonLd data={galleryJsonLd(article, gallery, site)} /> : null}
        <ArticleStory
          story={{ ...article, tags: article.tags.map((t) => ({ name: t, href: tagHref(t) })) }}
          siteName={env.SITE_NAME}
          siteHost={siteHost}
          gallery={gallery.length > 0 ? <Gallery slides={gallery} title={article.title} /> : null}
        />
        <StoryTopics items={topics.items} />
        {live ? (
          <>
            <JsonLd
              data={liveBlogJsonLd(
                { ...article, publishedAt: toBeijingIso(article.publishedAt) },
                live,
                site,
              )}
            />
            {/* Keyed: client navigation from one live story to another starts afresh. */}
            <LiveCoverage key={article.id} articleId={article.id} initial={live} />
          </>
        ) : null}
        <ShareBlock card={card} qrSvg={qr} />
        <SidebarBlock title="新闻推荐" id="recommended">
          <StoryTeasers items={recommended} />
        </SidebarBlock>
        {channel?.slogan ? <p className="channel-slogan-band">{channel.slogan}</p> : null}
        <SidebarBlock title="相关新闻" id="related">
          <ArticleList items={related} empty="暂无相关新闻" />
        </SidebarBlock>
        <SidebarBlock title="猜你喜欢" id="you-may-like">
          <ArticleList items={youMayLike} showTime={false} showChannel />
        </SidebarBlock>
        <SidebarBlock title={`评论：${article.title}`} id="comments">
          <CommentForm articleId={article.id} />
          <CommentList items={comments.items} total={comments.total} />
          <Pagination basePath={article.href} page={commentPage} totalPages={commentPages} label="评论分页" />
        </SidebarBlock>
        <ViewBeacon articleId={article.id} />
      </div>
      <PortalSidebar data={sidebar} />
    </div>
  );
}
