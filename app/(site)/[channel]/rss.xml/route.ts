import { connection } from "next/server";
import { getChannelRedirect } from "@/lib/data/channels";
import {
  absoluteUrl,
  channelFeedXml,
  notFoundResponse,
  RSS_MEDIA_TYPE,
  textResponse,
} from "@/lib/syndication";
import { minuteNow } from "@/lib/time";

export async function GET(_request: Request, { params }: { params: Promise<{ channel: string }> }) {
  await connection();
  const { channel } = await params;
  const xml = await channelFeedXml(channel, minuteNow().getTime());
  if (xml !== null) return textResponse(xml, RSS_MEDIA_TYPE);
  // A renamed channel keeps its old feed address working, like its pages.
  const moved = await getChannelRedirect(channel);
  if (moved) return Response.redirect(absoluteUrl(`/${moved}/rss.xml`), 308);
  return notFoundResponse();
}
