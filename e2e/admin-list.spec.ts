// The editor's story list: keyset pages (下一页/上一页 with a cursor in the address), filters kept
// across pages, title search; accessible and valid HTML on a page deep in the list; without
// JavaScript too (plain links and a GET form).
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { EDITOR, signIn } from "./admin-helpers";
import { expectNoHorizontalOverflow, validator } from "./helpers";

const titles = (page: Page) => page.locator("tbody tr td:first-child a").allTextContents();

test("the story list pages forward and back by cursor, keeping its filters", async ({ page, browser }) => {
  await signIn(page, EDITOR);
  await page.goto("/admin/articles");
  const first = await titles(page);
  expect(first).toHaveLength(30);
  await expect(page.getByText("上一页", { exact: true })).not.toHaveAttribute("href");

  await page.getByRole("link", { name: "下一页" }).click();
  await expect(page).toHaveURL(/\/admin\/articles\?after=\d+\.\d+$/);
  const second = await titles(page);
  expect(second.length).toBeGreaterThan(0);
  expect(second.filter((t) => first.includes(t))).toEqual([]);

  await page.getByRole("link", { name: "上一页" }).click();
  await expect(page).toHaveURL(/\/admin\/articles\?before=\d+\.\d+$/);
  expect(await titles(page)).toEqual(first);

  // A channel and a status: every story shown has them, and the next page keeps both.
  await page.goto("/admin/articles");
  await page.getByLabel("频道").selectOption({ label: "柳州新闻" });
  await page.getByLabel("状态").selectOption({ label: "已发布" });
  await page.getByRole("button", { name: "筛选" }).click();
  await expect(page).toHaveURL(/channel=\d+&status=published/);
  const cells = async () => ({
    channels: await page.locator('tbody td[data-label="频道"]').allTextContents(),
    statuses: await page.locator('tbody td[data-label="状态"]').allTextContents(),
  });
  let shown = await cells();
  expect(new Set(shown.channels)).toEqual(new Set(["柳州新闻"]));
  expect(new Set(shown.statuses)).toEqual(new Set(["已发布"]));
  const next = page.getByRole("link", { name: "下一页" });
  if ((await next.count()) > 0) {
    await next.click();
    await expect(page).toHaveURL(/channel=\d+&status=published&after=\d+\.\d+/);
    shown = await cells();
    expect(new Set(shown.channels)).toEqual(new Set(["柳州新闻"]));
    expect(new Set(shown.statuses)).toEqual(new Set(["已发布"]));
  }

  // Title search: the word of a listed story's title finds it.
  const title = first[0] ?? "";
  const word = Array.from(title).slice(0, 4).join("");
  await page.goto("/admin/articles");
  await page.getByLabel("标题").fill(word);
  await page.getByRole("button", { name: "筛选" }).click();
  await expect(page.getByRole("heading", { name: "筛选结果" })).toBeVisible();
  for (const t of await titles(page)) expect(t.toLowerCase()).toContain(word.toLowerCase());
  await expect(page.getByRole("link", { name: title, exact: true }).first()).toBeVisible();

  // A page deep in the list: accessible, valid HTML, fits a phone; screenshots at both widths.
  await page.goto("/admin/articles");
  await page.getByRole("link", { name: "下一页" }).click();
  const deep = page.url();
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => v.id)).toEqual([]);
  const report = await validator.validateString(await (await page.request.get(deep)).text(), deep);
  expect(report.results.flatMap((r) => r.messages.map((m) => `${m.ruleId} ${m.message}`))).toEqual([]);
  await page.screenshot({ path: "test-results/screenshots/admin-list-1280.png", fullPage: true });
  await page.setViewportSize({ width: 375, height: 800 });
  await page.goto(deep);
  await expectNoHorizontalOverflow(page);
  await page.screenshot({ path: "test-results/screenshots/admin-list-375.png", fullPage: true });

  // Without JavaScript the pages are plain links.
  const noJs = await browser.newContext({
    javaScriptEnabled: false,
    storageState: await page.context().storageState(),
  });
  const bare = await noJs.newPage();
  await bare.goto("/admin/articles");
  await bare.getByRole("link", { name: "下一页" }).click();
  await expect(bare).toHaveURL(/after=\d+\.\d+/);
  expect((await titles(bare)).filter((t) => first.includes(t))).toEqual([]);
  await noJs.close();
});
