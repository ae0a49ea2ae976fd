import type { Metadata } from "next";
import { NotFoundPage } from "@/components/NotFoundPage";
import { rankMetadata, renderRankPage } from "./rank-view";

// `/rank`: 24 hours, site-wide. `?window=` and `?channel=` are rewritten onto the routes below it
// (next.config.mjs), each cached whole per address (PAGE_REVALIDATE_S).
export const revalidate = 20;

export function generateMetadata(): Promise<Metadata> {
  return rankMetadata({});
}

export default async function RankPage() {
  return (await renderRankPage({})) ?? <NotFoundPage />;
}
