import type { Metadata } from "next";
import { permanentRedirect } from "next/navigation";
import { NotFoundPage } from "@/components/NotFoundPage";
import { decodeSegment } from "@/lib/http/params";
import { movedRankAddress, rankMetadata, renderRankPage, type RankParams } from "../rank-view";

interface Props {
  params: Promise<{ choice?: string[] }>;
}

// `/rank` (the site's 24 hours), `/rank/7d` and `/rank/7d/rongan` (lib/rank-url.ts): one dynamic
// route and no rewrite (next.config.mjs says why rewrites are kept few); the query form
// /rank?window=7d&channel=rongan is redirected here. Cached whole per address (PAGE_REVALIDATE_S).
export const revalidate = 20;
export function generateStaticParams(): { choice?: string[] }[] {
  return [];
}

/** The window and the channel the path names, each segment decoded once; null for any other path. */
function rankParams(choice: readonly string[] | undefined): RankParams | null {
  const segments = (choice ?? []).map(decodeSegment);
  if (segments.length > 2 || segments.some((s) => s === null)) return null;
  const [window, channel] = segments as string[];
  return { window, channel };
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const address = rankParams((await params).choice);
  return address ? rankMetadata(address) : { title: "页面不存在" };
}

export default async function RankPage({ params }: Props) {
  const address = rankParams((await params).choice);
  if (!address) return <NotFoundPage />;
  const moved = await movedRankAddress(address);
  if (moved) permanentRedirect(moved);
  return (await renderRankPage(address)) ?? <NotFoundPage />;
}
