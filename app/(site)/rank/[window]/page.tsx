import type { Metadata } from "next";
import { NotFoundPage } from "@/components/NotFoundPage";
import { pageParams } from "@/lib/http/params";
import { rankMetadata, renderRankPage } from "../rank-view";

interface Params {
  window: string;
}
interface Props {
  params: Promise<Params>;
}

// `/rank` (24 hours) and `/rank?window=7d`, rewritten here by next.config.mjs: cached whole per
// address (PAGE_REVALIDATE_S).
export const revalidate = 20;
export function generateStaticParams(): Params[] {
  return [];
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return rankMetadata(await params);
}

export default async function RankWindowPage({ params }: Props) {
  const address = pageParams(await params);
  return (address && (await renderRankPage(address))) ?? <NotFoundPage />;
}
