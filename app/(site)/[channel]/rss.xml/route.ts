import { getChannelRedirect } from "@/lib/data/channels";
import {
  absoluteUrl,
  channelFeedXml,
  notFoundResponse,
  RSS_MEDIA_TYPE,
  textResponse,
} from "@/lib/syndication";
import { minuteNow } from "@/lib/time";

// Cached whole like the reader pages (PAGE_REVALIDATE_S), dropped by editorial writes.
export const revalidate = 20;
export function generateStaticParams(): { channel: string }[] {
  return [];
}

export async function GET(_request: Request, { params }: { params: Promise<{ channel: string }> }) {
  const { channel } = await params;
  const xml = await channelFeedXml(channel, minuteNow().getTime());
  if (xml !== null) return textResponse(xml, RSS_MEDIA_TYPE);
  // A renamed channel keeps its old feed address working, like its pages.
  const moved = await getChannelRedirect(channel);
  if (moved) return Response.redirect(absoluteUrl(`/${moved}/rss.xml`), 308);
  return notFoundResponse();
}
