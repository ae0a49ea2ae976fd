import { serializeJsonLd } from "@/lib/seo";

/**
 * Structured data as <script type="application/ld+json">. The JSON is serialized with `<`
 * escaped as \u003c (lib/seo.ts serializeJsonLd), so text from a story can never end the script
 * element; React would HTML-escape a text child, which is wrong inside a script.
 */
export function JsonLd({ data }: { data: object }) {
  return <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: serializeJsonLd(data) }} />;
}
