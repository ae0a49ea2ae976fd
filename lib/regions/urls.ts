// Addresses of the region hubs. They live under /region/ so that a province or city slug can
// never meet a channel's address (/liuzhou is the channel 柳州新闻; its city's hub is
// /region/guangxi/liuzhou); "region" is a reserved channel slug (lib/channels/rules.ts).
export const REGION_PREFIX = "/region";

export function provinceHref(provinceSlug: string): string {
  return `${REGION_PREFIX}/${provinceSlug}`;
}

export function cityHref(provinceSlug: string, citySlug: string): string {
  return `${REGION_PREFIX}/${provinceSlug}/${citySlug}`;
}
