// 历史版本 → 比较: an editor sees what changed between two saves of a story, field by field, the
// Chinese text character by character, and can pick any two saves. The page is accessible.
import { mkdirSync } from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { EDITOR, fillStory, publishStory, signIn, unique } from "./admin-helpers";

test("an editor compares two saves of a story and sees each change", async ({ page }) => {
  await signIn(page, EDITOR);
  const title = unique("柳江大桥主桥合龙");
  const id = await publishStory(page, {
    title,
    body: "大桥全长1200米，今日合龙。\n\n预计年底通车。",
    tags: "交通",
  });
  await fillStory(page, {
    title: `${title}在即`,
    body: "大桥全长1020米，今日合龙。\n\n预计年底通车。",
    tags: "交通、民生",
  });
  await page.getByRole("button", { name: "保存修改" }).click();
  await expect(page).toHaveURL(/\?saved=/);

  await page.goto(`/admin/articles/${id}/revisions`);
  await page
    .getByRole("link", { name: /与上一版本$/ })
    .first()
    .click();
  await expect(page.getByRole("heading", { level: 1, name: /^版本比较：/ })).toBeVisible();
  await expect(page.getByText("3 处改动。")).toBeVisible();
  const titleDiff = page.getByRole("region", { name: "标题" });
  await expect(titleDiff.locator("ins")).toHaveText("在即");
  const body = page.getByRole("region", { name: "正文" });
  await expect(body.locator("del")).toHaveText(["0"]);
  await expect(body.locator("ins")).toHaveText(["0"]);
  await expect(body).toContainText("大桥全长10");
  await expect(page.getByRole("region", { name: "标签" }).locator("ins")).toHaveText("交通、民生");
  const axe = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21aa"]).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual(
    [],
  );
  mkdirSync("/tmp/revision-shots", { recursive: true });
  await page.screenshot({ path: "/tmp/revision-shots/compare-1280.png", fullPage: true });

  // The same save on both sides: nothing to show. A save of another story: not found.
  const older = await page.getByLabel("较早的版本").inputValue();
  await page.getByLabel("较新的版本").selectOption(older);
  await page.getByRole("button", { name: "比较" }).click();
  expect((await page.request.get(page.url())).status()).toBe(404);
  expect((await page.request.get(`/admin/articles/${id}/revisions/compare?from=${older}`)).status()).toBe(
    404,
  );
  expect((await page.request.get(`/admin/articles/${id}/revisions/compare?from=x&to=1`)).status()).toBe(404);
});
