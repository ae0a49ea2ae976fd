import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/lib/auth/session";
import { authorHref } from "@/lib/authors/byline";
import { listAdminAuthors } from "@/lib/data/admin-authors";

export const metadata: Metadata = { title: "记者" };

export default async function AuthorsPage() {
  await requireUser("/admin/authors");
  const authors = await listAdminAuthors();
  return (
    <>
      <div className="adm-page-head">
        <h1>记者</h1>
        <Link href="/admin/authors/new" className="adm-btn adm-btn-primary">
          新建记者资料
        </Link>
      </div>
      <p className="adm-lead">
        稿件署名中写到的姓名与资料的姓名完全一致时，读者看到的署名会链接到该记者的页面（/author/地址），页面列出其全部报道。
      </p>
      <section className="adm-panel" aria-labelledby="authors-heading">
        <h2 id="authors-heading">全部记者（{authors.length} 位）</h2>
        {authors.length === 0 ? (
          <p className="adm-muted">还没有记者资料。</p>
        ) : (
          <div className="adm-table-wrap">
            <table className="admin-table adm-stacked">
              <thead>
                <tr>
                  <th scope="col">姓名</th>
                  <th scope="col">部门</th>
                  <th scope="col">署名稿件</th>
                  <th scope="col">读者页面</th>
                </tr>
              </thead>
              <tbody>
                {authors.map((a) => (
                  <tr key={a.id}>
                    <td data-label="姓名">
                      <Link href={`/admin/authors/${a.id}`}>{a.name}</Link>
                    </td>
                    <td data-label="部门">{a.desk || "—"}</td>
                    <td data-label="署名稿件">{a.stories} 篇</td>
                    <td data-label="读者页面">
                      <a href={authorHref(a.slug)}>{authorHref(a.slug)}</a>
                    </td>
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
