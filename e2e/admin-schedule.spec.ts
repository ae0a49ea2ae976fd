// A story scheduled a minute or two ahead appears for readers on its own, with no editor action,
// on both processes of the deployment: their cached pages expire at its minute.
import { expect, test } from "@playwright/test";
import { EDITOR, beijingLocal, fillStory, readerPage, signIn, submitNewStory, unique } from "./admin-helpers";
import { OTHER_PROCESS } from "./helpers";

test("a scheduled story appears on time without any editor action", async ({ page, browser }) => {
  test.setTimeout(240_000);
  await signIn(page, EDITOR);
  await page.goto("/admin/articles/new");
  const title = unique("定时发布测试");
  await fillStory(page, { title, body: "这是一篇定时发布的稿件。" });
  // The next full minute plus one: 60–120 s ahead.
  const due = Math.floor(Date.now() / 60_000) * 60_000 + 120_000;
  await page.getByLabel("发布时间（北京时间）").fill(beijingLocal(due));
  const id = await submitNewStory(page, "定时发布");
  await expect(page.locator(".adm-page-head .adm-status")).toHaveText("定时发布");

  const reader = await readerPage(browser);
  const early = await reader.page.goto(`/liujiang/${id}`);
  expect(early?.status()).toBe(404);
  await reader.page.goto("/liujiang");
  await expect(reader.page.getByRole("link", { name: title })).toHaveCount(0);
  // The other process has both pages cached as they are before the minute.
  expect((await reader.page.request.get(`${OTHER_PROCESS}/liujiang/${id}`)).status()).toBe(404);
  expect(await (await reader.page.request.get(`${OTHER_PROCESS}/liujiang`)).text()).not.toContain(title);

  await expect(async () => {
    await reader.page.goto("/liujiang");
    await expect(reader.page.getByRole("link", { name: title }).first()).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 150_000, intervals: [5_000] });
  expect(Date.now()).toBeGreaterThanOrEqual(due);
  const story = await reader.page.goto(`/liujiang/${id}`);
  expect(story?.status()).toBe(200);
  await expect(reader.page.getByRole("heading", { level: 1 })).toHaveText(title);
  expect((await reader.page.request.get(`${OTHER_PROCESS}/liujiang/${id}`)).status()).toBe(200);
  expect(await (await reader.page.request.get(`${OTHER_PROCESS}/liujiang`)).text()).toContain(title);
  await reader.context.close();
});
