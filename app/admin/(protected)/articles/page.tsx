import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/lib/auth/session";
import { listAdminArticles, listChannelOptions } from "@/lib/data/admin-articles";
import { formatAdminCursor, parseAdminCursor } from "@/lib/admin-list";
import { DISPLAY_STATUSES, STATUS_LABELS, isDisplayStatus } from "@/lib/articles/status";
import { formatDateTime, requestTimeMs } from "@/lib/time";
import { cleanLine } from "@/lib/text";
import { StatusBadge } from "../../_components/status-badge";
import { AdminNotFoundPage } from "@/app/admin/_components/admin-not-found";

export const metadata: Metadata = { title: "稿件" };

interface Props {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

const one = (v: string | string[] | undefined): string => (typeof v === "string" ? v : "");

export default async function ArticlesPage({ searchParams }: Props) {
  await requireUser("/admin/articles");
  const query = await searchParams;
  const after = parseAdminCursor(query.after);
  const before = parseAdminCursor(query.before);
  // A cursor we did not write, or both directions at once: no such page.
  const badAfter = query.after !== undefined && after === null;
  const badBefore = query.before !== undefined && before === null;
  if (badAfter || badBefore || (after !== null && before !== null)) return <AdminNotFoundPage />;
  const q = cleanLine(one(query.q)).trim().slice(0, 100);
  const channelParam = one(query.channel);
  const channelId = /^[1-9]\d{0,9}$/.test(channelParam) ? Number(channelParam) : null;
  const statusParam = one(query.status);
  const status = isDisplayStatus(statusParam) ? statusParam : null;
  const deleted = one(query.deleted);

  const nowMs = requestTimeMs();
  const [channels, { items, next, prev }] = await Promise.all([
    listChannelOptions(),
    listAdminArticles({ q, channelId, status, after, before }, nowMs),
  ]);
  // Every page link keeps the filters; empty ones are left out.
  const pageHref = (cursor: Record<string, string>) => {
    const params = new URLSearchParams(
      Object.entries({
        q,
        channel: channelId === null ? "" : String(channelId),
        status: status ?? "",
        ...cursor,
      }).filter(([, v]) => v !== ""),
    );
    const search = params.toString();
    return search ? `/admin/articles?${search}` : "/admin/articles";
  };
  const filtered = q !== "" || channelId !== null || status !== null;
  return (
    <>
      <div className="adm-page-head">
        <h1>稿件</h1>
        <Link href="/admin/articles/new" className="adm-btn adm-btn-primary">
          写新稿件
        </Link>
      </div>
      {/^\d+$/.test(deleted) ? (
        <p className="adm-form-message adm-ok" role="status">
          稿件 #{deleted} 已删除。
        </p>
      ) : null}
      <form method="get" action="/admin/articles" className="adm-filters" role="search" aria-label="筛选稿件">
        <div className="adm-field">
          <label htmlFor="filter-q">标题</label>
          <input id="filter-q" name="q" type="search" defaultValue={q} maxLength={100} />
        </div>
        <div className="adm-field">
          <label htmlFor="filter-channel">频道</label>
          <select
            id="filter-channel"
            name="channel"
            defaultValue={channelId === null ? "" : String(channelId)}
          >
            <option value="">全部频道</option>
            {channels.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </div>
        <div className="adm-field">
          <label htmlFor="filter-status">状态</label>
          <select id="filter-status" name="status" defaultValue={status ?? ""}>
            <option value="">全部状态</option>
            {DISPLAY_STATUSES.map((s) => (
              <option key={s} value={s}>
                {STATUS_LABELS[s]}
              </option>
            ))}
          </select>
        </div>
        <div className="adm-filter-actions">
          <button type="submit" className="adm-btn">
            筛选
          </button>
          {filtered ? (
            <Link href="/admin/articles" className="adm-btn adm-btn-link">
              清除筛选
            </Link>
          ) : null}
        </div>
      </form>

      <section className="adm-panel" aria-labelledby="list-heading">
        <h2 id="list-heading">{filtered ? "筛选结果" : "全部稿件"}</h2>
        {items.length === 0 ? (
          <p className="adm-muted">没有符合条件的稿件。</p>
        ) : (
          <div className="adm-table-wrap">
            <table className="admin-table adm-stacked">
              <thead>
                <tr>
                  <th scope="col">标题</th>
                  <th scope="col">频道</th>
                  <th scope="col">状态</th>
                  <th scope="col">发布时间</th>
                  <th scope="col">最后修改</th>
                  <th scope="col">作者</th>
                </tr>
              </thead>
              <tbody>
                {items.map((a) => (
                  <tr key={a.id}>
                    <td data-label="标题">
                      <Link href={`/admin/articles/${a.id}`}>{a.title}</Link>
                    </td>
                    <td data-label="频道">{a.channelName}</td>
                    <td data-label="状态">
                      <StatusBadge status={a.status} note={a.unpublishNote} />
                      {a.review ? <span className="adm-review-badge">{a.review}</span> : null}
                    </td>
                    <td data-label="发布时间">{a.publishedAt ? formatDateTime(a.publishedAt) : "—"}</td>
                    <td data-label="最后修改">{formatDateTime(a.updatedAt)}</td>
                    <td data-label="作者">{a.author || "—"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {prev || next ? (
          <nav className="adm-pagination" aria-label="分页">
            {prev ? (
              <>
                <Link href={pageHref({})}>最新</Link>
                <Link href={pageHref({ before: formatAdminCursor(prev) })} rel="prev">
                  上一页
                </Link>
              </>
            ) : (
              <span className="disabled">上一页</span>
            )}
            {next ? (
              <Link href={pageHref({ after: formatAdminCursor(next) })} rel="next">
                下一页
              </Link>
            ) : (
              <span className="disabled">下一页</span>
            )}
          </nav>
        ) : null}
      </section>
    </>
  );
}
