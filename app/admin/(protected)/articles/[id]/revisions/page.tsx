import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/lib/auth/session";
import { REVISIONS_PAGE_SIZE, listRevisions } from "@/lib/data/admin-articles";
import { formatTags } from "@/lib/articles/tags";
import { pageCount, parsePageParam } from "@/lib/pagination";
import { formatDateTime } from "@/lib/time";
import { Pagination } from "@/components/Pagination";
import { parseAdminArticleId } from "../../article-id";
import { RestoreButton } from "./restore-button";
import { AdminNotFoundPage } from "@/app/admin/_components/admin-not-found";

export const metadata: Metadata = { title: "历史版本" };

interface Props {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

const STORED_LABELS: Record<string, string> = { draft: "草稿", published: "已发布", unpublished: "已撤下" };

export default async function RevisionsPage({ params, searchParams }: Props) {
  const { id: rawId } = await params;
  await requireUser(`/admin/articles/${rawId}/revisions`);
  const id = parseAdminArticleId(rawId);
  if (id === null) return <AdminNotFoundPage />;
  const page = parsePageParam((await searchParams).page);
  if (page === null) return <AdminNotFoundPage />;
  const data = await listRevisions(id, page);
  if (!data) return <AdminNotFoundPage />;
  return (
    <>
      <p className="adm-breadcrumb">
        <Link href="/admin/articles">稿件</Link> › <Link href={`/admin/articles/${id}`}>#{id}</Link> ›
        历史版本
      </p>
      <h1>历史版本</h1>
      <p className="adm-lead">
        《{data.title}》每次保存都会留下一个版本（共 {data.total}{" "}
        个）。恢复某个版本会把它的内容（频道、标题、摘要、正文、
        来源、署名、标签、题图、版面位置）作为一次新的保存；稿件的状态和发布时间不变。
      </p>
      {data.total > 1 ? (
        <p>
          <Link href={`/admin/articles/${id}/revisions/compare`} className="adm-btn adm-btn-small">
            比较版本
          </Link>{" "}
          逐项列出两个版本之间的改动，正文逐字比较。
        </p>
      ) : null}
      <section className="adm-panel" aria-labelledby="revisions-heading">
        <h2 id="revisions-heading">版本列表</h2>
        <div className="adm-table-wrap">
          <table className="admin-table adm-stacked">
            <thead>
              <tr>
                <th scope="col">保存时间</th>
                <th scope="col">保存人</th>
                <th scope="col">当时的标题与内容</th>
                <th scope="col">当时状态</th>
                <th scope="col">操作</th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((r, i) => (
                <tr key={r.id}>
                  <td data-label="保存时间">{formatDateTime(r.createdAt)}</td>
                  <td data-label="保存人">{r.user || "—"}</td>
                  <td data-label="内容">
                    {r.title === null ? (
                      <span className="adm-muted">（无法读取）</span>
                    ) : (
                      <details>
                        <summary>{r.title}</summary>
                        {r.summary ? <p className="adm-detail">摘要：{r.summary}</p> : null}
                        {r.tags.length ? <p className="adm-detail">标签：{formatTags(r.tags)}</p> : null}
                        <pre className="adm-revision-body">{r.body}</pre>
                      </details>
                    )}
                  </td>
                  <td data-label="当时状态">{STORED_LABELS[r.status] ?? r.status}</td>
                  <td data-label="操作">
                    {/* The save before this one is the next row, or the first of the next page. */}
                    {i + 1 < data.items.length ? (
                      <Link
                        href={`/admin/articles/${id}/revisions/compare?from=${data.items[i + 1]!.id}&to=${r.id}`}
                        className="adm-btn adm-btn-small"
                        aria-label={`比较 ${formatDateTime(r.createdAt)} 的版本与上一版本`}
                      >
                        与上一版比较
                      </Link>
                    ) : null}{" "}
                    {page === 1 && i === 0 ? (
                      <span className="adm-muted">当前版本</span>
                    ) : r.title === null ? null : (
                      <RestoreButton
                        articleId={id}
                        revisionId={r.id}
                        label={`恢复 ${formatDateTime(r.createdAt)} 的版本`}
                      />
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <Pagination
          className="adm-pagination"
          basePath={`/admin/articles/${id}/revisions`}
          params={{}}
          page={page}
          totalPages={pageCount(data.total, REVISIONS_PAGE_SIZE)}
        />
      </section>
    </>
  );
}
