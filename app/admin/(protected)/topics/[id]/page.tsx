import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/lib/auth/session";
import { listRecentImages } from "@/lib/data/admin-images";
import { getTopicForEdit } from "@/lib/data/admin-topics";
import { DeleteTopicForm, TopicForm } from "../topic-form";
import { AdminNotFoundPage } from "@/app/admin/_components/admin-not-found";

export const metadata: Metadata = { title: "编辑专题" };

interface Props {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export default async function EditTopicPage({ params, searchParams }: Props) {
  const { id } = await params;
  await requireUser(`/admin/topics/${encodeURIComponent(id)}`);
  if (!/^\d{1,9}$/.test(id)) return <AdminNotFoundPage />;
  const [topic, images, query] = await Promise.all([
    getTopicForEdit(Number(id)),
    listRecentImages(),
    searchParams,
  ]);
  if (!topic) return <AdminNotFoundPage />;
  return (
    <>
      <p className="adm-breadcrumb">
        <Link href="/admin/topics">专题</Link> › 编辑专题
      </p>
      <h1>编辑专题：{topic.values.title}</h1>
      {topic.values.published ? (
        <p>
          读者地址：<Link href={topic.href}>{topic.href}</Link>
        </p>
      ) : null}
      <div className="adm-panel">
        <TopicForm
          topicId={topic.id}
          initial={topic.values}
          image={topic.image}
          recentImages={images}
          message={query.created ? "专题已创建" : undefined}
        />
      </div>
      <section className="adm-panel" aria-label="删除专题">
        <DeleteTopicForm topicId={topic.id} title={topic.values.title} />
      </section>
    </>
  );
}
