import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/lib/auth/session";
import { authorHref } from "@/lib/authors/byline";
import { getAdminAuthor } from "@/lib/data/admin-authors";
import { AuthorForm } from "../author-form";
import { AdminNotFoundPage } from "@/app/admin/_components/admin-not-found";

export const metadata: Metadata = { title: "编辑记者资料" };

interface Props {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export default async function EditAuthorPage({ params, searchParams }: Props) {
  const { id: rawId } = await params;
  await requireUser(`/admin/authors/${rawId}`);
  const id = /^[1-9]\d{0,9}$/.test(rawId) ? Number(rawId) : null;
  if (id === null) return <AdminNotFoundPage />;
  const [author, query] = await Promise.all([getAdminAuthor(id), searchParams]);
  if (!author) return <AdminNotFoundPage />;
  const created = typeof query.created === "string" && /^\d{1,9}$/.test(query.created) ? query.created : null;
  return (
    <>
      <p className="adm-breadcrumb">
        <Link href="/admin/authors">记者</Link> › {author.name}
      </p>
      <div className="adm-page-head">
        <h1>编辑记者资料</h1>
        <a href={authorHref(author.slug)} className="adm-btn adm-btn-link">
          查看读者页面
        </a>
      </div>
      {created !== null ? (
        <p className="adm-form-message adm-ok" role="status">
          记者资料已创建，已有 {created} 篇稿件的署名链接到它。
        </p>
      ) : null}
      <p className="adm-lead">
        署名写到“{author.name}”的稿件：{author.stories} 篇（含草稿和未发布的）。
      </p>
      <section className="adm-panel">
        <AuthorForm author={author} />
      </section>
    </>
  );
}
