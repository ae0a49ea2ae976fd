// 定时撤稿: an editor gives a live story an unpublish time a minute or two ahead; readers see it
// until then and not from that minute on, on both processes of the deployment (their cached pages
// expire at that minute), with no editor action. A reporter's form does not offer the field and
// the server refuses it when sent anyway.
import { mkdirSync } from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import {
  EDITOR,
  REPORTER,
  beijingLocal,
  fillStory,
  formMessage,
  readerPage,
  signIn,
  submitNewStory,
  unique,
} from "./admin-helpers";
import { OTHER_PROCESS, expectNoHorizontalOverflow, validator } from "./helpers";

const SHOTS = "/tmp/unpublish-shots";

/** No serious axe violations, valid server HTML, no overflow at 375 px; shots at 1280 and 375 px. */
async function checkScreen(page: Page, name: string): Promise<void> {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
  const html = await (await page.request.get(page.url())).text();
  const report = await validator.validateString(html, name);
  expect(report.results.flatMap((r) => r.messages.map((m) => `${m.line}:${m.column} ${m.message}`))).toEqual(
    [],
  );
  mkdirSync(SHOTS, { recursive: true });
  for (const width of [1280, 375]) {
    await page.setViewportSize({ width, height: 900 });
    if (width === 375) await expectNoHorizontalOverflow(page);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: `${SHOTS}/${name}-head-${width}.png` });
    await page.locator("#article-unpublish-at").evaluate((el) => el.scrollIntoView({ block: "center" }));
    await page.screenshot({ path: `${SHOTS}/${name}-${width}.png` });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

test("a story given 撤稿时间 disappears for readers at that minute on both processes", async ({
  page,
  browser,
}) => {
  test.setTimeout(240_000);
  await signIn(page, EDITOR);
  await page.goto("/admin/articles/new");
  const title = unique("定时撤稿测试");
  await fillStory(page, { title, body: "这是一篇定时撤稿的稿件。" });
  // The next full minute plus one: 60–120 s ahead.
  const due = Math.floor(Date.now() / 60_000) * 60_000 + 120_000;
  await page.getByLabel("撤稿时间（北京时间，可不填）").fill(beijingLocal(due));
  const id = await submitNewStory(page, "立即发布");
  const hhmm = beijingLocal(due).slice(11);
  await expect(page.locator(".adm-page-head")).toContainText(`已发布定时撤稿 ${hhmm}`);
  await expect(page.getByLabel("撤稿时间（北京时间，可不填）")).toHaveValue(beijingLocal(due));
  await checkScreen(page, "form");
  await page.goto("/admin/articles");
  await expect(page.getByRole("row").filter({ hasText: title })).toContainText(`定时撤稿 ${hhmm}`);

  // Readers on both processes see it now, and have its page and the channel list cached.
  const reader = await readerPage(browser);
  expect((await reader.page.goto(`/liujiang/${id}`))?.status()).toBe(200);
  await reader.page.goto("/liujiang");
  await expect(reader.page.getByRole("link", { name: title }).first()).toBeVisible();
  expect((await reader.page.request.get(`${OTHER_PROCESS}/liujiang/${id}`)).status()).toBe(200);
  expect(await (await reader.page.request.get(`${OTHER_PROCESS}/liujiang`)).text()).toContain(title);

  await expect(async () => {
    await reader.page.goto("/liujiang");
    await expect(reader.page.getByRole("link", { name: title })).toHaveCount(0, { timeout: 1_000 });
  }).toPass({ timeout: 150_000, intervals: [5_000] });
  expect(Date.now()).toBeGreaterThanOrEqual(due);
  expect((await reader.page.goto(`/liujiang/${id}`))?.status()).toBe(404);
  expect((await reader.page.request.get(`${OTHER_PROCESS}/liujiang/${id}`)).status()).toBe(404);
  expect(await (await reader.page.request.get(`${OTHER_PROCESS}/liujiang`)).text()).not.toContain(title);
  await reader.context.close();

  // The editor sees it as 已撤下, with nothing left pending.
  await page.goto(`/admin/articles/${id}`);
  await expect(page.locator(".adm-page-head .adm-status")).toHaveText("已撤下");
});

test("a reporter's form does not offer 撤稿时间 and the server refuses it", async ({ browser }) => {
  const context = await browser.newContext();
  const reporter = await context.newPage();
  await signIn(reporter, REPORTER);
  await reporter.goto("/admin/articles/new");
  const title = unique("记者定时撤稿");
  await fillStory(reporter, { title, channel: "柳州新闻", body: "正文。" });
  await expect(reporter.getByLabel(/撤稿时间/)).toHaveCount(0);
  // Sent anyway: the hidden field the form carries, given a time.
  await reporter.locator('input[name="unpublishAt"]').evaluate(
    (input, value) => {
      (input as HTMLInputElement).value = value;
    },
    beijingLocal(Date.now() + 3_600_000),
  );
  await reporter.getByRole("button", { name: "保存草稿" }).click();
  await expect(formMessage(reporter)).toHaveText("请检查标出的内容");
  await expect(reporter.locator("#article-unpublish-at-error")).toHaveText(
    "只有负责本频道的编辑、主编可以设置或取消定时撤稿",
  );
  await expect(reporter).toHaveURL(/\/admin\/articles\/new$/);
  await expect(reporter.getByLabel("标题", { exact: true })).toHaveValue(title);
  await context.close();
});
