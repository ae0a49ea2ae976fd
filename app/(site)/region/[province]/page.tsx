import type { Metadata } from "next";
import { NotFoundPage } from "@/components/NotFoundPage";
import { pageParams } from "@/lib/http/params";
import { regionMetadata, renderProvinceHub, type RegionParams } from "../region-view";

interface Props {
  params: Promise<RegionParams>;
}

// Cached whole per address, rendered when first asked for (PAGE_REVALIDATE_S).
export const revalidate = 20;
export function generateStaticParams(): RegionParams[] {
  return [];
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return regionMetadata(await params);
}

export default async function ProvinceHubPage({ params }: Props) {
  const address = pageParams(await params);
  return (address && (await renderProvinceHub(address))) ?? <NotFoundPage />;
}
