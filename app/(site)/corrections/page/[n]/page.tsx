import type { Metadata } from "next";
import { NotFoundPage } from "@/components/NotFoundPage";
import { pageParams } from "@/lib/http/params";
import { correctionsMetadata, renderCorrections } from "../../corrections-view";

// `/corrections` and `/corrections?page=N`, rewritten here by next.config.mjs (page 1 for the
// plain address), so that each page is cached on its own.
interface Props {
  params: Promise<{ n: string }>;
}

export const revalidate = 20;
export function generateStaticParams(): { n: string }[] {
  return [];
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return correctionsMetadata((await params).n);
}

export default async function CorrectionsListPage({ params }: Props) {
  const address = pageParams(await params);
  return (address && (await renderCorrections(address.n))) ?? <NotFoundPage />;
}
