import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/lib/auth/session";
import { getArticleForEdit, listChannelOptions } from "@/lib/data/admin-articles";
import { listRecentImages } from "@/lib/data/admin-images";
import { canDeleteArticles, canReadAuditLog } from "@/lib/articles/permissions";
import { STATUS_LABELS, isDisplayStatus } from "@/lib/articles/status";
import { formatDateTime, requestTimeMs } from "@/lib/time";
import { StatusBadge } from "../../../_components/status-badge";
import { ArticleForm } from "../article-form";
import { parseAdminArticleId } from "../article-id";
import { AdminNotFoundPage } from "@/app/admin/_components/admin-not-found";

export const metadata: Metadata = { title: "编辑稿件" };

interface Props {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export default async function EditArticlePage({ params, searchParams }: Props) {
  const { id: rawId } = await params;
  const user = await requireUser(`/admin/articles/${rawId}`);
  const id = parseAdminArticleId(rawId);
  if (id === null) return <AdminNotFoundPage />;
  const [article, channels, images, query] = await Promise.all([
    getArticleForEdit(id, requestTimeMs()),
    listChannelOptions(),
    listRecentImages(),
    searchParams,
  ]);
  if (!article) return <AdminNotFoundPage />;
  const saved = typeof query.saved === "string" && isDisplayStatus(query.saved) ? query.saved : null;
  return (
    <>
      <p className="adm-breadcrumb">
        <Link href="/admin/articles">稿件</Link> › #{article.id}
      </p>
      <div className="adm-page-head">
        <h1>编辑稿件</h1>
        <StatusBadge status={article.status} />
      </div>
      {saved ? (
        <p className="adm-form-message adm-ok" role="status">
          新稿件已保存（{STATUS_LABELS[saved]}）。
        </p>
      ) : null}
      <section className="adm-panel adm-article-meta" aria-label="稿件信息">
        <dl className="adm-kv">
          <dt>状态</dt>
          <dd>
            {STATUS_LABELS[article.status]}
            {article.status === "scheduled" && article.publishedAt
              ? `：将于 ${formatDateTime(article.publishedAt)} 对读者显示`
              : null}
          </dd>
          <dt>作者</dt>
          <dd>{article.author || "—"}</dd>
          <dt>创建 / 修改</dt>
          <dd>
            {formatDateTime(article.createdAt)} / {formatDateTime(article.updatedAt)}
          </dd>
        </dl>
        <p className="adm-row-actions">
          <Link href={`/admin/articles/${article.id}/preview`} className="adm-btn adm-btn-small">
            预览
          </Link>
          <Link href={`/admin/articles/${article.id}/revisions`} className="adm-btn adm-btn-small">
            历史版本
          </Link>
          <Link href={`/admin/articles/${article.id}/gallery`} className="adm-btn adm-btn-small">
            图集
          </Link>
          <Link href={`/admin/articles/${article.id}/live`} className="adm-btn adm-btn-small">
            直播
          </Link>
          <Link href={`/admin/articles/${article.id}/corrections`} className="adm-btn adm-btn-small">
            更正与更新
          </Link>
          {article.status === "published" ? (
            <a href={article.href} className="adm-btn adm-btn-small" target="_blank" rel="noopener">
              查看读者页面
            </a>
          ) : null}
          {canReadAuditLog(user) ? (
            <Link href={`/admin/audit?article=${article.id}`} className="adm-btn adm-btn-small">
              操作记录
            </Link>
          ) : null}
          {canDeleteArticles(user) ? (
            <Link
              href={`/admin/articles/${article.id}/delete`}
              className="adm-btn adm-btn-small adm-btn-danger"
            >
              删除…
            </Link>
          ) : null}
        </p>
      </section>
      <div className="adm-panel">
        <ArticleForm
          articleId={article.id}
          initialValues={article.values}
          initialVersion={article.version}
          status={article.status}
          channels={channels}
          recentImages={images}
          initialImage={article.leadImage}
        />
      </div>
    </>
  );
}
