// Numbered pagination with the page number in the URL (?page=N).

export const PAGE_SIZE = 20;

/**
 * Parse a `page` search parameter. Missing → 1. Anything that is not a plain positive integer
 * (e.g. "abc", "0", "-1", "1.5", "2e3", repeated params) → null, which pages turn into a 404.
 */
export function parsePageParam(value: string | string[] | undefined): number | null {
  if (value === undefined) return 1;
  if (Array.isArray(value)) return null;
  if (!/^[1-9]\d{0,6}$/.test(value)) return null;
  return Number(value);
}

export function pageCount(total: number, pageSize = PAGE_SIZE): number {
  return Math.max(1, Math.ceil(total / pageSize));
}

export type PageLink = { kind: "page"; page: number; current: boolean } | { kind: "gap"; key: string };

/**
 * The numbers to show: first, last, and a window around the current page, with gaps between.
 * e.g. current 7 of 20 → 1 … 5 6 7 8 9 … 20
 */
export function pageLinks(current: number, total: number, radius = 2): PageLink[] {
  const pages = new Set<number>([1, total]);
  for (let p = current - radius; p <= current + radius; p++) {
    if (p >= 1 && p <= total) pages.add(p);
  }
  const sorted = [...pages].sort((a, b) => a - b);
  const out: PageLink[] = [];
  let prev = 0;
  for (const p of sorted) {
    if (p - prev === 2) out.push({ kind: "page", page: p - 1, current: false });
    else if (p - prev > 2) out.push({ kind: "gap", key: `gap-${prev}-${p}` });
    out.push({ kind: "page", page: p, current: p === current });
    prev = p;
  }
  return out;
}

/**
 * Link to page N of a list at `basePath`, keeping the list's other parameters (search: `q`,
 * `channel`; empty values are left out). Page 1 carries no `page`, so it has one canonical URL.
 */
export function pageHref(
  basePath: string,
  page: number,
  params: Readonly<Record<string, string>> = {},
): string {
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== "") search.set(k, v);
  if (page > 1) search.set("page", String(page));
  const qs = search.toString();
  return qs ? `${basePath}?${qs}` : basePath;
}
