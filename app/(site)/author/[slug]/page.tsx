import type { Metadata } from "next";
import { NotFoundPage } from "@/components/NotFoundPage";
import { pageParams } from "@/lib/http/params";
import { authorMetadata, renderAuthorPage, type AuthorParams } from "./author-view";

interface Props {
  params: Promise<AuthorParams>;
}

// Cached whole per address, rendered when first asked for (PAGE_REVALIDATE_S).
export const revalidate = 20;
export function generateStaticParams(): AuthorParams[] {
  return [];
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return authorMetadata(await params);
}

export default async function AuthorPage({ params }: Props) {
  const address = pageParams(await params);
  return (address && (await renderAuthorPage(address))) ?? <NotFoundPage />;
}
