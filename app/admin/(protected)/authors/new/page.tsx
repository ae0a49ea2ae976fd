import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/lib/auth/session";
import { AuthorForm } from "../author-form";

export const metadata: Metadata = { title: "新建记者资料" };

export default async function NewAuthorPage() {
  await requireUser("/admin/authors/new");
  return (
    <>
      <p className="adm-breadcrumb">
        <Link href="/admin/authors">记者</Link> › 新建
      </p>
      <h1>新建记者资料</h1>
      <section className="adm-panel">
        <AuthorForm author={null} />
      </section>
    </>
  );
}
