import type { Metadata } from "next";
import { NotFoundPage } from "@/components/NotFoundPage";
import { correctionsMetadata, renderCorrections } from "../corrections-view";

// `/corrections` (page 1) and `/corrections/page/N`, where next.config.mjs rewrites
// `/corrections?page=N`: one dynamic route, so that each page is cached on its own and plain
// /corrections needs no rewrite of its own.
interface Props {
  params: Promise<{ page?: string[] }>;
}

export const revalidate = 20;
export function generateStaticParams(): { page?: string[] }[] {
  return [];
}

/** The page number the path names ("1" for plain /corrections), or null for any other path. */
function pageNumber(segments: readonly string[] | undefined): string | null {
  if (!segments || segments.length === 0) return "1";
  return segments.length === 2 && segments[0] === "page" ? (segments[1] ?? null) : null;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const n = pageNumber((await params).page);
  return n === null ? { title: "页面不存在" } : correctionsMetadata(n);
}

export default async function CorrectionsListPage({ params }: Props) {
  const n = pageNumber((await params).page);
  return (n !== null && (await renderCorrections(n))) || <NotFoundPage />;
}
