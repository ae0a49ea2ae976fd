// 专题: an editor builds a topic with two sections (hand-picked stories found with the form's
// finder, and a tag) and readers see it on both processes: /zhuanti, the topic page, a section's
// pages, its feed, the home page's 专题 block and 本文所属专题 under a story; an edit shows on the
// next request, a deletion makes it a real 404. HTML validity, accessibility, 1280/375 screenshots.
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { EDITOR, readerPage, signIn, unique } from "./admin-helpers";
import { expectNoHorizontalOverflow, OTHER_PROCESS, validator } from "./helpers";

async function html(request: APIRequestContext, url: string, status = 200): Promise<string> {
  const r = await request.get(url);
  expect(r.status(), url).toBe(status);
  return r.text();
}

async function expectValid(request: APIRequestContext, url: string): Promise<string> {
  const body = await html(request, url);
  const report = await validator.validateString(body, url);
  expect(report.results.flatMap((r) => r.messages.map((m) => `${m.ruleId} ${m.message}`))).toEqual([]);
  return body;
}

async function expectAccessible(page: Page): Promise<void> {
  const axe = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21aa"]).analyze();
  expect(axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical")).toEqual([]);
}

test("an editor builds a 专题 with two sections and readers see it everywhere", async ({
  page,
  request,
  browser,
}, testInfo) => {
  test.setTimeout(120_000);
  // Two stories of the demo to hand-pick: the newest of 柳江新闻.
  const channel = await html(request, "/liujiang");
  const stories = [...channel.matchAll(/href="\/liujiang\/(\d+)"/g)].map((m) => m[1] ?? "");
  const [first, second] = [...new Set(stories)];
  expect(first && second).toBeTruthy();

  await signIn(page, EDITOR);
  await page.getByRole("navigation", { name: "后台导航" }).getByRole("link", { name: "专题" }).click();
  await page.getByRole("link", { name: "新建专题" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "新建专题" })).toBeVisible();

  // Bad input: clear errors next to the fields, nothing typed is lost.
  const title = unique("三月三歌圩");
  const slug = unique("sanyuesan-").toLowerCase();
  await page.getByLabel("专题标题").fill(title);
  await page.getByLabel("地址（拼音）").fill("三月三");
  await page.getByLabel("栏目 1 标题").fill("歌圩现场");
  await page.getByLabel("栏目 1 稿件（手选）").fill("abc");
  await page.getByRole("button", { name: "创建专题" }).click();
  await expect(page.getByText("地址须为小写拼音")).toBeVisible();
  await expect(page.getByText("“abc”不是稿件编号或地址")).toBeVisible();
  await expect(page.getByLabel("专题标题")).toHaveValue(title);

  await page.getByLabel("地址（拼音）").fill(slug);
  await page.getByLabel("简介").fill("三月三是壮族的传统节日。\n\n本专题汇集各县区的歌圩报道。");
  // The finder adds hand-picked stories by number.
  await page.getByLabel("栏目 1 稿件（手选）").fill(first ?? "");
  await page.getByLabel("查找稿件").fill(second ?? "");
  await page.getByRole("button", { name: "查找", exact: true }).click();
  await page.getByRole("button", { name: `加入 ${second}`, exact: true }).click();
  await expect(page.getByLabel("栏目 1 稿件（手选）")).toHaveValue(`${first}\n${second}`);
  await page.getByLabel("栏目 2 标题").fill("螺蛳粉");
  await page.getByRole("radiogroup", { name: "栏目 2 内容" }).getByLabel("按标签").check();
  await page.getByLabel("栏目 2 标签（按标签）").fill("螺蛳粉");
  await page.getByLabel("发布（读者可见）").check();
  await page.getByLabel("在首页专题栏显示").check();
  await page.getByRole("button", { name: "创建专题" }).click();
  await expect(page).toHaveURL(/\/admin\/topics\/\d+\?created=1$/);
  await expect(page.getByText("专题已创建")).toBeVisible();
  const editUrl = page.url();
  // The editor area's form and list pass the same checks.
  await expectAccessible(page);
  await page.goto("/admin/topics");
  await expect(page.getByRole("link", { name: title })).toBeVisible();
  await expectAccessible(page);

  const href = `/zhuanti/${slug}`;
  for (const base of ["", OTHER_PROCESS]) {
    const body = await expectValid(request, base + href);
    expect(body).toContain(title);
    expect(body).toContain("歌圩现场");
    expect(body).toContain(`href="/liujiang/${first}"`);
    expect(body).toContain(`href="/liujiang/${second}"`);
    expect(await expectValid(request, `${base}/zhuanti`)).toContain(href);
    expect(await expectValid(request, `${base}/`)).toContain(`href="${href}"`);
    expect(await html(request, `${base}/liujiang/${first}`)).toContain("本文所属专题");
  }
  // The tag section shows its newest six here and pages on its own address.
  const section = await expectValid(request, `${href}/2`);
  expect(section).toContain("螺蛳粉");
  await html(request, `${href}/2?page=99`, 404);
  await html(request, `${href}/9`, 404);
  await html(request, "/zhuanti/no-such-topic", 404);
  await html(request, "/zhuanti?page=99", 404);
  const feed = await request.get(`${href}/rss.xml`);
  expect(feed.status()).toBe(200);
  expect(feed.headers()["content-type"]).toContain("application/rss+xml");
  expect(await feed.text()).toContain(`/liujiang/${first}`);
  expect(await html(request, "/sitemap.xml")).toContain(href);

  // What a reader sees, at both widths.
  const reader = await readerPage(browser);
  await reader.page.goto(href);
  await expect(reader.page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(reader.page.getByRole("heading", { level: 2, name: "歌圩现场" })).toBeVisible();
  await expect(reader.page.getByRole("heading", { level: 2, name: "螺蛳粉" })).toBeVisible();
  await expectAccessible(reader.page);
  await reader.page.screenshot({ path: testInfo.outputPath("topic-1280.png"), fullPage: true });
  await reader.page.setViewportSize({ width: 375, height: 800 });
  await expectNoHorizontalOverflow(reader.page);
  await reader.page.screenshot({ path: testInfo.outputPath("topic-375.png"), fullPage: true });
  await reader.page.goto("/zhuanti");
  await expectAccessible(reader.page);
  await expectNoHorizontalOverflow(reader.page);
  await reader.page.screenshot({ path: testInfo.outputPath("list-375.png"), fullPage: true });
  await reader.page.setViewportSize({ width: 1280, height: 800 });
  await reader.page.screenshot({ path: testInfo.outputPath("list-1280.png"), fullPage: true });
  await reader.page.goto(`/liujiang/${first}`);
  await reader.page.getByText("本文所属专题").getByRole("link", { name: title }).click();
  await expect(reader.page).toHaveURL(new RegExp(`${href}$`));
  await reader.page.goto(`${href}/2`);
  await expectAccessible(reader.page);

  // An edit is on the next request of both processes; a deletion makes every page a 404.
  await page.goto(editUrl);
  await page.getByLabel("栏目 1 标题").fill("歌圩现场（更新）");
  await page.getByRole("button", { name: "保存专题" }).click();
  await expect(page.getByText("专题已保存")).toBeVisible();
  for (const base of ["", OTHER_PROCESS]) {
    expect(await html(request, base + href)).toContain("歌圩现场（更新）");
  }
  await page.getByRole("button", { name: "删除专题" }).click();
  await expect(page.getByText("请先勾选“确认删除”")).toBeVisible();
  await page.getByLabel(/确认删除专题/).check();
  await page.getByRole("button", { name: "删除专题" }).click();
  await expect(page).toHaveURL(/\/admin\/topics\?deleted=1$/);
  for (const base of ["", OTHER_PROCESS]) {
    await html(request, base + href, 404);
    expect(await html(request, `${base}/liujiang/${first}`)).not.toContain(title);
  }
  await reader.context.close();
});
