import type { Metadata } from "next";
import { NotFoundPage } from "@/components/NotFoundPage";
import { renderTagPage, tagMetadata, type TagParams } from "../../tag-view";

interface Props {
  params: Promise<Required<TagParams>>;
}

// `/tag/<name>?page=N`, rewritten here by next.config.mjs so that each page is cached on its own.
export const revalidate = 20;
export function generateStaticParams(): Required<TagParams>[] {
  return [];
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return tagMetadata(await params);
}

export default async function TagPageN({ params }: Props) {
  return (await renderTagPage(await params)) ?? <NotFoundPage />;
}
