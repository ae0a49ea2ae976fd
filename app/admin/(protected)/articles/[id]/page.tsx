import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/lib/auth/session";
import { getArticleForEdit, listChannelOptions } from "@/lib/data/admin-articles";
import { listRecentImages } from "@/lib/data/admin-images";
import { canDeleteArticles, canReadAuditLog, canReviewIn, deskCovers } from "@/lib/articles/permissions";
import { formButtons } from "@/lib/workflow/buttons";
import {
  REVIEW_STATE_LABELS,
  mayApprove,
  parseReviewState,
  reviewOutcome,
  stepLabel,
} from "@/lib/workflow/rules";
import { SensitiveHits } from "../../../_components/sensitive-hits";
import { STATUS_LABELS, isDisplayStatus } from "@/lib/articles/status";
import { formatDateTime, requestTimeMs } from "@/lib/time";
import { StatusBadge } from "../../../_components/status-badge";
import { ArticleForm } from "../article-form";
import { ReviewPanel } from "../review-panel";
import { ReviewTimeline } from "../review-timeline";
import { parseAdminArticleId } from "../article-id";
import { AdminNotFoundPage } from "@/app/admin/_components/admin-not-found";
import { EditSession } from "../autosave/edit-session";
import { editSessionData } from "@/lib/data/admin-edit-session";
import { getStoryReview } from "@/lib/data/admin-review";

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
  const { review } = article;
  // Reviewers and the writer see the sensitive-word hits while the story is in the flow; sign-off
  // refuses them until a 主编 acknowledges (lib/articles/service.ts).
  const { timeline, approvers, hits } = await getStoryReview(article.id, review.reviewState, article.values);
  const inReview = review.reviewState === "submitted" || review.reviewState === "approved";
  const reviewing = inReview && canReviewIn(user, review.channelId);
  const canApprove = mayApprove(user, review, approvers).ok;
  const lastReturn =
    review.reviewState === "returned" ? timeline.findLast((e) => e.action === "return") : undefined;
  const buttons = formButtons(user, review, article.status);
  const edit = await editSessionData(
    user,
    article,
    article.values,
    query,
    buttons.length > 0,
    `/admin/articles/${article.id}`,
  );
  const reviewed =
    (query.reviewed === "approve" || query.reviewed === "return") && typeof query.to === "string"
      ? reviewOutcome(query.reviewed, Number(query.step) || 1, parseReviewState(query.to))
      : null;
  const saved =
    query.saved === "submitted"
      ? "已提交审核"
      : typeof query.saved === "string" && isDisplayStatus(query.saved)
        ? `已保存（${STATUS_LABELS[query.saved]}）`
        : null;
  return (
    <>
      <p className="adm-breadcrumb">
        <Link href="/admin/articles">稿件</Link> › #{article.id}
      </p>
      <div className="adm-page-head">
        <h1>编辑稿件</h1>
        <StatusBadge status={article.status} note={article.unpublishNote} />
      </div>
      {reviewed ? (
        <p className="adm-form-message adm-ok" role="status">
          {reviewed}。
        </p>
      ) : null}
      {saved ? (
        <p className="adm-form-message adm-ok" role="status">
          新稿件{saved}。
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
          <dt>审核</dt>
          <dd>
            {REVIEW_STATE_LABELS[review.reviewState]}
            {review.reviewState === "submitted"
              ? `：${stepLabel(review.reviewStep)}（共 ${review.reviewSteps} 审）`
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
      {lastReturn ? (
        <section className="adm-panel adm-review-returned" aria-labelledby="returned-heading">
          <h2 id="returned-heading">退回修改</h2>
          <p>
            {lastReturn.user} 于 {formatDateTime(lastReturn.createdAt)} 退回：
          </p>
          <blockquote className="adm-review-note">{lastReturn.note}</blockquote>
          <p className="adm-muted">修改后点“提交审核”重新送审。</p>
        </section>
      ) : null}
      {reviewing ? (
        <section className="adm-panel" aria-labelledby="review-heading">
          <h2 id="review-heading">
            {review.reviewState === "approved" ? "待签发" : `审核：${stepLabel(review.reviewStep)}`}
          </h2>
          {review.reviewState === "approved" ? (
            <p className="adm-muted">各审级已通过。签发即用下方的“立即发布”或“定时发布”；也可以退回修改。</p>
          ) : !canApprove ? (
            <p className="adm-muted">
              这一审须由其他编辑处理（写稿人和已审过本轮的人不能再审）；您可以退回修改。
            </p>
          ) : null}
          <ReviewPanel
            articleId={article.id}
            seenState={review.reviewState}
            seenStep={review.reviewStep}
            canApprove={canApprove}
            approveLabel={`${stepLabel(review.reviewStep)}通过`}
          />
        </section>
      ) : null}
      {hits.length > 0 ? (
        <section className="adm-panel adm-sensitive" aria-labelledby="review-sensitive-heading">
          <h2 id="review-sensitive-heading">敏感词检查</h2>
          <p>签发前须由主编核对确认以下内容。</p>
          <SensitiveHits hits={hits} />
        </section>
      ) : null}
      {buttons.length === 0 ? (
        <p className="adm-form-message" role="status">
          {inReview
            ? "稿件正在审核中，审核期间您不能修改；退回后会出现在“待我处理”中。"
            : "您只能查看这篇稿件，不能修改。"}
        </p>
      ) : null}
      <EditSession {...edit.session}>
        <div className="adm-panel">
          <ArticleForm
            articleId={article.id}
            initialValues={edit.values}
            initialVersion={article.version}
            buttons={buttons}
            channels={channels.filter((c) => c.id === review.channelId || deskCovers(user, c.id))}
            recentImages={images}
            initialImage={edit.image}
            canScheduleUnpublish={canReviewIn(user, review.channelId)}
          />
        </div>
      </EditSession>
      {timeline.length > 0 ? <ReviewTimeline events={timeline} /> : null}
    </>
  );
}
