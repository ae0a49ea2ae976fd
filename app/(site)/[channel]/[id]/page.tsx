import type { Metadata } from "next";
import { NotFoundPage } from "@/components/NotFoundPage";
import { permanentRedirect } from "next/navigation";
import { pageParams } from "@/lib/http/params";
import {
  renderArticlePage,
  articleMetadata,
  canonicalArticleAddress,
  type ArticleParams,
} from "./article-view";

interface Props {
  params: Promise<ArticleParams>;
}

// Cached whole per address, rendered when first asked for (PAGE_REVALIDATE_S).
export const revalidate = 20;
export function generateStaticParams(): ArticleParams[] {
  return [];
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return articleMetadata(await params);
}

export default async function ArticlePage({ params }: Props) {
  const address = pageParams(await params);
  if (!address) return <NotFoundPage />;
  // One address per story: other ones redirect to it.
  const canonical = await canonicalArticleAddress(address);
  if (canonical) permanentRedirect(canonical);
  return (await renderArticlePage(address)) ?? <NotFoundPage />;
}
