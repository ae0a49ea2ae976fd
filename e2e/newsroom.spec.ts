// The newsroom (issue 13): desks, the review flow (三审) and the inbox, through the editor area in
// a real browser, with one person per browser context. Server refusals are tested by sending
// what the form does not offer (another channel, a publish button), not only by hidden buttons.
import { expect, test, type Browser, type Page } from "@playwright/test";
import {
  ADMIN,
  CHIEF,
  EDITOR,
  EDITOR2,
  REPORTER,
  checkScreen,
  fillStory,
  formMessage,
  readerPage,
  signedInPage,
  submitNewStory,
  unique,
} from "./admin-helpers";

/** The admin gives the reporter one desk: 柳州新闻 (a two-step channel). */
/** Screens of the review flow, for the closing note (the test output's closing/ folder). */
const SHOTS = "test-results/closing";

async function assignReporterDesk(browser: Browser, channel: string): Promise<void> {
  const admin = await signedInPage(browser, ADMIN);
  await admin.goto("/admin/users");
  const row = admin.getByRole("row").filter({ hasText: REPORTER.username });
  await row.getByText("修改频道").click();
  const desks = row.getByRole("group", { name: /负责频道/ });
  for (const box of await desks.getByRole("checkbox").all()) await box.uncheck();
  await desks.getByRole("checkbox", { name: channel }).check();
  await row.getByRole("button", { name: /保存频道/ }).click();
  await expect(row.getByText("负责频道已更新")).toBeVisible();
  await expect(row.getByRole("cell", { name: channel }).first()).toBeVisible();
  await admin.context().close();
}

async function openFromInbox(page: Page, heading: string, title: string): Promise<void> {
  await page.goto("/admin/inbox");
  const section = page.getByRole("region", { name: new RegExp(heading) });
  await section.getByRole("link", { name: title }).click();
  await expect(page.getByRole("heading", { level: 1, name: "编辑稿件" })).toBeVisible();
}

test("reporter submits, editor returns, reporter revises, two-step review, 主编 signs off, readers see it", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  await assignReporterDesk(browser, "柳州新闻");

  const reporter = await signedInPage(browser, REPORTER);
  await reporter.goto("/admin/articles/new");
  // The form offers only the reporter's desk, and no publishing.
  await expect(reporter.getByLabel("频道", { exact: true }).locator("option")).toHaveText([
    "请选择频道",
    "柳州新闻",
  ]);
  await expect(reporter.getByRole("button", { name: "立即发布" })).toHaveCount(0);
  const title = unique("柳州东环大道改造进展");
  await fillStory(reporter, { title, channel: "柳州新闻", body: "东环大道改造工程**进入路面施工阶段**。" });
  const id = await submitNewStory(reporter, "提交审核");
  await expect(reporter.getByText("新稿件已提交审核")).toBeVisible();
  await expect(reporter.getByText("稿件正在审核中")).toBeVisible();
  await expect(reporter.getByRole("button", { name: "保存草稿" })).toHaveCount(0);

  // 一审 (e2e-editor): return with a note.
  const editor = await signedInPage(browser, EDITOR);
  await expect(
    editor.getByRole("navigation", { name: "后台导航" }).getByRole("link", { name: /待我处理/ }),
  ).toBeVisible();
  await editor.goto("/admin/inbox");
  await checkScreen(editor, "inbox", SHOTS);
  await openFromInbox(editor, "待我审核", title);
  await checkScreen(editor, "review-step", SHOTS);
  await editor.getByRole("button", { name: "退回修改" }).click();
  await expect(editor.getByText("退回修改请写明原因")).toBeVisible();
  await editor.getByLabel("审核意见").fill("请补充施工期间的交通绕行路线。");
  await editor.getByRole("button", { name: "退回修改" }).click();
  await expect(editor.getByText(/已退回修改/)).toBeVisible();

  // The reporter finds it in the inbox with the note, revises and submits again.
  await openFromInbox(reporter, "退回给我修改", title);
  await expect(reporter.locator(".adm-review-returned")).toContainText("请补充施工期间的交通绕行路线。");
  await checkScreen(reporter, "returned", SHOTS);
  await reporter.getByLabel("标题", { exact: true }).fill(`${title}（附绕行路线）`);
  await reporter.getByRole("button", { name: "提交审核" }).click();
  await expect(formMessage(reporter)).toContainText("已提交审核");

  // 一审 passes (e2e-editor), who may not take the 二审 too; 二审 (e2e-editor2) passes.
  await editor.goto(`/admin/articles/${id}`);
  await editor.getByRole("button", { name: "一审通过" }).click();
  await expect(editor.getByText("一审已通过，稿件进入二审")).toBeVisible();
  await editor.goto("/admin/inbox");
  await expect(editor.getByRole("link", { name: `${title}（附绕行路线）` })).toHaveCount(0);
  const editor2 = await signedInPage(browser, EDITOR2);
  await openFromInbox(editor2, "待我审核", `${title}（附绕行路线）`);
  await editor2.getByRole("button", { name: "二审通过" }).click();
  await expect(editor2.getByText("二审已通过，稿件进入待签发")).toBeVisible();

  // Not published yet: readers get a 404.
  const reader = await readerPage(browser);
  expect((await reader.page.goto(`/liuzhou/${id}`))?.status()).toBe(404);

  // The 主编 signs off.
  const chief = await signedInPage(browser, CHIEF);
  await openFromInbox(chief, "待签发", `${title}（附绕行路线）`);
  await checkScreen(chief, "sign-off", SHOTS);
  await chief.getByRole("button", { name: "立即发布" }).click();
  await expect(formMessage(chief)).toContainText("已发布");
  const timeline = chief.getByRole("region", { name: "审核记录" });
  await expect(timeline.getByRole("listitem")).toHaveCount(6);
  await expect(timeline).toContainText("请补充施工期间的交通绕行路线。");
  await expect(timeline).toContainText("二审通过");
  await expect(timeline).toContainText("签发");

  await expect(async () => {
    const answer = await reader.page.goto(`/liuzhou/${id}`);
    expect(answer?.status()).toBe(200);
    await expect(reader.page.getByRole("heading", { level: 1 })).toHaveText(`${title}（附绕行路线）`);
  }).toPass({ timeout: 30_000 });

  // Every step is in the audit log.
  const admin = await signedInPage(browser, ADMIN);
  await admin.goto(`/admin/audit?article=${id}`);
  for (const label of ["提交审核", "退回修改", "审核通过", "发布稿件"]) {
    await expect(admin.getByRole("cell", { name: label }).first()).toBeVisible();
  }
});

