import { connection } from "next/server";
import { sitemapXml, textResponse, XML_MEDIA_TYPE } from "@/lib/syndication";
import { minuteNow } from "@/lib/time";

export async function GET() {
  await connection();
  return textResponse(await sitemapXml(minuteNow().getTime()), XML_MEDIA_TYPE);
}
