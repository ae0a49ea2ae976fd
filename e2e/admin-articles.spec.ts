// The editor's story lifecycle as readers see it: write with a lead image, preview, publish, edit,
// unpublish; validation that keeps the editor's input; image upload checks; unsafe Markdown.
import { expect, test } from "@playwright/test";
import {
  ADMIN,
  EDITOR,
  bodyEditor,
  fillBody,
  fillStory,
  formMessage,
  publishStory,
  randomJpeg,
  readerPage,
  signIn,
  submitNewStory,
  unique,
} from "./admin-helpers";

test("write a story with a lead image in 柳江新闻, preview, publish, edit, unpublish", async ({
  page,
  browser,
}) => {
  await signIn(page, EDITOR);
  await page.goto("/admin/articles/new");
  const title = unique("柳江螺蛳粉产业园新厂投产");
  await fillStory(page, {
    title,
    summary: "新厂投产后日产能提升三成。",
    body: "**产业升级：**柳江区螺蛳粉产业园新厂今日投产。\n\n> 我们会继续扩大产能。\n\n- 日产能提升三成\n- 新增岗位两百个",
    byline: "本报记者 测试",
    tags: "螺蛳粉、柳江",
  });

  // Lead image: upload a real JPEG, then describe it.
  await page.getByLabel("选择图片文件").setInputFiles({
    name: "lead.jpg",
    mimeType: "image/jpeg",
    buffer: await randomJpeg(),
  });
  await page.getByRole("button", { name: "上传图片" }).click();
  await expect(page.getByText("图片已上传并设为题图")).toBeVisible();
  await page.getByLabel("题图替代文字").fill("新厂生产线上的工人");
  await page.getByLabel("图片说明").fill("螺蛳粉产业园新厂生产线");

  const id = await submitNewStory(page, "保存草稿");
  await expect(page.getByText("新稿件已保存（草稿）")).toBeVisible();

  // Drafts are invisible to readers.
  const reader = await readerPage(browser);
  const draftAnswer = await reader.page.goto(`/liujiang/${id}`);
  expect(draftAnswer?.status()).toBe(404);

  // Preview: the reader page's look, including the draft.
  await page.getByRole("link", { name: "预览" }).click();
  await expect(page).toHaveURL(new RegExp(`/admin/articles/${id}/preview$`));
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(page.getByRole("img", { name: "新厂生产线上的工人" })).toBeVisible();
  await expect(page.locator(".story-figure figcaption")).toHaveText("螺蛳粉产业园新厂生产线");
  await expect(page.locator(".story-body strong")).toHaveText("产业升级：");
  await expect(page.locator(".byline")).toHaveText("本报记者 测试");
  await expect(page.getByText("读者看不到这篇稿件")).toBeVisible();
  await page.screenshot({ path: "test-results/screenshots/admin-preview.png", fullPage: true });

  // Publish.
  await page.getByRole("link", { name: "返回编辑" }).click();
  await page.getByRole("button", { name: "立即发布", exact: true }).click();
  await expect(formMessage(page)).toHaveText(/已发布/);
  await expect(page.locator(".adm-page-head .adm-status")).toHaveText("已发布");

  // A reader (no session) sees it on the home page, on /liujiang and at its own address.
  await reader.page.goto("/");
  await expect(reader.page.getByRole("link", { name: title }).first()).toBeVisible();
  await reader.page.goto("/liujiang");
  await expect(reader.page.getByRole("link", { name: title }).first()).toBeVisible();
  const story = await reader.page.goto(`/liujiang/${id}`);
  expect(story?.status()).toBe(200);
  await expect(reader.page.getByRole("heading", { level: 1 })).toHaveText(title);
  await expect(reader.page.locator(".story-figure img")).toHaveAttribute("alt", "新厂生产线上的工人");
  await expect(reader.page.locator(".byline")).toHaveText("本报记者 测试");
  const lead = await reader.page.request.get(
    (await reader.page.locator(".story-figure img").getAttribute("src")) ?? "",
  );
  expect(lead.status()).toBe(200);
  expect(lead.headers()["cache-control"]).toContain("immutable");

  // Edit the title: the reader sees the new one at once.
  const newTitle = `${title}（更新）`;
  await page.getByLabel("标题", { exact: true }).fill(newTitle);
  await page.getByRole("button", { name: "保存修改" }).click();
  await expect(formMessage(page)).toHaveText(/已保存/);
  await expect(page.getByLabel("标题", { exact: true })).toHaveValue(newTitle);
  await reader.page.goto(`/liujiang/${id}`);
  await expect(reader.page.getByRole("heading", { level: 1 })).toHaveText(newTitle);
  await reader.page.goto("/liujiang");
  await expect(reader.page.getByRole("link", { name: newTitle }).first()).toBeVisible();

  // Revision history: three saves so far; restoring the first brings the old title back.
  await page.getByRole("link", { name: "历史版本" }).click();
  await expect(page.getByRole("row")).toHaveCount(4);
  await page
    .getByRole("button", { name: /^恢复 .* 的版本$/ })
    .last()
    .click();
  await expect(page.getByText("已恢复该版本的内容")).toBeVisible();
  await page.goto(`/admin/articles/${id}`);
  await expect(page.getByLabel("标题", { exact: true })).toHaveValue(title);
  await expect(page.locator(".adm-page-head .adm-status")).toHaveText("已发布");
  await reader.page.goto(`/liujiang/${id}`);
  await expect(reader.page.getByRole("heading", { level: 1 })).toHaveText(title);

  // Unpublish: the reader gets a 404.
  await page.getByRole("button", { name: "撤下" }).click();
  await expect(formMessage(page)).toHaveText(/已撤下/);
  const gone = await reader.page.goto(`/liujiang/${id}`);
  expect(gone?.status()).toBe(404);
  await reader.page.goto("/liujiang");
  await expect(reader.page.getByRole("link", { name: title })).toHaveCount(0);

  // The list finds it by title and status.
  await page.goto(`/admin/articles?q=${encodeURIComponent(title)}&status=unpublished`);
  await expect(page.getByRole("link", { name: title })).toBeVisible();
  await reader.context.close();
});

