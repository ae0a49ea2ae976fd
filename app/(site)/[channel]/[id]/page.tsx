import type { Metadata } from "next";
import { NotFoundPage } from "@/components/NotFoundPage";
import { permanentRedirect } from "next/navigation";
import { isReservedSlug } from "@/lib/channels/rules";
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

// `/admin/5` or `/api/5` match this route when no route of their own does: a first segment the site
// uses itself is never a channel, so such an address is a 404, not a redirect to story 5.
export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const address = await params;
  return isReservedSlug(address.channel) ? { title: "页面不存在" } : articleMetadata(address);
}

export default async function ArticlePage({ params }: Props) {
  const address = pageParams(await params);
  if (!address || isReservedSlug(address.channel)) return <NotFoundPage />;
  // One address per story: other ones redirect to it.
  const canonical = await canonicalArticleAddress(address);
  if (canonical) permanentRedirect(canonical);
  return (await renderArticlePage(address)) ?? <NotFoundPage />;
}
