import type { Metadata } from "next";
import { NotFoundPage } from "@/components/NotFoundPage";
import { permanentRedirect } from "next/navigation";
import { pageParams } from "@/lib/http/params";
import { renderChannelPage, channelMetadata, movedChannelAddress, type ChannelParams } from "./channel-view";

interface Props {
  params: Promise<ChannelParams>;
}

// Cached whole per address, rendered when first asked for (PAGE_REVALIDATE_S).
export const revalidate = 20;
export function generateStaticParams(): ChannelParams[] {
  return [];
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return channelMetadata(await params);
}

export default async function ChannelPage({ params }: Props) {
  const address = pageParams(await params);
  if (!address) return <NotFoundPage />;
  const moved = await movedChannelAddress(address);
  if (moved) permanentRedirect(moved);
  return (await renderChannelPage(address)) ?? <NotFoundPage />;
}