test("a reporter cannot publish or write for another channel: refused on the server", async ({ browser }) => {
  await assignReporterDesk(browser, "柳州新闻");
  const editor = await signedInPage(browser, EDITOR);
  await editor.goto("/admin/articles/new");
  const other = await editor
    .getByLabel("频道", { exact: true })
    .locator("option", { hasText: "融安新闻" })
    .getAttribute("value");
  expect(other).toBeTruthy();

  const reporter = await signedInPage(browser, REPORTER);
  await reporter.goto("/admin/articles/new");
  await fillStory(reporter, { title: unique("越权稿件"), channel: "柳州新闻", body: "正文。" });
  // Another channel, which the form does not offer.
  await reporter.getByLabel("频道", { exact: true }).evaluate((select, value) => {
    const option = document.createElement("option");
    option.value = value ?? "";
    option.textContent = "融安新闻";
    select.append(option);
    (select as HTMLSelectElement).value = value ?? "";
  }, other);
  await reporter.getByRole("button", { name: "保存草稿" }).click();
  await expect(formMessage(reporter)).toHaveText("您只能处理分配给您的频道的稿件");
  await expect(reporter.getByLabel("标题", { exact: true })).toHaveValue(/越权稿件/);

  // A publish button, which the form does not offer.
  await reporter.getByLabel("频道", { exact: true }).selectOption({ label: "柳州新闻" });
  await reporter.locator("form.adm-article-form").evaluate((form) => {
    const button = document.createElement("button");
    button.type = "submit";
    button.name = "intent";
    button.value = "publish";
    button.textContent = "伪造的发布";
    form.append(button);
  });
  await reporter.getByRole("button", { name: "伪造的发布" }).click();
  await expect(formMessage(reporter)).toHaveText("您的角色不能进行此操作");
  await expect(reporter).toHaveURL(/\/admin\/articles\/new$/);

  // Nor may the reporter review: the inbox has no review section, and other copy is read-only.
  await reporter.goto("/admin/inbox");
  await expect(reporter.getByRole("heading", { name: /待我审核/ })).toHaveCount(0);
});
