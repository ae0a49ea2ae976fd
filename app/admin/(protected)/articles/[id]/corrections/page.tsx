import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/lib/auth/session";
import { CORRECTION_LABELS } from "@/lib/corrections/rules";
import { getCorrectionsForAdmin } from "@/lib/data/corrections";
import { formatDateTime } from "@/lib/time";
import { parseAdminArticleId } from "../../article-id";
import { CorrectionForm, RemoveCorrectionForm } from "./correction-forms";
import { AdminNotFoundPage } from "@/app/admin/_components/admin-not-found";

export const metadata: Metadata = { title: "更正与更新" };

/** Editors add dated 更正 / 更新说明 to a published story here, or take one down. */
export default async function CorrectionsPage({ params }: { params: Promise<{ id: string }> }) {
  const { id: rawId } = await params;
  await requireUser(`/admin/articles/${rawId}/corrections`);
  const id = parseAdminArticleId(rawId);
  if (id === null) return <AdminNotFoundPage />;
  const data = await getCorrectionsForAdmin(id);
  if (!data) return <AdminNotFoundPage />;
  const { article, notes } = data;
  const published = article.status === "published";
  return (
    <>
      <p className="adm-breadcrumb">
        <Link href="/admin/articles">稿件</Link> ›{" "}
        <Link href={`/admin/articles/${article.id}`}>#{article.id}</Link> › 更正与更新
      </p>
      <h1>更正与更新：{article.title}</h1>
      <section className="adm-panel" aria-labelledby="correction-new-heading">
        <h2 id="correction-new-heading">添加说明</h2>
        {published ? (
          <>
            <p>
              已发布的稿件有误时，修改正文后在这里公开说明。{" "}
              <a href={article.href} target="_blank" rel="noopener">
                查看读者页面
              </a>
            </p>
            <CorrectionForm articleId={article.id} />
          </>
        ) : (
          <p>这篇稿件尚未发布，请直接修改稿件；发布后才能添加更正或更新说明。</p>
        )}
      </section>
      <section className="adm-panel" aria-labelledby="correction-list-heading">
        <h2 id="correction-list-heading">已发布的说明（{notes.length}）</h2>
        {notes.length === 0 ? <p>还没有说明。</p> : null}
        <ol className="adm-live-entries">
          {notes.map((n) => (
            <li key={n.id}>
              <p>
                <strong>{CORRECTION_LABELS[n.kind]}</strong> {formatDateTime(n.createdAt)}
              </p>
              <p className="adm-live-body">{n.text}</p>
              <div className="adm-row-actions">
                <RemoveCorrectionForm articleId={article.id} correctionId={n.id} />
              </div>
            </li>
          ))}
        </ol>
      </section>
    </>
  );
}
