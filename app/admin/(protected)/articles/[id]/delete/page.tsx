import type { Metadata } from "next";
import Link from "next/link";
import { signedInAdmin } from "@/lib/auth/session";
import { getArticleForEdit } from "@/lib/data/admin-articles";
import { STATUS_LABELS } from "@/lib/articles/status";
import { requestTimeMs } from "@/lib/time";
import { parseAdminArticleId } from "../../article-id";
import { DeleteForm } from "./delete-form";
import { AdminNotFoundPage } from "@/app/admin/_components/admin-not-found";
import { AdminForbiddenPage } from "@/app/admin/_components/admin-forbidden";

export const metadata: Metadata = { title: "删除稿件" };

interface Props {
  params: Promise<{ id: string }>;
}

/** The confirmation step before deleting a story for good (admins only). */
export default async function DeleteArticlePage({ params }: Props) {
  const { id: rawId } = await params;
  if (!(await signedInAdmin(`/admin/articles/${rawId}/delete`))) return <AdminForbiddenPage />;
  const id = parseAdminArticleId(rawId);
  if (id === null) return <AdminNotFoundPage />;
  const article = await getArticleForEdit(id, requestTimeMs());
  if (!article) return <AdminNotFoundPage />;
  return (
    <>
      <p className="adm-breadcrumb">
        <Link href="/admin/articles">稿件</Link> › <Link href={`/admin/articles/${id}`}>#{id}</Link> › 删除
      </p>
      <div className="adm-panel adm-notice">
        <h1>删除稿件？</h1>
        <p>
          《{article.values.title}》（{STATUS_LABELS[article.status]}
          ）将被永久删除，连同它的历史版本、评论和阅读统计， 无法恢复。操作日志会保留稿件编号和标题。
        </p>
        <p>只想让读者看不到？请回到编辑页点击“撤下”，以后还可以重新发布。</p>
        <div className="adm-row-actions">
          <DeleteForm articleId={article.id} />
          <Link href={`/admin/articles/${id}`} className="adm-btn">
            取消
          </Link>
        </div>
      </div>
    </>
  );
}
