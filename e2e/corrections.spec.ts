// 更正 and 更新说明: an editor adds a dated note to a published story; readers on every process see
// it at the end of the story and on /corrections, the story's structured data carries it as a
// CorrectionComment, its feed item and sitemap entry say it was updated; taking it down removes
// it everywhere. Bad input is refused with the field named and what was typed kept. The pages
// pass the HTML and accessibility checks.
import { mkdirSync } from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { EDITOR, fillStory, readerPage, signIn, submitNewStory, unique } from "./admin-helpers";
import { expectNoHorizontalOverflow, OTHER_PROCESS, validator } from "./helpers";

const SHOTS = "/tmp/corrections-shots";
async function html(request: APIRequestContext, url: string): Promise<string> {
  const r = await request.get(url);
  expect(r.status(), url).toBe(200);
  return r.text();
}

async function checkPage(
  page: Page,
  body: string,
  path: string,
  shot: string,
  anchor: string,
): Promise<void> {
  const report = await validator.validateString(body, path);
  expect(report.results.flatMap((r) => r.messages.map((m) => `${m.ruleId} ${m.message}`))).toEqual([]);
  await page.goto(path);
  const axe = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21aa"]).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual(
    [],
  );
  mkdirSync(SHOTS, { recursive: true });
  const show = () => page.locator(anchor).first().scrollIntoViewIfNeeded();
  await show();
  await page.screenshot({ path: `${SHOTS}/${shot}-1280.png` });
  await page.setViewportSize({ width: 375, height: 800 });
  await expectNoHorizontalOverflow(page);
  await show();
  await page.screenshot({ path: `${SHOTS}/${shot}-375.png` });
  await page.setViewportSize({ width: 1280, height: 900 });
}

function newsArticle(body: string): Record<string, unknown> | undefined {
  return [...body.matchAll(/<script type="application\/ld\+json">(.*?)<\/script>/g)]
    .map((m) => JSON.parse(m[1] ?? "null") as Record<string, unknown>)
    .find((b) => b["@type"] === "NewsArticle");
}

test("an editor corrects a published story in public, and takes the note down again", async ({
  page,
  browser,
  request,
}) => {
  test.setTimeout(180_000);
  const channel = await html(request, "/luzhai");
  const href = /href="(\/luzhai\/(\d+))"/.exec(channel);
  const path = href?.[1] ?? "";
  const id = href?.[2] ?? "";
  expect(id).not.toBe("");
  const startedAt = Date.now();

  await signIn(page, EDITOR);
  await page.goto(`/admin/articles/${id}`);
  await page.getByRole("link", { name: "更正与更新" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /^更正与更新：/ })).toBeVisible();

  // Bad input: refused, named, kept.
  const form = page.getByRole("region", { name: "添加说明" });
  await form.getByLabel("更新说明").check();
  await form.getByRole("button", { name: "发布说明" }).click();
  await expect(form.getByText("请写明更正或更新的内容")).toBeVisible();
  await expect(form.getByLabel("更新说明")).toBeChecked();
  const tooLong = "长".repeat(501);
  await form.getByLabel("说明内容").fill(tooLong);
  await form.getByRole("button", { name: "发布说明" }).click();
  await expect(form.getByText("最多 500 个字", { exact: true })).toBeVisible();
  await expect(form.getByLabel("说明内容")).toHaveValue(tooLong);

  const text = unique("本文此前称新桥全长1200米，应为1020米。特此更正。");
  await form.getByLabel("更正", { exact: true }).check();
  await form.getByLabel("说明内容").fill(text);
  await form.getByRole("button", { name: "发布说明" }).click();
  await expect(page.getByText("已发布，读者页面将在十几秒内显示")).toBeVisible();
  await expect(form.getByLabel("说明内容")).toHaveValue("");
  const adminAxe = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21aa"]).analyze();
  expect(adminAxe.violations.map((v) => v.id)).toEqual([]);
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/admin-1280.png`, fullPage: true });

  // Every process shows it at once: at the end of the story, in its structured data, first on
  // /corrections, and the feed and sitemap say the story was updated.
  for (const base of ["", OTHER_PROCESS]) {
    const story = await html(request, `${base}${path}`);
    expect(story).toContain(text);
    const ld = newsArticle(story);
    expect(ld?.correction).toEqual([
      expect.objectContaining({
        "@type": "CorrectionComment",
        text,
        datePublished: expect.stringMatching(/\+08:00$/),
      }),
    ]);
    expect(Date.parse(String(ld?.dateModified))).toBeGreaterThanOrEqual(startedAt - 60_000);
    const list = await html(request, `${base}/corrections`);
    expect(list.indexOf(text)).toBeGreaterThan(0);
    expect(list.indexOf(text)).toBeLessThan(list.indexOf("本文此前称全程马拉松关门时间"));
    expect(list).toContain(`href="${path}"`);
    const feed = await html(request, `${base}/luzhai/rss.xml`);
    const item = feed.split("<item>").find((i) => i.includes(`${path}</link>`)) ?? "";
    expect(Date.parse(/<atom:updated>([^<]+)</.exec(item)?.[1] ?? "")).toBeGreaterThanOrEqual(
      startedAt - 60_000,
    );
    const sitemap = await html(request, `${base}/sitemap.xml`);
    const entry = new RegExp(`${path}</loc><lastmod>([^<]+)</lastmod>`).exec(sitemap);
    expect(Date.parse(entry?.[1] ?? "")).toBeGreaterThanOrEqual(startedAt - 60_000);
  }

  const { context, page: reader } = await readerPage(browser);
  const notes = reader.getByRole("region", { name: "更正与更新说明" });
  await reader.goto(path);
  await expect(notes.getByText(text)).toBeVisible();
  await expect(notes.locator("strong").first()).toHaveText("更正");
  await checkPage(reader, await html(request, path), path, "story", ".story-notes");
  await checkPage(reader, await html(request, "/corrections"), "/corrections", "list", "h1");
  await reader.getByRole("link", { name: "更正与更新" }).first().click();
  await expect(reader).toHaveURL(/\/corrections$/);

  // Taken down: gone from the story and the list on every process.
  await page
    .getByRole("button", { name: /^撤下说明 #\d+$/ })
    .first()
    .click();
  await expect(page.getByText("还没有说明。")).toBeVisible();
  for (const base of ["", OTHER_PROCESS]) {
    expect(await html(request, `${base}${path}`)).not.toContain(text);
    expect(await html(request, `${base}/corrections`)).not.toContain(text);
  }
  await context.close();
});

test("a story that is not published takes no notes; /corrections pages past the end are 404", async ({
  page,
  request,
}) => {
  await signIn(page, EDITOR);
  await page.goto("/admin/articles/new");
  await fillStory(page, { title: unique("未发布的稿件"), body: "草稿正文。" });
  const draft = await submitNewStory(page, "保存草稿");
  await page.goto(`/admin/articles/${draft}/corrections`);
  await expect(page.getByText("这篇稿件尚未发布")).toBeVisible();
  await expect(page.getByRole("button", { name: "发布说明" })).toHaveCount(0);
  expect((await request.get("/corrections?page=99")).status()).toBe(404);
  expect((await request.get("/corrections?page=x")).status()).toBe(404);
});
