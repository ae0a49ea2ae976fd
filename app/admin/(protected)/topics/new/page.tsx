import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/lib/auth/session";
import { listRecentImages } from "@/lib/data/admin-images";
import { TopicForm } from "../topic-form";

export const metadata: Metadata = { title: "新建专题" };

export default async function NewTopicPage() {
  await requireUser("/admin/topics/new");
  const images = await listRecentImages();
  return (
    <>
      <p className="adm-breadcrumb">
        <Link href="/admin/topics">专题</Link> › 新建专题
      </p>
      <h1>新建专题</h1>
      <div className="adm-panel">
        <TopicForm
          topicId={null}
          initial={{
            title: "",
            slug: "",
            intro: "",
            bannerImageId: "",
            published: false,
            featuredOnHome: false,
            homeOrder: "0",
            sections: [],
          }}
          image={null}
          recentImages={images}
        />
      </div>
    </>
  );
}
