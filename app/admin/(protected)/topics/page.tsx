import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/lib/auth/session";
import { listTopicsForAdmin } from "@/lib/data/admin-topics";
import { formatDateTime } from "@/lib/time";

export const metadata: Metadata = { title: "专题" };

interface Props {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export default async function TopicsPage({ searchParams }: Props) {
  await requireUser("/admin/topics");
  const [topics, query] = await Promise.all([listTopicsForAdmin(), searchParams]);
  return (
    <>
      <h1>专题</h1>
      <p className="adm-lead">
        专题汇集一个主题的报道（节庆、灾情、会议等），读者地址
        /zhuanti/地址。每个栏目手选稿件或按标签自动列出。
      </p>
      {query.deleted ? (
        <p className="adm-form-message adm-ok" role="status">
          专题已删除。
        </p>
      ) : null}
      <p>
        <Link href="/admin/topics/new" className="adm-btn adm-btn-primary">
          新建专题
        </Link>
      </p>
      <section className="adm-panel" aria-label="专题列表">
        {topics.length === 0 ? (
          <p>还没有专题。</p>
        ) : (
          <div className="adm-table-wrap">
            <table className="admin-table adm-stacked">
              <thead>
                <tr>
                  <th scope="col">标题</th>
                  <th scope="col">地址</th>
                  <th scope="col">状态</th>
                  <th scope="col">栏目</th>
                  <th scope="col">最后修改</th>
                </tr>
              </thead>
              <tbody>
                {topics.map((t) => (
                  <tr key={t.id}>
                    <td data-label="标题">
                      <Link href={`/admin/topics/${t.id}`}>{t.title}</Link>
                    </td>
                    <td data-label="地址">{t.published ? <Link href={t.href}>{t.href}</Link> : t.href}</td>
                    <td data-label="状态">
                      {t.published ? "已发布" : "未发布"}
                      {t.featuredOnHome ? "，首页显示" : ""}
                    </td>
                    <td data-label="栏目">{t.sections}</td>
                    <td data-label="最后修改">{formatDateTime(t.updatedAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}
