import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/lib/auth/session";
import { getArticlePreview } from "@/lib/data/admin-articles";
import { getChannelBar } from "@/lib/data/channels";
import { tagHref } from "@/lib/data/tags";
import { env } from "@/lib/env";
import { STATUS_LABELS } from "@/lib/articles/status";
import { formatDateTime, formatLongDate, requestTimeMs } from "@/lib/time";
import { getGallery } from "@/lib/data/galleries";
import { ArticleStory } from "@/components/ArticleStory";
import { Gallery } from "@/components/Gallery";
import { Breadcrumb } from "@/components/Breadcrumb";
import { SiteFooter } from "@/components/SiteFooter";
import { siteFooterProps } from "@/lib/site";
import { SiteHeader } from "@/components/SiteHeader";
import { parseAdminArticleId } from "../../article-id";
import { AdminNotFoundPage } from "@/app/admin/_components/admin-not-found";

export const metadata: Metadata = { title: "预览" };

interface Props {
  params: Promise<{ id: string }>;
}

/**
 * A story as readers will see it, whatever its status (drafts included), with the reader page's
 * markup, components and stylesheet (app/globals.css, loaded by the root layout). Behind the
 * session like every editor page; never indexed (the admin layout's robots metadata).
 */
export default async function ArticlePreviewPage({ params }: Props) {
  const { id: rawId } = await params;
  await requireUser(`/admin/articles/${rawId}/preview`);
  const id = parseAdminArticleId(rawId);
  if (id === null) return <AdminNotFoundPage />;
  const nowMs = requestTimeMs();
  const [article, bar, gallery] = await Promise.all([
    getArticlePreview(id, nowMs),
    getChannelBar(),
    getGallery(id),
  ]);
  if (!article) return <AdminNotFoundPage />;
  const siteHost = env.SITE_URL.replace(/^https?:\/\//, "");
  const crumbs = [
    { label: env.SITE_NAME, href: "/" },
    ...article.channel.regionCrumbs,
    { label: article.channel.name, href: `/${article.channel.slug}` },
    { label: "正文" },
  ];
  const visible = article.status === "published";
  return (
    <>
      <div className="adm-preview-banner" role="note" aria-label="预览说明">
        <p>
          <strong>预览</strong>（{STATUS_LABELS[article.status]}）：
          {visible
            ? "读者现在可以看到这篇稿件。"
            : article.status === "scheduled" && article.publishedAt
              ? `读者将于 ${formatDateTime(article.publishedAt)} 起看到这篇稿件。`
              : "读者看不到这篇稿件。"}
        </p>
        <p className="adm-row-actions">
          <Link href={`/admin/articles/${article.id}`} className="adm-btn adm-btn-small">
            返回编辑
          </Link>
          {visible ? (
            <a href={article.href} className="adm-btn adm-btn-small">
              打开读者页面
            </a>
          ) : null}
        </p>
      </div>
      <div className="site-preview">
        <SiteHeader
          siteName={env.SITE_NAME}
          today={formatLongDate(new Date(nowMs))}
          bar={bar}
          path={`/${article.channel.slug}/${article.id}`}
        />
        <div className="wrap site-preview-main">
          <div className="layout">
            <div className="content">
              <Breadcrumb items={crumbs} />
              <ArticleStory
                story={{ ...article, tags: article.tags.map((t) => ({ name: t, href: tagHref(t) })) }}
                siteName={env.SITE_NAME}
                siteHost={siteHost}
                gallery={gallery.length > 0 ? <Gallery slides={gallery} title={article.title} /> : null}
              />
            </div>
          </div>
        </div>
        <SiteFooter {...siteFooterProps()} />
      </div>
    </>
  );
}
