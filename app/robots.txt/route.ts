import { connection } from "next/server";
import { robotsTxt, textResponse } from "@/lib/syndication";

export async function GET() {
  // SITE_URL is read at run time (the same build can serve another address).
  await connection();
  return textResponse(robotsTxt(), "text/plain");
}
