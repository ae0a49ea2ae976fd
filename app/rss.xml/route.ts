import { connection } from "next/server";
import { RSS_MEDIA_TYPE, siteFeedXml, textResponse } from "@/lib/syndication";
import { minuteNow } from "@/lib/time";

export async function GET() {
  // Rendered per request from cached data, never prerendered at build time.
  await connection();
  return textResponse(await siteFeedXml(minuteNow().getTime()), RSS_MEDIA_TYPE);
}
