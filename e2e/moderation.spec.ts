// Reader comments wait for moderation; an editor approves them in the queue; readers then see them,
// as text.
import { expect, test, type Page } from "@playwright/test";
import { EDITOR, readerPage, signIn, unique } from "./admin-helpers";

/**
 * Post a comment on the story open in `page`, after the server's minimum fill time, which counts
 * from when the form came into view (its token is fetched then).
 */
async function postComment(page: Page, body: string): Promise<void> {
  await page.locator(".comment-form").scrollIntoViewIfNeeded();
  const shownAt = Date.now();
  await page.getByLabel("昵称（可不填，默认“网友”）").fill("柳江读者");
  await page.getByLabel("评论内容（2–500 字）").fill(body);
  const wait = shownAt + 3_500 - Date.now();
  if (wait > 0) await page.waitForTimeout(wait);
  await page.getByRole("button", { name: "发表评论" }).click();
  await expect(page.locator(".comment-form [role=status]")).toContainText("审核");
}

/** Approve the queue row whose comment contains `text`. */
async function approve(admin: Page, text: string): Promise<void> {
  await admin.goto("/admin/comments");
  const row = admin.getByRole("row").filter({ hasText: text });
  await expect(row).toHaveCount(1);
  await row.getByRole("button", { name: /^通过评论/ }).click();
  await expect(admin.getByText("已通过 1 条评论")).toBeVisible();
  await expect(admin.getByRole("row").filter({ hasText: text })).toHaveCount(0);
}

test("a reader's comment waits for moderation, is approved, then shown; markup stays text", async ({
  page,
  browser,
}) => {
  const reader = await readerPage(browser);
  const dialogs: string[] = [];
  reader.page.on("dialog", (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await reader.page.goto("/liuzhou");
  await reader.page.locator("main .teaser-title a").first().click();
  await expect(reader.page).toHaveURL(/\/liuzhou\/\d+$/);
  const storyUrl = reader.page.url();

  const plain = unique("支持家乡发展");
  await postComment(reader.page, plain);
  await reader.page.reload();
  await expect(reader.page.locator(".comments").getByText(plain)).toHaveCount(0);

  await signIn(page, EDITOR);
  await page.goto("/admin/comments");
  const row = page.getByRole("row").filter({ hasText: plain });
  await expect(row).toContainText("柳江读者");
  await expect(row).toContainText("待审核");
  await approve(page, plain);

  await reader.page.goto(storyUrl);
  await expect(reader.page.locator(".comments").getByText(plain)).toBeVisible();

  // A comment with markup: shown literally everywhere, never as an element.
  const markup = `<img src=x onerror=alert(1)> ${unique("m")}`;
  await postComment(reader.page, markup);
  await page.goto("/admin/comments");
  await expect(page.getByRole("row").filter({ hasText: markup })).toHaveCount(1);
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
  await approve(page, markup);

  await reader.page.goto(storyUrl);
  await expect(reader.page.locator(".comments").getByText(markup)).toBeVisible();
  await expect(reader.page.locator('img[src="x"]')).toHaveCount(0);
  await expect(reader.page.locator("[onerror]")).toHaveCount(0);
  await reader.page.waitForTimeout(500);
  expect(dialogs).toEqual([]);
  await reader.context.close();
});

test("rejecting and deleting in bulk; the status filter shows each state", async ({ page, browser }) => {
  const reader = await readerPage(browser);
  await reader.page.goto("/rongan");
  await reader.page.locator("main .teaser-title a").first().click();
  const a = unique("批量甲");
  await postComment(reader.page, a);
  await reader.context.close();

  await signIn(page, EDITOR);
  await page.goto("/admin/comments");
  const row = page.getByRole("row").filter({ hasText: a });
  await row.getByRole("checkbox").check();
  await page.getByRole("button", { name: "拒绝所选" }).click();
  await expect(page.getByText("已拒绝 1 条评论")).toBeVisible();
  await page.getByRole("link", { name: /^已拒绝/ }).click();
  await expect(page).toHaveURL(/status=rejected/);
  await expect(page.getByRole("row").filter({ hasText: a })).toContainText("已拒绝");
  await page
    .getByRole("row")
    .filter({ hasText: a })
    .getByRole("button", { name: /^删除评论/ })
    .click();
  await expect(page.getByText("已删除 1 条评论")).toBeVisible();
  await expect(page.getByRole("row").filter({ hasText: a })).toHaveCount(0);
});
