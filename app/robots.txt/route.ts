import { robotsTxt, textResponse } from "@/lib/syndication";

// Cached whole like the reader pages (PAGE_REVALIDATE_S), dropped by editorial writes.
export const revalidate = 20;

export async function GET() {
  return textResponse(robotsTxt(), "text/plain");
}
