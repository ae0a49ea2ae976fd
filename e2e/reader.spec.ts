import { expect, test } from "@playwright/test";
import { ARTICLE_HREF, CHANNELS, blockLinks, expectNoHorizontalOverflow } from "./helpers";

const SHOTS = "test-results/screenshots";

test("home → channel → page 2 → article, every channel link works", async ({ page }) => {
  const res = await page.goto("/");
  expect(res?.status()).toBe(200);
  const bar = page.getByRole("navigation", { name: "频道" });
  for (const c of CHANNELS) {
    await expect(bar.getByRole("link", { name: c.name, exact: true })).toHaveAttribute("href", `/${c.slug}`);
  }
  // Home: a headline area and one block per channel, each with stories.
  await expect(page.getByRole("region", { name: "头条" }).getByRole("link").first()).toBeVisible();
  for (const c of CHANNELS) {
    const links = await blockLinks(page, `channel-${c.slug}`);
    expect(links.filter((h) => ARTICLE_HREF.test(h)).length, c.name).toBeGreaterThanOrEqual(5);
  }
  await page.screenshot({ path: `${SHOTS}/home-desktop.png`, fullPage: true });

  // Every channel page answers and lists its own stories.
  for (const c of CHANNELS) {
    const r = await page.request.get(`/${c.slug}`);
    expect(r.status(), c.slug).toBe(200);
  }

  await bar.getByRole("link", { name: "柳江新闻", exact: true }).click();
  await expect(page).toHaveURL(/\/liujiang$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/柳江新闻/);
  const firstPageTitles = await page.locator("main .teaser-title a").allTextContents();
  expect(firstPageTitles.length).toBe(20);
  await page.screenshot({ path: `${SHOTS}/channel-desktop.png`, fullPage: true });

  await page.getByRole("navigation", { name: "分页" }).getByRole("link", { name: "下一页" }).click();
  await expect(page).toHaveURL(/\/liujiang\?page=2$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("第 2 页");
  const secondPageTitles = await page.locator("main .teaser-title a").allTextContents();
  expect(secondPageTitles.length).toBeGreaterThan(0);
  expect(secondPageTitles.filter((t) => firstPageTitles.includes(t))).toEqual([]);

  const first = page.locator("main .teaser-title a").first();
  const title = (await first.textContent()) ?? "";
  await first.click();
  await expect(page).toHaveURL(/\/liujiang\/\d+$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
});

test("an article page shows all sixteen blocks filled from the database", async ({ page, request }) => {
  await page.goto("/rongshui");
  await page.locator("main .teaser-title a").first().click();
  await expect(page).toHaveURL(/\/rongshui\/\d+$/);

  // 1 channel bar, 2 breadcrumb, 3 title, 4 meta line, 5 body, 6 byline
  await expect(
    page.getByRole("navigation", { name: "频道" }).getByRole("link", { name: "融水新闻" }),
  ).toHaveAttribute("aria-current", "page");
  const crumbs = page.getByRole("navigation", { name: "当前位置" });
  await expect(crumbs).toContainText("广西");
  await expect(crumbs).toContainText("柳州市");
  await expect(crumbs.getByRole("link", { name: "融水新闻" })).toBeVisible();
  await expect(crumbs).toContainText("正文");
  await expect(page.getByRole("heading", { level: 1 })).toHaveCount(1);
  const meta = page.locator(".story-meta");
  await expect(meta).toContainText("来源：");
  await expect(meta.locator("time")).toHaveText(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
  await expect(page.locator(".story-body p").first()).toBeVisible();
  await expect(page.locator(".byline")).toHaveText(/\S/);

  // 7 新闻推荐 (with excerpts), 8 slogan, 9 相关新闻, 10 猜你喜欢, 11 评论,
  // 12 频道推荐, 13 热点阅读, 14 图文看点, 15 乡里乡亲, 16 热点排行
  await expect(page.locator('section[data-block="recommended"] .teaser-excerpt').first()).toHaveText(
    /.{20,}/,
  );
  await expect(page.locator(".channel-slogan-band")).toHaveText(/\S/);
  await expect(page.getByRole("heading", { name: /^评论：/ })).toBeVisible();
  const self = new URL(page.url()).pathname;
  const seen = new Set<string>();
  for (const block of [
    "recommended",
    "related",
    "you-may-like",
    "channel-picks",
    "hot-reading",
    "pictures",
    "community",
    "hot-ranking",
  ]) {
    const links = await blockLinks(page, block);
    expect(links.length, `${block} has items`).toBeGreaterThan(0);
    for (const href of links) {
      expect(href, `${block} links to an article`).toMatch(ARTICLE_HREF);
      if (block === "related" || block === "you-may-like")
        expect(href, `${block} never links to the story itself`).not.toBe(self);
      seen.add(href);
    }
  }
  // 猜你喜欢 repeats nothing from 新闻推荐 or 相关新闻.
  const shown = new Set([...(await blockLinks(page, "recommended")), ...(await blockLinks(page, "related"))]);
  for (const href of await blockLinks(page, "you-may-like")) expect(shown.has(href), href).toBe(false);
  // Pictures have alt text; the ranking shows 热度 figures.
  for (const alt of await page
    .locator('section[data-block="pictures"] img')
    .evaluateAll((els) => els.map((e) => e.getAttribute("alt")))) {
    expect(alt ?? "").not.toBe("");
  }
  await expect(page.locator('section[data-block="hot-ranking"] .heat').first()).toHaveText(/\d/);
  // Every linked story is a real, published page.
  for (const href of seen) {
    const r = await request.get(href);
    expect(r.status(), href).toBe(200);
  }
  await page.screenshot({ path: `${SHOTS}/article-desktop.png`, fullPage: true });
});

test("opening an article counts a view", async ({ page, request }) => {
  await page.goto("/sanjiang");
  const href = (await page.locator("main .teaser-title a").nth(3).getAttribute("href")) ?? "";
  const id = href.split("/").pop();
  const before = (await (await request.get(`/api/views/${id}`)).json()) as { views: number };
  await page.goto(href);
  await expect
    .poll(async () => ((await (await request.get(`/api/views/${id}`)).json()) as { views: number }).views, {
      timeout: 10_000,
    })
    .toBe(before.views + 1);
});

test("unknown channels, stories and pages are real 404s", async ({ request, page }) => {
  const story = /href="(\/liujiang\/(\d+))"/.exec(await (await request.get("/liujiang")).text());
  expect(story).toBeTruthy();
  for (const path of [
    "/no-such-channel",
    // A story's number under a segment of the site's own is not that story (no redirect to it).
    `/admin/${story?.[2]}`,
    `/api/${story?.[2]}`,
    "/liujiang/99999999",
    "/liujiang/abc",
    "/liujiang?page=0",
    "/liujiang?page=abc",
    "/liujiang?page=999",
    "/a/b/c",
  ]) {
    const r = await request.get(path, { maxRedirects: 0 });
    expect(r.status(), path).toBe(404);
    // Rendered on the server: readers without JavaScript (and crawlers) see the page too.
    const html = await r.text();
    expect(html, path).toContain("<h1>页面不存在</h1>");
    expect(html, path).toContain('<html lang="zh-CN"');
  }
  await page.goto("/liujiang/99999999");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("页面不存在");
  // A beacon for a missing story is refused too.
  expect((await request.post("/api/views/99999999")).status()).toBe(404);
});

test("a story under the wrong channel redirects to its one address", async ({ page }) => {
  await page.goto("/liucheng");
  const href = (await page.locator("main .teaser-title a").first().getAttribute("href")) ?? "";
  const id = href.split("/").pop();
  await page.goto(`/liuzhou/${id}`);
  await expect(page).toHaveURL(new RegExp(`/liucheng/${id}$`));
});

test.describe("phone", () => {
  test.use({ viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true });

  test("home, channel and article read well at 375 px", async ({ page }) => {
    for (const [name, path] of [
      ["home", "/"],
      ["channel", "/rongan"],
    ] as const) {
      await page.goto(path);
      await expectNoHorizontalOverflow(page);
      await page.screenshot({ path: `${SHOTS}/${name}-phone.png`, fullPage: true });
    }
    await page.locator("main .teaser-title a").first().click();
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expectNoHorizontalOverflow(page);
    await page.screenshot({ path: `${SHOTS}/article-phone.png`, fullPage: true });
  });
});

test("the article page carries NewsArticle and BreadcrumbList JSON-LD and social metadata", async ({
  page,
}) => {
  await page.goto("/liuzhou");
  await page.locator("main .teaser-title a").first().click();
  await expect(page).toHaveURL(/\/liuzhou\/\d+$/);
  await expect(page.locator('script[type="application/ld+json"]')).toHaveCount(2);
  const blocks = await page.locator('script[type="application/ld+json"]').allTextContents();
  const data = blocks.map((b) => JSON.parse(b) as Record<string, unknown>);
  const article = data.find((d) => d["@type"] === "NewsArticle");
  expect(article).toBeTruthy();
  for (const field of [
    "headline",
    "datePublished",
    "dateModified",
    "author",
    "publisher",
    "image",
    "mainEntityOfPage",
  ]) {
    expect(article?.[field], field).toBeTruthy();
  }
  expect(String(article?.datePublished)).toMatch(/\+08:00$/);
  expect(article?.headline).toBe(await page.getByRole("heading", { level: 1 }).textContent());
  const crumbs = data.find((d) => d["@type"] === "BreadcrumbList") as
    { itemListElement: { name: string }[] } | undefined;
  const visible = await page
    .getByRole("navigation", { name: "当前位置" })
    .getByRole("listitem")
    .allTextContents();
  expect(crumbs?.itemListElement.map((i) => i.name)).toEqual(visible);
  await expect(page.locator('link[rel="canonical"]')).toHaveAttribute("href", /\/liuzhou\/\d+$/);
  await expect(page.locator('meta[property="og:title"]')).toHaveAttribute("content", /\S/);
  await expect(page.locator('link[rel="alternate"][type="application/rss+xml"]').first()).toHaveAttribute(
    "href",
    /rss\.xml$/,
  );
});

test("tags on the article page link to their tag listing", async ({ page }) => {
  await page.goto("/luzhai");
  await page.locator("main .teaser-title a").first().click();
  await expect(page).toHaveURL(/\/luzhai\/\d+$/);
  const tag = page.getByRole("list", { name: "标签" }).getByRole("link").first();
  const name = (await tag.textContent()) ?? "";
  await tag.click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(name);
  await expect(page.locator("main .teaser-title a").first()).toBeVisible();
});
