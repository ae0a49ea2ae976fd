import { RSS_MEDIA_TYPE, siteFeedXml, textResponse } from "@/lib/syndication";
import { minuteNow } from "@/lib/time";

// Cached whole like the reader pages (PAGE_REVALIDATE_S), dropped by editorial writes.
export const revalidate = 20;

export async function GET() {
  return textResponse(await siteFeedXml(minuteNow().getTime()), RSS_MEDIA_TYPE);
}