test("a refused submit keeps everything typed and says what is wrong, next to the field", async ({
  page,
}) => {
  await signIn(page, EDITOR);
  await page.goto("/admin/articles/new");
  const body = `正文不应丢失 ${unique("b")}\n\n第二段。`;
  await fillBody(page, body);
  await page.getByLabel("标签").fill("甲、乙，丙");
  await page.getByLabel("署名").fill("本报记者 王五");
  await page.getByLabel("乡里乡亲").check();
  await page.getByLabel("发布时间（北京时间）").fill("2020-01-01T08:00");
  await page.getByRole("button", { name: "定时发布" }).click();

  await expect(formMessage(page)).toHaveText("请检查标出的内容");
  await expect(page.locator("#article-title-error")).toHaveText("请输入标题");
  await expect(page.locator("#article-channel-error")).toHaveText("请选择频道");
  await expect(page.getByLabel("标题", { exact: true })).toHaveAttribute("aria-invalid", "true");
  await expect(bodyEditor(page)).toContainText(body.split("\n")[0] ?? "");
  await expect(bodyEditor(page)).toContainText("第二段。");
  await expect(page.getByLabel("标签")).toHaveValue("甲、乙，丙");
  await expect(page.getByLabel("署名")).toHaveValue("本报记者 王五");
  await expect(page.getByLabel("乡里乡亲")).toBeChecked();
  await expect(page.getByLabel("发布时间（北京时间）")).toHaveValue("2020-01-01T08:00");
  await expect(page).toHaveURL(/\/admin\/articles\/new$/);

  // Fixed title and channel; the time is still in the past for a scheduled story.
  await fillStory(page, { title: unique("定时校验"), body });
  await page.getByRole("button", { name: "定时发布" }).click();
  await expect(page.locator("#article-published-at-error")).toHaveText("定时发布的时间必须晚于现在");
  await expect(page.locator("#article-title-error")).toHaveText("");
  await expect(bodyEditor(page)).toContainText(body.split("\n")[0] ?? "");
  await expect(bodyEditor(page).locator("p")).toHaveCount(2);
});

