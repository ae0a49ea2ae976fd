import { newsSitemapXml, textResponse, XML_MEDIA_TYPE } from "@/lib/syndication";
import { minuteNow } from "@/lib/time";

// Cached whole like the reader pages (PAGE_REVALIDATE_S), dropped by editorial writes.
export const revalidate = 20;

export async function GET() {
  return textResponse(await newsSitemapXml(minuteNow().getTime()), XML_MEDIA_TYPE);
}
