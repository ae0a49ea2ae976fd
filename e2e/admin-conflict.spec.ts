// Two editors on one story: the second save from the same version is refused, and the second
// editor's text stays in the form (lib/articles/service.ts decides this inside the save's
// transaction; lib/articles/service.int.test.ts races two saves).
import { expect, test } from "@playwright/test";
import {
  ADMIN,
  EDITOR,
  bodyEditor,
  fillBody,
  fillStory,
  formMessage,
  signIn,
  submitNewStory,
  unique,
} from "./admin-helpers";

test("a save over someone else's newer save is refused and keeps what was typed", async ({
  page,
  browser,
}) => {
  await signIn(page, EDITOR);
  await page.goto("/admin/articles/new");
  await fillStory(page, { title: unique("两位编辑同时修改"), body: "初稿正文。" });
  const id = await submitNewStory(page, "保存草稿");

  // Another editor opens the same version and saves first.
  const other = await browser.newContext();
  const admin = await other.newPage();
  await signIn(admin, ADMIN);
  await page.goto(`/admin/articles/${id}`);
  await admin.goto(`/admin/articles/${id}`);
  const theirs = unique("管理员的标题");
  await admin.getByLabel("标题", { exact: true }).fill(theirs);
  await admin.getByRole("button", { name: "保存草稿", exact: true }).click();
  await expect(formMessage(admin)).toContainText("已保存");

  const mine = unique("编辑的标题");
  await page.getByLabel("标题", { exact: true }).fill(mine);
  await fillBody(page, "编辑改写的正文，不能丢。");
  await page.getByRole("button", { name: "保存草稿", exact: true }).click();
  await expect(formMessage(page)).toContainText("已被修改");
  await expect(page.getByLabel("标题", { exact: true })).toHaveValue(mine);
  await expect(bodyEditor(page)).toHaveText("编辑改写的正文，不能丢。");

  // The story holds the first save.
  await page.reload();
  await expect(page.getByLabel("标题", { exact: true })).toHaveValue(theirs);
  await other.close();
});
