import net from "node:net";
import { expect, type Page } from "@playwright/test";
import { HtmlValidate } from "html-validate";

/**
 * The HTML checker every spec uses: html-validate's standard rules, except that React renders
 * forms bound to server actions with action="" (its progressive-enhancement form); everything
 * else about forms is still checked.
 */
export const validator = new HtmlValidate({
  extends: ["html-validate:standard"],
  rules: { "attribute-allowed-values": "off" },
});

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

/** Hrefs of the links of a block's items (a <section data-block=...>; not its heading's 更多). */
export async function blockLinks(page: Page, block: string): Promise<string[]> {
  const links = page.locator(`section[data-block="${block}"] a:not(.block-head a)`);
  const hrefs = await links.evaluateAll((els) => els.map((e) => e.getAttribute("href") ?? ""));
  return hrefs.filter((h) => h.length > 0);
}

/**
 * The second `next start` process on the same database (scripts/e2e-server.sh second), as in the
 * two-process production deployment.
 */
export const OTHER_PORT = Number(process.env.E2E_PORT2 ?? 3211);
export const OTHER_PROCESS = `http://127.0.0.1:${OTHER_PORT}`;

export interface Relay {
  url: string;
  close(): Promise<void>;
}

/**
 * http://127.0.0.1:<port> that reaches the e2e server on `port` (default: the first process) from
 * `localAddress`: a small TCP relay connecting from 127.0.0.N (any 127/8 address is local on
 * Linux), so the server's socket sees a client address of the test's choosing.
 */
export async function relayFrom(
  localAddress: string,
  port = Number(process.env.E2E_PORT ?? 3210),
): Promise<Relay> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const upstream = net.connect({ host: "127.0.0.1", port, localAddress });
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on("close", () => sockets.delete(s));
      s.on("error", () => {
        client.destroy();
        upstream.destroy();
      });
    }
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port: relayPort } = server.address() as net.AddressInfo;
  return {
    url: `http://127.0.0.1:${relayPort}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
