import type { Metadata } from "next";
import { NotFoundPage } from "@/components/NotFoundPage";
import { permanentRedirect } from "next/navigation";
import {
  renderChannelPage,
  channelMetadata,
  movedChannelAddress,
  type ChannelParams,
} from "../../channel-view";

/** `/liujiang?page=N`, rewritten here by next.config.mjs so that each page is cached on its own. */
interface Props {
  params: Promise<Required<ChannelParams>>;
}

export const revalidate = 20;
export function generateStaticParams(): Required<ChannelParams>[] {
  return [];
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return channelMetadata(await params);
}

export default async function ChannelPageN({ params }: Props) {
  const address = await params;
  const moved = await movedChannelAddress(address);
  if (moved) permanentRedirect(moved);
  return (await renderChannelPage(address)) ?? <NotFoundPage />;
}
