import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/lib/auth/session";
import { MODERATION_PAGE_SIZE, listCommentsForModeration } from "@/lib/data/admin-comments";
import { COMMENT_STATUSES, COMMENT_STATUS_LABELS, type CommentStatus } from "@/lib/comments/moderation-rules";
import { pageCount, parsePageParam } from "@/lib/pagination";
import { formatDateTime, requestTimeMs } from "@/lib/time";
import { Pagination } from "@/components/Pagination";
import { AdminNotFoundPage } from "@/app/admin/_components/admin-not-found";
import { ModerationQueue } from "./moderation-queue";

export const metadata: Metadata = { title: "评论审核" };

interface Props {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export default async function CommentsPage({ searchParams }: Props) {
  await requireUser("/admin/comments");
  const query = await searchParams;
  const page = parsePageParam(query.page);
  if (page === null) return <AdminNotFoundPage />;
  const raw = typeof query.status === "string" ? query.status : "pending";
  // "all" or one status; the queue of pending comments is the default view.
  const status: CommentStatus | null = (COMMENT_STATUSES as readonly string[]).includes(raw)
    ? (raw as CommentStatus)
    : null;
  const statusParam = status ?? "all";
  const data = await listCommentsForModeration(status, page, requestTimeMs());
  const tabs = [
    ...COMMENT_STATUSES.map((s) => ({ value: s, label: `${COMMENT_STATUS_LABELS[s]}（${data.counts[s]}）` })),
    { value: "all", label: "全部" },
  ];
  return (
    <>
      <h1>评论审核</h1>
      <p className="adm-lead">读者评论经审核通过后才会显示在稿件页面。评论内容按纯文本显示。</p>
      <nav aria-label="按状态筛选">
        <ul className="adm-tabs">
          {tabs.map((t) => (
            <li key={t.value}>
              <Link
                href={t.value === "pending" ? "/admin/comments" : `/admin/comments?status=${t.value}`}
                aria-current={t.value === statusParam ? "page" : undefined}
              >
                {t.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <section className="adm-panel" aria-labelledby="queue-heading">
        <h2 id="queue-heading">
          {status ? COMMENT_STATUS_LABELS[status] : "全部评论"}（{data.total} 条）
        </h2>
        <ModerationQueue
          emptyText={status === "pending" ? "没有待审核的评论。" : "没有评论。"}
          rows={data.items.map((c) => ({
            id: c.id,
            nickname: c.nickname,
            body: c.body,
            status: c.status,
            time: formatDateTime(c.createdAt),
            article: c.article,
            hasAddress: c.hasAddress,
            bannedUntil: c.bannedUntil ? formatDateTime(c.bannedUntil) : null,
          }))}
        />
        <Pagination
          className="adm-pagination"
          basePath="/admin/comments"
          params={{ status: statusParam === "pending" ? "" : statusParam }}
          page={page}
          totalPages={pageCount(data.total, MODERATION_PAGE_SIZE)}
        />
      </section>
    </>
  );
}
