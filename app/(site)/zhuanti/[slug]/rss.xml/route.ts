import { notFoundResponse, RSS_MEDIA_TYPE, textResponse, topicFeedXml } from "@/lib/syndication";
import { minuteNow } from "@/lib/time";

// Cached whole like the reader pages (PAGE_REVALIDATE_S), dropped by editorial writes.
export const revalidate = 20;
export function generateStaticParams(): { slug: string }[] {
  return [];
}

/** /zhuanti/<slug>/rss.xml: the topic's newest stories over all its sections. */
export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const xml = await topicFeedXml(slug, minuteNow().getTime());
  return xml === null ? notFoundResponse() : textResponse(xml, RSS_MEDIA_TYPE);
}
