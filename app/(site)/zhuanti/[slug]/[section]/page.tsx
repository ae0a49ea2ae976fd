import type { Metadata } from "next";
import { NotFoundPage } from "@/components/NotFoundPage";
import { pageParams } from "@/lib/http/params";
import { renderTopicSection, topicMetadata } from "../../topic-view";

/** A section's address (`/zhuanti/<slug>/<n>`) and page number (`?page=M` → page/M). */
interface SectionParams {
  slug: string;
  section: string;
  n?: string;
}

interface Props {
  params: Promise<SectionParams>;
}

// Cached whole per address, rendered when first asked for (PAGE_REVALIDATE_S).
export const revalidate = 20;
export function generateStaticParams(): SectionParams[] {
  return [];
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug, section } = await params;
  return topicMetadata(slug, section);
}

export default async function TopicSectionPage({ params }: Props) {
  const address = pageParams(await params);
  return (
    (address && (await renderTopicSection(address.slug, address.section, address.n))) ?? <NotFoundPage />
  );
}
