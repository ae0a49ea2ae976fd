import type { Metadata } from "next";
import { NotFoundPage } from "@/components/NotFoundPage";
import { pageParams } from "@/lib/http/params";
import { renderTagPage, tagMetadata, type TagParams } from "./tag-view";

interface Props {
  params: Promise<TagParams>;
}

// Cached whole per address, rendered when first asked for (PAGE_REVALIDATE_S).
export const revalidate = 20;
export function generateStaticParams(): TagParams[] {
  return [];
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return tagMetadata(await params);
}

export default async function TagPage({ params }: Props) {
  const address = pageParams(await params);
  return (address && (await renderTagPage(address))) ?? <NotFoundPage />;
}
