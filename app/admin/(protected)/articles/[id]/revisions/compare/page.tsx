import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/lib/auth/session";
import type { DiffPart } from "@/lib/articles/revision-diff";
import { compareRevisions, type RevisionChoice } from "@/lib/data/admin-revisions";
import { parseId } from "@/lib/http/params";
import { formatDateTime } from "@/lib/time";
import { parseAdminArticleId } from "../../../article-id";
import { AdminNotFoundPage } from "@/app/admin/_components/admin-not-found";

export const metadata: Metadata = { title: "版本比较" };

interface Props {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

// The save's number tells apart two saves of the same minute.
const label = (r: RevisionChoice) =>
  `#${r.id} · ${formatDateTime(r.createdAt)}${r.user ? ` · ${r.user}` : ""}`;

function Runs({ parts }: { parts: DiffPart[] }) {
  return (
    <p className="adm-diff">
      {parts.map((p, i) =>
        p.change === "added" ? (
          <ins key={i}>{p.text}</ins>
        ) : p.change === "removed" ? (
          <del key={i}>{p.text}</del>
        ) : (
          <span key={i}>{p.text}</span>
        ),
      )}
    </p>
  );
}

/** Two saves of a story side by side: what changed, field by field, character by character. */
export default async function CompareRevisionsPage({ params, searchParams }: Props) {
  const { id: rawId } = await params;
  await requireUser(`/admin/articles/${rawId}/revisions/compare`);
  const id = parseAdminArticleId(rawId);
  if (id === null) return <AdminNotFoundPage />;
  const query = await searchParams;
  const one = (v: string | string[] | undefined) => (typeof v === "string" ? v : undefined);
  const from = parseId(one(query.from));
  const to = parseId(one(query.to));
  // Both or neither: one id alone, or one that is not an id, names no comparison.
  if ((query.from !== undefined || query.to !== undefined) && (from === null || to === null))
    return <AdminNotFoundPage />;
  const data = await compareRevisions(id, from, to);
  if (!data) return <AdminNotFoundPage />;
  const { article, older, newer, changes, choices } = data;
  return (
    <>
      <p className="adm-breadcrumb">
        <Link href="/admin/articles">稿件</Link> › <Link href={`/admin/articles/${id}`}>#{id}</Link> ›{" "}
        <Link href={`/admin/articles/${id}/revisions`}>历史版本</Link> › 比较
      </p>
      <h1>版本比较：{article.title}</h1>
      <form method="get" className="adm-filters" aria-label="选择要比较的版本">
        <label>
          较早的版本
          <select name="from" defaultValue={older.id}>
            {choices.map((c) => (
              <option key={c.id} value={c.id}>
                {label(c)}
              </option>
            ))}
          </select>
        </label>
        <label>
          较新的版本
          <select name="to" defaultValue={newer.id}>
            {choices.map((c) => (
              <option key={c.id} value={c.id}>
                {label(c)}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="adm-btn">
          比较
        </button>
      </form>
      <p className="adm-lead">
        从 <strong>{label(older)}</strong> 到 <strong>{label(newer)}</strong>：
        {changes.length === 0 ? "两个版本的内容相同。" : `${changes.length} 处改动。`}
        <span className="adm-diff-key">
          <del>删去的文字</del> <ins>新增的文字</ins>
        </span>
      </p>
      {changes.map((c) => (
        <section key={c.field} className="adm-panel" aria-labelledby={`diff-${c.field}`}>
          <h2 id={`diff-${c.field}`}>{c.label}</h2>
          {c.kind === "text" ? (
            <Runs parts={c.parts} />
          ) : (
            <dl className="adm-diff-values">
              <dt>改前</dt>
              <dd>
                <del>{c.before}</del>
              </dd>
              <dt>改后</dt>
              <dd>
                <ins>{c.after}</ins>
              </dd>
            </dl>
          )}
        </section>
      ))}
    </>
  );
}
