import type { Metadata } from "next";
import { NotFoundPage } from "@/components/NotFoundPage";
import { pageParams } from "@/lib/http/params";
import { renderTopicList, topicListMetadata } from "../../topic-view";

// `/zhuanti` and `/zhuanti?page=N`, rewritten here by lib/http/routing.mjs (page 1 for the plain
// address), so that each page is cached on its own.
interface Props {
  params: Promise<{ n: string }>;
}

export const revalidate = 20;
export function generateStaticParams(): { n: string }[] {
  return [];
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return topicListMetadata((await params).n);
}

export default async function TopicListPage({ params }: Props) {
  const address = pageParams(await params);
  return (address && (await renderTopicList(address.n))) ?? <NotFoundPage />;
}
