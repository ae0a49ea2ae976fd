import type { Metadata } from "next";
import { NotFoundPage } from "@/components/NotFoundPage";
import { permanentRedirect } from "next/navigation";
import {
  renderArticlePage,
  articleMetadata,
  canonicalArticleAddress,
  type ArticleParams,
} from "../../article-view";

/** `/liujiang/123?cpage=N`, rewritten here by next.config.mjs so that each page is cached on its own. */
interface Props {
  params: Promise<Required<ArticleParams>>;
}

export const revalidate = 20;
export function generateStaticParams(): Required<ArticleParams>[] {
  return [];
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return articleMetadata(await params);
}

export default async function ArticleCommentsPage({ params }: Props) {
  const address = await params;
  // One address per story: other ones redirect to it.
  const canonical = await canonicalArticleAddress(address);
  if (canonical) permanentRedirect(canonical);
  return (await renderArticlePage(address)) ?? <NotFoundPage />;
}
