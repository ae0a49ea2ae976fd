import { connection } from "next/server";
import { newsSitemapXml, textResponse, XML_MEDIA_TYPE } from "@/lib/syndication";
import { minuteNow } from "@/lib/time";

export async function GET() {
  await connection();
  return textResponse(await newsSitemapXml(minuteNow().getTime()), XML_MEDIA_TYPE);
}
