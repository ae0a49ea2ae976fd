import type { Metadata } from "next";
import Link from "next/link";
import { getDashboardCounts } from "@/lib/data/admin";
import { requireUser } from "@/lib/auth/session";
import { userLabel } from "@/lib/auth/types";

export const metadata: Metadata = { title: "概览" };

export default async function AdminDashboardPage() {
  const user = await requireUser("/admin");
  const counts = await getDashboardCounts();
  const stories = [
    { label: "已发布", value: counts.stories.live, hint: "读者可见", status: "published" },
    { label: "定时发布", value: counts.stories.scheduled, hint: "发布时间未到", status: "scheduled" },
    { label: "草稿", value: counts.stories.draft, hint: "尚未发布", status: "draft" },
    { label: "已撤下", value: counts.stories.unpublished, hint: "不再对读者显示", status: "unpublished" },
  ];
  return (
    <>
      <h1>概览</h1>
      <p className="adm-lead">欢迎，{userLabel(user)}。</p>
      <p className="adm-row-actions">
        <Link href="/admin/articles/new" className="adm-btn adm-btn-primary">
          写新稿件
        </Link>
        <Link href="/admin/articles" className="adm-btn">
          全部稿件
        </Link>
        <Link href="/admin/comments" className="adm-btn">
          评论审核（{counts.pendingComments}）
        </Link>
      </p>
      <section aria-labelledby="stories-heading" className="adm-panel">
        <h2 id="stories-heading">
          <Link href="/admin/articles">稿件</Link>（共 {counts.stories.total} 篇）
        </h2>
        <dl className="adm-stat-grid">
          {stories.map((s) => (
            <div key={s.label} className="adm-stat">
              <dt>
                <Link href={`/admin/articles?status=${s.status}`}>{s.label}</Link>
              </dt>
              <dd>
                <span className="adm-stat-value">{s.value}</span>
                <span className="adm-stat-hint">{s.hint}</span>
              </dd>
            </div>
          ))}
        </dl>
      </section>
      <section aria-labelledby="comments-heading" className="adm-panel">
        <h2 id="comments-heading">
          <Link href="/admin/comments">评论</Link>
        </h2>
        <dl className="adm-stat-grid">
          <div className="adm-stat">
            <dt>待审核评论</dt>
            <dd>
              <span className="adm-stat-value">{counts.pendingComments}</span>
              <span className="adm-stat-hint">审核通过后才会显示</span>
            </dd>
          </div>
        </dl>
      </section>
      <p className="adm-muted">
        账号设置见<Link href="/admin/account">我的账号</Link>。
      </p>
    </>
  );
}