test("a lead image needs alt text and a caption; a non-image renamed .jpg is refused", async ({ page }) => {
  await signIn(page, EDITOR);
  await page.goto("/admin/articles/new");
  await fillStory(page, { title: unique("题图校验"), body: "正文。" });

  await page.getByLabel("选择图片文件").setInputFiles({
    name: "photo.jpg",
    mimeType: "image/jpeg",
    buffer: Buffer.from("<!doctype html><html><body><script>alert(1)</script></body></html>"),
  });
  await page.getByRole("button", { name: "上传图片" }).click();
  await expect(page.locator("#lead-image-upload-message")).toHaveText(
    "文件不是可识别的图片（仅支持 JPEG、PNG、WebP）",
  );
  await expect(page.getByText("未设置题图")).toBeVisible();

  await page.getByLabel("选择图片文件").setInputFiles({
    name: "real.png",
    mimeType: "image/png",
    buffer: await randomJpeg(400, 300),
  });
  await page.getByRole("button", { name: "上传图片" }).click();
  await expect(page.locator("#lead-image-upload-message")).toHaveText("图片已上传并设为题图");
  await page.getByRole("button", { name: "保存草稿" }).click();
  await expect(page.locator("#lead-image-alt-error")).toContainText("替代文字");
  await expect(page.locator("#lead-image-caption-error")).toHaveText("设置题图时必须填写图片说明");
  // The chosen image is still there.
  await expect(page.getByText(/当前题图：#\d+/)).toBeVisible();
});

test("unsafe Markdown (the 粘贴 Markdown import) renders inert on the reader page", async ({
  page,
  browser,
}) => {
  await signIn(page, ADMIN);
  const title = unique("安全测试");
  const id = await publishStory(page, {
    title,
    body: [
      "第一段。<script>alert(1)</script>",
      "",
      "<img src=x onerror=alert(1)>",
      "",
      "[点我](javascript:alert(1))",
      "",
      '<iframe src="https://example.com"></iframe>',
      "",
      "最后一段。",
    ].join("\n"),
  });
  const reader = await readerPage(browser);
  const dialogs: string[] = [];
  reader.page.on("dialog", (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  const res = await reader.page.goto(`/liujiang/${id}`);
  expect(res?.status()).toBe(200);
  const body = reader.page.locator(".story-body");
  await expect(body).toContainText("最后一段。");
  // The markup shows as text…
  await expect(body).toContainText("<script>alert(1)</script>");
  // …and none of it exists as elements or attributes.
  await expect(body.locator("script")).toHaveCount(0);
  await expect(reader.page.locator("iframe")).toHaveCount(0);
  await expect(reader.page.locator("[onerror]")).toHaveCount(0);
  await expect(reader.page.locator('img[src="x"]')).toHaveCount(0);
  await expect(reader.page.locator('a[href^="javascript" i]')).toHaveCount(0);
  const link = body.getByText("点我");
  if ((await link.count()) > 0) {
    expect(await link.evaluate((el) => el.closest("a")?.getAttribute("href") ?? null)).toBeNull();
  }
  await reader.page.waitForTimeout(500);
  expect(dialogs).toEqual([]);
  await reader.context.close();
});

test("an admin deletes a story after a confirmation step; the audit log keeps its title", async ({
  page,
}) => {
  await signIn(page, ADMIN);
  const title = unique("要删除的稿件");
  const id = await publishStory(page, { title, body: "正文。" });
  await page.getByRole("link", { name: "删除…" }).click();
  await expect(page).toHaveURL(new RegExp(`/admin/articles/${id}/delete$`));
  await expect(page.getByRole("heading", { name: "删除稿件？" })).toBeVisible();
  // Cancelling changes nothing.
  await page.getByRole("link", { name: "取消" }).click();
  await expect(page).toHaveURL(new RegExp(`/admin/articles/${id}$`));
  await page.getByRole("link", { name: "删除…" }).click();
  await page.getByRole("button", { name: "确认删除" }).click();
  await expect(page).toHaveURL(/\/admin\/articles\?deleted=\d+$/);
  await expect(page.getByText(`稿件 #${id} 已删除。`)).toBeVisible();
  expect((await page.request.get(`/liujiang/${id}`)).status()).toBe(404);
  expect((await page.goto(`/admin/articles/${id}`))?.status()).toBe(404);
  await page.goto("/admin/audit");
  await expect(page.getByRole("row").filter({ hasText: "删除稿件" }).first()).toContainText(
    `稿件 #${id}《${title}》`,
  );
});
