// Route parameters, decoded in one place.
//
// Next decodes every dynamic segment with decodeURIComponent while it matches routes; an address
// that does not decode never gets that far (next.config.mjs rewrites it to a 400 first:
// lib/http/malformed-path.mjs). What the app is then handed differs by caller, in Next 16.4:
// route handlers and generateMetadata get the decoded value (`/tag/%E6%B0%91` → "民"), but an ISR
// page component gets the segment as it stands in the path, still percent-encoded ("%E6%B0%91",
// "100%25"). Page components therefore pass their params through `pageParams`, which decodes each
// once; everything below them (and every route handler) works on decoded text only.

/** decodeURIComponent that answers null instead of throwing on malformed percent-encoding. */
export function decodeSegment(raw: string): string | null {
  try {
    return decodeURIComponent(raw);
  } catch {
    return null;
  }
}

/**
 * An ISR page's params, each string decoded exactly once; null when one does not decode (the
 * page then answers 404).
 */
export function pageParams<T extends { [K in keyof T]: string | undefined }>(params: T): T | null {
  const out = { ...params };
  for (const key of Object.keys(out) as (keyof T)[]) {
    const value: string | undefined = out[key];
    if (value === undefined) continue;
    const decoded = decodeSegment(value);
    if (decoded === null) return null;
    // The same key, now holding the decoded string.
    out[key] = decoded as T[keyof T];
  }
  return out;
}

/**
 * A positive id (a database key) from a hidden form field, a picker, a query parameter or a path
 * segment, or null.
 */
export function parseId(value: FormDataEntryValue | string | null | undefined): number | null {
  if (typeof value !== "string" || !/^[1-9]\d{0,9}$/.test(value)) return null;
  const id = Number(value);
  return id <= 2_147_483_647 ? id : null;
}
