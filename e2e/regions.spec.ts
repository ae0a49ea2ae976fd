// The network of local sites: an admin adds a second city (桂林市) with two county channels from
// the editor area, a story is published in one of them, and readers find it under the city's own
// hub, with the city's channel bar and breadcrumb, never in 柳州's pages' sidebars. Hubs are valid
// HTML, accessible, in the sitemap; 1280/375 screenshots. The existing addresses keep working.
import { mkdirSync } from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { ADMIN, publishStory, readerPage, signIn, unique } from "./admin-helpers";
import { blockLinks, expectNoHorizontalOverflow, OTHER_PROCESS, validator } from "./helpers";

const SHOTS = process.env.REGION_SHOTS_DIR ?? "test-results/screenshots";

async function expectValid(request: APIRequestContext, url: string): Promise<string> {
  const r = await request.get(url);
  expect(r.status(), url).toBe(200);
  const body = await r.text();
  const report = await validator.validateString(body, url);
  expect(report.results.flatMap((x) => x.messages.map((m) => `${url} ${m.ruleId} ${m.message}`))).toEqual([]);
  return body;
}

async function expectAccessible(page: Page): Promise<void> {
  const axe = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const serious = axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

/** Every story link in the page's sidebar (the blocks right of the content). */
async function sidebarLinks(page: Page): Promise<string[]> {
  return page
    .locator("aside.sidebar a")
    .evaluateAll((els) => els.map((e) => e.getAttribute("href") ?? "").filter((h) => h.length > 0));
}

test("an admin adds a second city with two county channels; its story stays in its own city", async ({
  page,
  browser,
  request,
}) => {
  test.setTimeout(180_000);
  mkdirSync(SHOTS, { recursive: true });
  await signIn(page, ADMIN);

  // 1. The city and its counties, from /admin/regions.
  await page.getByRole("navigation", { name: "后台导航" }).getByRole("link", { name: "地区" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "地区" })).toBeVisible();
  const regionForm = page.getByRole("form", { name: "添加地区" });
  const addRegion = async (parent: string, name: string, slug: string) => {
    await regionForm.getByLabel("上级地区").selectOption({ label: parent });
    await regionForm.getByLabel("名称").fill(name);
    await regionForm.getByLabel("地址（拼音）").fill(slug);
    await regionForm.getByRole("button", { name: "添加地区" }).click();
    await expect(regionForm.locator(".adm-form-message")).toHaveText(new RegExp(`已添加.*${name}`));
  };
  // Refused: a slug that is not pinyin, and a name the province already has; the input stays.
  await regionForm.getByLabel("上级地区").selectOption({ label: "广西（省份）" });
  await regionForm.getByLabel("名称").fill("柳州市");
  await regionForm.getByLabel("地址（拼音）").fill("Liu Zhou");
  await regionForm.getByRole("button", { name: "添加地区" }).click();
  await expect(regionForm.locator("#region-slug-error")).toContainText("小写拼音");
  await regionForm.getByLabel("地址（拼音）").fill("liuzhou2");
  await regionForm.getByRole("button", { name: "添加地区" }).click();
  await expect(regionForm.locator("#region-name-error")).toHaveText("同一上级下已有同名地区");
  await expect(regionForm.getByLabel("名称")).toHaveValue("柳州市");

  await addRegion("广西（省份）", "桂林市", "guilin");
  await addRegion("广西 › 桂林市（城市）", "阳朔县", "yangshuo");
  await addRegion("广西 › 桂林市（城市）", "龙胜各族自治县", "longsheng");
  const table = page.getByRole("region", { name: "地区列表" });
  await expect(table.getByRole("link", { name: "/region/guangxi/guilin" })).toBeVisible();
  await expect(table.getByRole("row").filter({ hasText: "广西 › 桂林市 › 阳朔县" })).toBeVisible();

  // 2. Two county channels, from /admin/channels.
  await page.getByRole("navigation", { name: "后台导航" }).getByRole("link", { name: "频道" }).click();
  const channelForm = page.getByRole("form", { name: "新建频道" });
  const addChannel = async (region: string, name: string, slug: string, order: string) => {
    await channelForm.getByLabel("所属地区").selectOption({ label: region });
    await channelForm.getByLabel("名称").fill(name);
    await channelForm.getByLabel("地址（拼音）").fill(slug);
    await channelForm.getByLabel("顺序").fill(order);
    await channelForm.getByRole("button", { name: "新建频道" }).click();
    await expect(channelForm.locator(".adm-form-message")).toHaveText(`已新建频道 ${name}（/${slug}）`);
  };
  // Refused: the address of an existing channel.
  await channelForm.getByLabel("所属地区").selectOption({ label: "广西 › 桂林市 › 阳朔县" });
  await channelForm.getByLabel("名称").fill("阳朔新闻");
  await channelForm.getByLabel("地址（拼音）").fill("liuzhou");
  await channelForm.getByRole("button", { name: "新建频道" }).click();
  await expect(channelForm.locator("#channel-new-slug-error")).toHaveText("已有频道使用这个地址");
  await addChannel("广西 › 桂林市 › 阳朔县", "阳朔新闻", "yangshuo", "110");
  await addChannel("广西 › 桂林市 › 龙胜各族自治县", "龙胜新闻", "longsheng", "120");
  await page.screenshot({ path: `${SHOTS}/admin-channels-new-1280.png`, fullPage: true });

  // 3. A story in 阳朔新闻.
  const title = unique("阳朔遇龙河竹筏漂流季开启");
  const id = await publishStory(page, {
    channel: "阳朔新闻",
    title,
    summary: "遇龙河沿线竹筏码头恢复运营。",
    body: "**导语：**阳朔县遇龙河竹筏漂流季开启，沿线码头恢复运营。",
  });
  const storyHref = `/yangshuo/${id}`;

  const reader = (await readerPage(browser)).page;
  // The city hub: its channels' newest stories, its own channel bar and breadcrumb.
  await reader.goto("/region/guangxi/guilin");
  await expect(reader.getByRole("heading", { level: 1 })).toHaveText("桂林市");
  expect(await blockLinks(reader, "city-latest")).toContain(storyHref);
  expect(await blockLinks(reader, "channel-yangshuo")).toContain(storyHref);
  const bar = reader.getByRole("navigation", { name: "频道" });
  await expect(bar.getByRole("link", { name: "桂林市" })).toHaveAttribute("aria-current", "page");
  await expect(bar.getByRole("link", { name: "阳朔新闻" })).toHaveAttribute("href", "/yangshuo");
  await expect(bar.getByRole("link", { name: "龙胜新闻" })).toBeVisible();
  await expect(bar.getByRole("link", { name: "柳江新闻" })).toHaveCount(0);
  const crumbs = reader.getByRole("navigation", { name: "当前位置" });
  await expect(crumbs.getByRole("link", { name: "广西" })).toHaveAttribute("href", "/region/guangxi");
  await reader.screenshot({ path: `${SHOTS}/city-hub-1280.png`, fullPage: true });
  await expectAccessible(reader);

  // The story: the city's bar, a breadcrumb linking province and city hubs.
  await reader.goto(storyHref);
  await expect(reader.getByRole("heading", { level: 1 })).toHaveText(title);
  await expect(bar.getByRole("link", { name: "阳朔新闻" })).toHaveAttribute("aria-current", "page");
  await expect(bar.getByRole("link", { name: "柳州新闻" })).toHaveCount(0);
  await expect(crumbs.getByRole("link", { name: "桂林市" })).toHaveAttribute(
    "href",
    "/region/guangxi/guilin",
  );
  await expect(crumbs).toContainText("阳朔县");
  // 频道推荐 of the city's other channel picks it up: the city's own lists.
  await reader.goto("/longsheng");
  expect(await blockLinks(reader, "channel-picks")).toContain(storyHref);

  // 柳州: its channel page, a story and the city hub never show it in their sidebars.
  await reader.goto("/liuzhou");
  await expect(reader.getByRole("heading", { level: 1 })).toHaveText("柳州新闻");
  await expect(bar.getByRole("link", { name: "阳朔新闻" })).toHaveCount(0);
  await expect(bar.getByRole("link", { name: "柳江新闻" })).toBeVisible();
  expect(await sidebarLinks(reader)).not.toContain(storyHref);
  await crumbs.getByRole("link", { name: "柳州市" }).click();
  await expect(reader).toHaveURL(/\/region\/guangxi\/liuzhou$/);
  await expect(reader.getByRole("heading", { level: 1 })).toHaveText("柳州市");
  expect(await blockLinks(reader, "channel-liujiang")).not.toHaveLength(0);
  expect(await sidebarLinks(reader)).not.toContain(storyHref);
  expect(await blockLinks(reader, "city-latest")).not.toContain(storyHref);
  await reader.goto("/liujiang");
  await reader.locator("main .teaser-title a").first().click();
  await expect(reader).toHaveURL(/\/liujiang\/\d+$/);
  expect(await sidebarLinks(reader)).not.toContain(storyHref);
  for (const block of ["related", "you-may-like", "recommended"]) {
    expect(await blockLinks(reader, block), block).not.toContain(storyHref);
  }

  // The home page stays 柳州's, and features the other city with its newest stories.
  await reader.goto("/");
  expect(await sidebarLinks(reader)).not.toContain(storyHref);
  await expect(bar.getByRole("link", { name: "阳朔新闻" })).toHaveCount(0);
  expect(await blockLinks(reader, "city-guilin")).toContain(storyHref);
  await bar.getByRole("link", { name: "更多城市" }).click();
  await expect(reader).toHaveURL(/\/region\/guangxi$/);

  // The province hub lists its cities.
  await expect(reader.getByRole("heading", { level: 1 })).toHaveText("广西");
  expect(await blockLinks(reader, "city-guilin")).toContain(storyHref);
  await expect(reader.getByRole("link", { name: "桂林市：进入城市频道" })).toHaveAttribute(
    "href",
    "/region/guangxi/guilin",
  );
  await expect(reader.getByRole("link", { name: "柳州市：进入城市频道" })).toBeVisible();
  await reader.screenshot({ path: `${SHOTS}/province-hub-1280.png`, fullPage: true });
  await expectAccessible(reader);

  // Phones.
  await reader.setViewportSize({ width: 375, height: 800 });
  for (const [path, shot] of [
    ["/region/guangxi/guilin", "city-hub-375"],
    ["/region/guangxi", "province-hub-375"],
    ["/", "home-cities-375"],
  ] as const) {
    await reader.goto(path);
    await expectNoHorizontalOverflow(reader);
    await reader.screenshot({ path: `${SHOTS}/${shot}.png`, fullPage: true });
  }

  // Valid HTML; unknown regions are real 404s; hubs in the sitemap; old addresses unchanged.
  for (const path of [
    "/region/guangxi",
    "/region/guangxi/guilin",
    "/region/guangxi/liuzhou",
    "/",
    storyHref,
  ]) {
    await expectValid(request, path);
  }
  for (const path of ["/region/nowhere", "/region/guangxi/nowhere", "/region/guangxi/yangshuo"]) {
    expect((await request.get(path)).status(), path).toBe(404);
  }
  const sitemap = await (await request.get("/sitemap.xml")).text();
  for (const path of ["/region/guangxi", "/region/guangxi/liuzhou", "/region/guangxi/guilin", "/yangshuo"]) {
    expect(sitemap).toContain(`${path}</loc>`);
  }
  expect((await request.get("/liuzhou")).status()).toBe(200);
  // The other process, never restarted, serves the new city too.
  const other = await request.get(`${OTHER_PROCESS}/region/guangxi/guilin`);
  expect(other.status()).toBe(200);
  expect(await other.text()).toContain(`href="${storyHref}"`);
});
