import { expect, test, type Page } from "@playwright/test";
import QRCode from "qrcode";
import { ARTICLE_HREF, expectNoHorizontalOverflow } from "./helpers";

const SHOTS = "test-results/screenshots";

/** The 热度 figures of the ranking list on the page, as numbers ("1,234" or "1.2万"). */
async function heatNumbers(page: Page): Promise<number[]> {
  const texts = await page.locator("main .rank-page .ranking .heat").allInnerTexts();
  return texts.map((t) => {
    const s = t.replace(/热度|,|\s/g, "");
    return s.endsWith("万") ? Number(s.slice(0, -1)) * 10_000 : Number(s);
  });
}

function expectNonIncreasing(numbers: number[], what: string): void {
  for (let i = 1; i < numbers.length; i++) {
    expect(numbers[i], `${what} #${i + 1}`).toBeLessThanOrEqual(numbers[i - 1] ?? Infinity);
  }
}

test("/rank lists the most-read stories by 热度, per window and per channel", async ({ page }) => {
  await page.goto("/");
  // Reached from the 热点排行 sidebar's 更多 and from the footer.
  await expect(page.locator("footer").getByRole("link", { name: "热点排行" })).toHaveAttribute(
    "href",
    "/rank",
  );
  await page.getByRole("link", { name: "热点排行：更多" }).click();
  await expect(page).toHaveURL(/\/rank$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("全站 · 24小时");

  const windows = page.getByRole("navigation", { name: "排行时段" });
  const channels = page.getByRole("navigation", { name: "排行频道" });
  await expect(windows.getByRole("link", { name: "24小时" })).toHaveAttribute("aria-current", "page");
  await expect(channels.getByRole("link", { name: "全站" })).toHaveAttribute("aria-current", "page");

  const items = page.locator("main .rank-page .ranking li");
  expect(await items.count()).toBeGreaterThan(5);
  expect(await items.count()).toBeLessThanOrEqual(50);
  // Rank number, title link to a story, its channel, the figure.
  const first = items.first();
  await expect(first.locator(".rank")).toHaveText("1");
  await expect(first.locator("a").first()).toHaveAttribute("href", ARTICLE_HREF);
  await expect(first.locator(".rank-channel")).toHaveText(/新闻$/);
  await expect(first.locator(".heat")).toHaveAttribute("title", /^热度：/);
  await expect(page.locator("main .rank-page .rank-legend")).toContainText("越新的阅读分量越重");
  expectNonIncreasing(await heatNumbers(page), "24h");
  await page.screenshot({ path: `${SHOTS}/rank-desktop.png`, fullPage: true });

  await windows.getByRole("link", { name: "一周" }).click();
  await expect(page).toHaveURL(/\/rank\/7d$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("全站 · 一周");
  await expect(windows.getByRole("link", { name: "一周" })).toHaveAttribute("aria-current", "page");
  expectNonIncreasing(await heatNumbers(page), "7d");

  await channels.getByRole("link", { name: "融安新闻" }).click();
  await expect(page).toHaveURL(/\/rank\/7d\/rongan$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("融安新闻 · 一周");
  await expect(channels.getByRole("link", { name: "融安新闻" })).toHaveAttribute("aria-current", "page");
  const hrefs = await page
    .locator("main .rank-page .ranking li > a:first-of-type")
    .evaluateAll((els) => els.map((e) => e.getAttribute("href") ?? ""));
  expect(hrefs.length).toBeGreaterThan(0);
  for (const href of hrefs) expect(href).toMatch(/^\/rongan\/\d+$/);
  expectNonIncreasing(await heatNumbers(page), "7d rongan");

  // The window keeps the channel; the month's list of the channel.
  await windows.getByRole("link", { name: "一月" }).click();
  await expect(page).toHaveURL(/\/rank\/30d\/rongan$/);
  expectNonIncreasing(await heatNumbers(page), "30d rongan");
  // The older query form is sent to the path form.
  await page.goto("/rank?channel=sanjiang");
  await expect(page).toHaveURL(/\/rank\/24h\/sanjiang(\?|$)/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("三江新闻 · 24小时");
  expectNonIncreasing(await heatNumbers(page), "24h sanjiang");

  await page.setViewportSize({ width: 375, height: 800 });
  await page.goto("/rank?window=7d");
  await expectNoHorizontalOverflow(page);
  await page.screenshot({ path: `${SHOTS}/rank-phone.png`, fullPage: true });
});

test("the sidebar's 热点排行 shows numbers that never increase down each list", async ({ page }) => {
  await page.goto("/liujiang");
  const panels = page.locator('section[data-block="hot-ranking"] [role="tabpanel"]');
  expect(await panels.count()).toBe(3);
  for (let p = 0; p < 3; p++) {
    const texts = await panels
      .nth(p)
      .locator(".heat")
      .evaluateAll((els) => els.map((e) => e.textContent ?? ""));
    const numbers = texts.map((t) => {
      const s = t.replace(/热度|,|\s/g, "");
      return s.endsWith("万") ? Number(s.slice(0, -1)) * 10_000 : Number(s);
    });
    expect(numbers.length).toBeGreaterThan(0);
    expectNonIncreasing(numbers, `sidebar panel ${p}`);
  }
});

test("a ranking address that names an unknown window or channel is a readable 404", async ({ request }) => {
  for (const path of [
    "/rank/1y",
    "/rank/24h/no-such-channel",
    "/rank/7d/nope",
    "/rank?window=1y",
    "/rank?channel=no-such-channel",
    "/rank?window=7d&channel=nope",
  ]) {
    const res = await request.get(path);
    expect(res.status(), path).toBe(404);
    expect(await res.text(), path).toContain("页面不存在");
  }
  // A value that cannot be a window or a channel is ignored like any other query string.
  for (const path of ["/rank?window=../admin", "/rank?channel=..%2F..%2Fadmin", "/rank?channel=%ff"]) {
    const res = await request.get(path);
    expect(res.status(), path).toBe(200);
    expect(await res.text(), path).toContain("全站 · 24小时");
  }
});

test("a story carries its share card and QR code, and prints without the page around it", async ({
  page,
}) => {
  await page.goto("/liujiang");
  const href = await page.locator("main .teaser-title a").first().getAttribute("href");
  expect(href).toMatch(ARTICLE_HREF);
  await page.goto(href ?? "/");

  // Open Graph and WeChat's itemprop fields, with absolute addresses.
  const meta = (selector: string) => page.locator(selector).first().getAttribute("content");
  const ogUrl = await meta('meta[property="og:url"]');
  expect(ogUrl).toMatch(new RegExp(`^https?://[^/]+${href}$`));
  const title = await page.getByRole("heading", { level: 1 }).innerText();
  expect(await meta('meta[property="og:title"]')).toBe(title);
  expect(await meta('meta[property="og:description"]')).toBeTruthy();
  const ogImage = await meta('meta[property="og:image"]');
  expect(ogImage).toMatch(/^https?:\/\/[^/]+\/(media\/.+\.webp|logo\.png)$/);
  const share = page.locator('section[data-block="share"]');
  expect(await share.locator('meta[itemprop="name"]').getAttribute("content")).toBe(title);
  expect(await share.locator('meta[itemprop="description"]').getAttribute("content")).toBe(
    await meta('meta[property="og:description"]'),
  );
  expect(await share.locator('meta[itemprop="image"]').getAttribute("content")).toBe(ogImage);

  // The QR code is inline SVG in the page's HTML, of the story's canonical address.
  const qr = share.getByRole("img", { name: "手机扫码阅读" });
  await expect(qr).toBeVisible();
  expect(await qr.evaluate((el) => el.tagName.toLowerCase())).toBe("svg");
  const expected = await QRCode.toString(ogUrl ?? "", { type: "svg", errorCorrectionLevel: "M", margin: 2 });
  const modules = (svg: string) => /<path[^>]*stroke="[^"]*"[^>]*d="([^"]+)"/.exec(svg)?.[1];
  expect(modules(await qr.evaluate((el) => el.outerHTML))).toBe(modules(expected));
  await share.scrollIntoViewIfNeeded();
  await share.screenshot({ path: `${SHOTS}/share-desktop.png` });

  // Print: the story alone.
  await page.emulateMedia({ media: "print" });
  await expect(page.locator("aside.sidebar")).toBeHidden();
  await expect(page.locator(".site-header")).toBeHidden();
  await expect(page.locator(".site-footer")).toBeHidden();
  await expect(share).toBeHidden();
  await expect(page.locator('section[data-block="comments"]')).toBeHidden();
  await expect(page.locator(".comment-form")).toBeHidden();
  await expect(page.locator('section[data-block="related"]')).toBeHidden();
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.locator(".story-meta")).toBeVisible();
  await expect(page.locator(".story-body")).toBeVisible();
  const figure = page.locator(".story-figure");
  if ((await figure.count()) > 0) await expect(figure.locator("figcaption")).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/article-print.png`, fullPage: true });
  await page.emulateMedia({ media: "screen" });

  await page.setViewportSize({ width: 375, height: 800 });
  await page.reload();
  await expectNoHorizontalOverflow(page);
  await page.locator('section[data-block="share"]').screenshot({ path: `${SHOTS}/share-phone.png` });
});
