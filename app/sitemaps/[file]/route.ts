import { notFoundResponse, sitemapFileXml, textResponse, XML_MEDIA_TYPE } from "@/lib/syndication";
import { minuteNow } from "@/lib/time";

// Cached whole like the reader pages (PAGE_REVALIDATE_S), dropped by editorial writes.
export const revalidate = 20;
export function generateStaticParams(): { file: string }[] {
  return [];
}

/** /sitemaps/<n>.xml, listed by the sitemap index once the site has more than 50,000 URLs. */
export async function GET(_request: Request, { params }: { params: Promise<{ file: string }> }) {
  const { file } = await params;
  const m = /^([1-9]\d{0,5})\.xml$/.exec(file);
  const xml = m?.[1] ? await sitemapFileXml(Number(m[1]), minuteNow().getTime()) : null;
  return xml === null ? notFoundResponse() : textResponse(xml, XML_MEDIA_TYPE);
}
