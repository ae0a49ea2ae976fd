import { expect, type Page } from "@playwright/test";

/** Every channel of the seeded region, in channel-bar order. */
export const CHANNELS = [
  { slug: "liuzhou", name: "柳州新闻" },
  { slug: "liujiang", name: "柳江新闻" },
  { slug: "liucheng", name: "柳城新闻" },
  { slug: "luzhai", name: "鹿寨新闻" },
  { slug: "rongan", name: "融安新闻" },
  { slug: "rongshui", name: "融水新闻" },
  { slug: "sanjiang", name: "三江新闻" },
] as const;

export const ARTICLE_HREF = /^\/(liuzhou|liujiang|liucheng|luzhai|rongan|rongshui|sanjiang)\/\d+$/;

/** The page never scrolls sideways (phone layouts). */
export async function expectNoHorizontalOverflow(page: Page): Promise<void> {
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
}

/** Hrefs of the links inside a block (a <section data-block=...>). */
export async function blockLinks(page: Page, block: string): Promise<string[]> {
  const links = page.locator(`section[data-block="${block}"] a`);
  const hrefs = await links.evaluateAll((els) => els.map((e) => e.getAttribute("href") ?? ""));
  return hrefs.filter((h) => h.length > 0);
}

/**
 * The second `next start` process on the same database (scripts/e2e-server.sh second), as in the
 * two-process production deployment.
 */
export const OTHER_PROCESS = `http://127.0.0.1:${process.env.E2E_PORT2 ?? 3211}`;
