import type { Metadata } from "next";
import Link from "next/link";
import { signedInAdmin } from "@/lib/auth/session";
import { AdminForbiddenPage } from "@/app/admin/_components/admin-forbidden";
import { AUDIT_PAGE_SIZE, listAuditEntries, type AuditRow } from "@/lib/data/admin-audit";
import { auditLabel } from "@/lib/articles/audit-actions";
import { STATUS_LABELS, isDisplayStatus } from "@/lib/articles/status";
import { pageCount, parsePageParam } from "@/lib/pagination";
import { formatDateTime } from "@/lib/time";
import { Pagination } from "@/components/Pagination";
import { AdminNotFoundPage } from "@/app/admin/_components/admin-not-found";

export const metadata: Metadata = { title: "操作日志" };

interface Props {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

const str = (v: unknown): string | null =>
  typeof v === "string" || typeof v === "number" ? String(v) : null;

/** A short line about what the row changed, from its detail JSON. */
function describe(row: AuditRow): string {
  const d = row.detail;
  const parts: string[] = [];
  if (!row.article && str(d.articleId)) parts.push(`稿件 #${str(d.articleId)}《${str(d.title) ?? ""}》`);
  const status = str(d.status);
  if (row.article && status && isDisplayStatus(status)) parts.push(`保存后：${STATUS_LABELS[status]}`);
  if (Array.isArray(d.commentIds)) parts.push(`评论 #${d.commentIds.join("、#")}`);
  if (str(d.commentId)) parts.push(`评论 #${str(d.commentId)}`);
  if (str(d.hours)) parts.push(`${str(d.hours)} 小时`);
  if (str(d.username)) parts.push(`用户 ${str(d.username)}`);
  if (str(d.to)) parts.push(`→ ${str(d.to)}`);
  if (str(d.imageId)) parts.push(`图片 #${str(d.imageId)}`);
  if (str(d.revisionId)) parts.push(`版本 #${str(d.revisionId)}`);
  const before = d.before as Record<string, unknown> | undefined;
  const after = d.after as Record<string, unknown> | undefined;
  if (before && after) {
    for (const key of ["name", "slug", "sortOrder", "slogan"]) {
      if (str(before[key]) !== str(after[key]))
        parts.push(`${key}: ${str(before[key])} → ${str(after[key])}`);
    }
  }
  return parts.join("；");
}

export default async function AuditPage({ searchParams }: Props) {
  if (!(await signedInAdmin("/admin/audit"))) return <AdminForbiddenPage />;
  const query = await searchParams;
  const page = parsePageParam(query.page);
  if (page === null) return <AdminNotFoundPage />;
  const articleParam = typeof query.article === "string" ? query.article : "";
  const articleId = /^[1-9]\d{0,9}$/.test(articleParam) ? Number(articleParam) : null;
  const { items, total } = await listAuditEntries(page, articleId);
  return (
    <>
      <h1>操作日志</h1>
      <p className="adm-lead">
        谁在什么时候做了什么（共 {total} 条）。
        {articleId !== null ? (
          <>
            {" "}
            只显示稿件 #{articleId}，<Link href="/admin/audit">显示全部</Link>。
          </>
        ) : null}
      </p>
      <section className="adm-panel" aria-label="操作记录">
        <div className="adm-table-wrap">
          <table className="admin-table adm-stacked">
            <thead>
              <tr>
                <th scope="col">时间</th>
                <th scope="col">操作人</th>
                <th scope="col">操作</th>
                <th scope="col">稿件</th>
                <th scope="col">详情</th>
              </tr>
            </thead>
            <tbody>
              {items.map((r) => (
                <tr key={r.id}>
                  <td data-label="时间">{formatDateTime(r.createdAt)}</td>
                  <td data-label="操作人">{r.user || "命令行"}</td>
                  <td data-label="操作">{auditLabel(r.action)}</td>
                  <td data-label="稿件">
                    {r.article ? (
                      <Link href={`/admin/articles/${r.article.id}`}>
                        #{r.article.id} {r.article.title}
                      </Link>
                    ) : (
                      "—"
                    )}
                  </td>
                  <td data-label="详情" className="adm-detail">
                    {describe(r) || "—"}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <Pagination
          className="adm-pagination"
          basePath="/admin/audit"
          params={{ article: articleId === null ? "" : String(articleId) }}
          page={page}
          totalPages={pageCount(total, AUDIT_PAGE_SIZE)}
        />
      </section>
    </>
  );
}
