// renderReaderBody: a stored body (./schema.ts) → the HTML reader pages show, rendered once when
// the story is saved (Article.bodyHtml). The same allow-list again (so nothing outside the schema
// can reach a reader even from a row written by hand), links to other sites open in a new tab
// without a referrer, and images of our own uploads get the derivatives, sizes and lazy loading
// of lead images (components/LeadImage.tsx).
import sanitizeHtml from "sanitize-html";
import { normalizeBody } from "@/lib/body/normalize";
import { BODY_TAGS } from "@/lib/body/schema";
import { DERIVATIVE_WIDTHS, derivativeName } from "@/lib/images/urls";

/** The body column is at most 760 px wide (the lead image's sizes, components/ArticleStory.tsx). */
export const BODY_IMAGE_SIZES = "(max-width: 960px) 100vw, 760px";

const DERIVATIVE = /^\/media\/([A-Za-z0-9_/-]+)-(\d+)\.webp$/;

/** The srcset of an upload's derivatives, when `src` is one of them; else null. */
export function bodyImageSrcSet(src: string, width: number | null): string | null {
  const m = DERIVATIVE.exec(src);
  if (!m || !m[1]) return null;
  const key = m[1];
  const shown = Number(m[2]);
  if (!DERIVATIVE_WIDTHS.some((w) => w === shown)) return null;
  // Derivatives exist up to the original's width (lib/images/urls.ts); without the original's
  // width, up to the one the body names.
  const limit = width ?? shown;
  const widths = DERIVATIVE_WIDTHS.filter((w) => w <= Math.max(limit, shown));
  return widths.map((w) => `/media/${derivativeName(key, w)} ${w}w`).join(", ");
}

const READER: sanitizeHtml.IOptions = {
  allowedTags: [...BODY_TAGS],
  allowedAttributes: {
    a: ["href", "rel", "target"],
    img: ["src", "srcset", "sizes", "alt", "width", "height", "loading", "decoding"],
    ol: ["start"],
    th: ["colspan", "rowspan"],
    td: ["colspan", "rowspan"],
  },
  allowedSchemes: ["http", "https", "mailto"],
  allowedSchemesByTag: { img: [] },
  allowProtocolRelative: false,
  transformTags: {
    a: (tagName, attribs) => {
      const href = attribs.href ?? "";
      const external = /^https?:\/\//i.test(href);
      return {
        tagName,
        attribs: external ? { ...attribs, rel: "nofollow noopener noreferrer", target: "_blank" } : attribs,
      };
    },
    img: (tagName, attribs): sanitizeHtml.Tag => {
      const width = attribs.width ? Number(attribs.width) : null;
      const srcset = bodyImageSrcSet(attribs.src ?? "", width);
      return {
        tagName,
        attribs: {
          src: attribs.src ?? "",
          ...(srcset ? { srcset, sizes: BODY_IMAGE_SIZES } : {}),
          alt: attribs.alt ?? "",
          ...(attribs.width && attribs.height ? { width: attribs.width, height: attribs.height } : {}),
          loading: "lazy",
          decoding: "async",
        },
      };
    },
  },
};

/** A stored body → the sanitized HTML of the reader page (Article.bodyHtml). */
export function renderReaderBody(body: string): string {
  return sanitizeHtml(normalizeBody(body), READER);
}
