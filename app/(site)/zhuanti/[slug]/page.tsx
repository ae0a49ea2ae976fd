import type { Metadata } from "next";
import { NotFoundPage } from "@/components/NotFoundPage";
import { pageParams } from "@/lib/http/params";
import { renderTopicPage, topicMetadata } from "../topic-view";

interface Props {
  params: Promise<{ slug: string }>;
}

// Cached whole per address, rendered when first asked for (PAGE_REVALIDATE_S).
export const revalidate = 20;
export function generateStaticParams(): { slug: string }[] {
  return [];
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return topicMetadata((await params).slug);
}

export default async function TopicPage({ params }: Props) {
  const address = pageParams(await params);
  return (address && (await renderTopicPage(address.slug))) ?? <NotFoundPage />;
}
