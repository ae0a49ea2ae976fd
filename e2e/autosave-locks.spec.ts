// Never lose what is typed; never overwrite each other (issue 13 item 4): the article form
// autosaves while it changes and a closed tab gets it back with a notice; a second editor sees
// who is editing and since when, reads, waits or takes over, and the first is told within seconds
// and their save is refused, keeping what they typed. Screens with the banners: axe, valid HTML,
// no overflow at 375 px, screenshots in /tmp/autosave-shots/.
import { expect, test, type Page } from "@playwright/test";
import {
  EDITOR,
  EDITOR2,
  bodyEditor,
  fillBody,
  fillStory,
  formMessage,
  checkScreen,
  signedInPage,
  submitNewStory,
  unique,
} from "./admin-helpers";

const SHOTS = "/tmp/autosave-shots";
/** Autosave runs every 4 s; the heartbeat every 10 s. */
const AUTOSAVED = { timeout: 15_000 };
const TOLD = { timeout: 20_000 };

const title = (page: Page) => page.getByLabel("标题", { exact: true });
const autosaved = (page: Page) => page.locator(".adm-autosave-status").getByText(/已自动保存 \d\d:\d\d:\d\d/);

test("a closed tab loses nothing: the autosave comes back with a notice", async ({ browser }) => {
  const page = await signedInPage(browser, EDITOR);
  const context = page.context();
  await page.goto("/admin/articles/new");
  await fillStory(page, { title: unique("自动保存"), body: "第一稿正文。" });
  const id = await submitNewStory(page, "保存草稿");
  // The save cleared the new story's slot: a new form offers nothing.
  await page.goto("/admin/articles/new");
  await expect(page.getByText(/自动保存的未保存内容/)).toHaveCount(0);

  await page.goto(`/admin/articles/${id}`);
  const typed = unique("没保存的标题");
  await title(page).fill(typed);
  await fillBody(page, "关掉标签页之前写的正文，不能丢。");
  await expect(autosaved(page)).toBeVisible(AUTOSAVED);
  await page.close();

  const again = await context.newPage();
  await again.goto(`/admin/articles/${id}`);
  const notice = again.getByRole("region", { name: /发现 \d\d:\d\d 自动保存的未保存内容/ });
  await expect(notice).toBeVisible();
  // The story itself is unchanged until the editor restores and saves.
  await expect(title(again)).not.toHaveValue(typed);
  await checkScreen(again, "autosave-notice", SHOTS);
  await notice.getByRole("link", { name: "恢复" }).click();
  await expect(again).toHaveURL(new RegExp(`/admin/articles/${id}\\?restore=1$`));
  await expect(again.getByText(/已恢复 \d\d:\d\d 自动保存的内容/)).toBeVisible();
  await expect(title(again)).toHaveValue(typed);
  await expect(bodyEditor(again)).toHaveText("关掉标签页之前写的正文，不能丢。");
  await again.getByRole("button", { name: "保存草稿", exact: true }).click();
  await expect(formMessage(again)).toContainText("已保存");
  // Saved: nothing left to offer.
  await again.goto(`/admin/articles/${id}`);
  await expect(title(again)).toHaveValue(typed);
  await expect(again.getByText(/自动保存的未保存内容/)).toHaveCount(0);

  // A new story's autosave: offered on the new-story page; 丢弃 drops it.
  await again.goto("/admin/articles/new");
  const draft = unique("新稿没保存");
  await title(again).fill(draft);
  await expect(autosaved(again)).toBeVisible(AUTOSAVED);
  await again.close();
  const third = await context.newPage();
  await third.goto("/admin/articles/new");
  const offer = third.getByRole("region", { name: /自动保存的未保存内容/ });
  await expect(offer).toBeVisible();
  await offer.getByRole("button", { name: "丢弃" }).click();
  await expect(offer).toHaveCount(0);
  await expect(third.getByText("已丢弃自动保存的内容")).toBeVisible();
  await third.reload();
  await expect(third.getByText(/自动保存的未保存内容/)).toHaveCount(0);
  await expect(title(third)).toHaveValue("");
  await context.close();
});

test("a second editor sees who is editing, takes over, and the first is told and refused", async ({
  browser,
}) => {
  const first = await signedInPage(browser, EDITOR);
  await first.goto("/admin/articles/new");
  await fillStory(first, { title: unique("两人同改"), body: "原来的正文。" });
  const id = await submitNewStory(first, "保存草稿");
  const mine = unique("第一位编辑的标题");
  await title(first).fill(mine);
  await expect(autosaved(first)).toBeVisible(AUTOSAVED);

  // The second editor opens it: who, since when, and the form read-only until they choose.
  const second = await signedInPage(browser, EDITOR2);
  await second.goto(`/admin/articles/${id}`);
  const banner = second.getByRole("region", {
    name: new RegExp(`${EDITOR.username} 正在编辑（自 \\d\\d:\\d\\d 起）`),
  });
  await expect(banner).toBeVisible();
  await expect(title(second)).toBeDisabled();
  await expect(title(second)).not.toHaveValue(mine);
  // The rich body too: a contenteditable ignores the disabled fieldset; keystrokes change nothing.
  const body = bodyEditor(second);
  await expect(body).toHaveAttribute("contenteditable", "false");
  await expect(body).toHaveAttribute("aria-readonly", "true");
  await body.click({ force: true });
  await second.keyboard.type("不该出现的字");
  await expect(body).not.toContainText("不该出现的字");
  await checkScreen(second, "lock-banner", SHOTS);
  await banner.getByRole("button", { name: "只读查看" }).click();
  await expect(banner.getByText("只读查看：表单不能修改。")).toBeVisible();
  await banner.getByRole("button", { name: "等待" }).click();
  await expect(banner.getByText(/正在等待/)).toBeVisible();
  await expect(title(second)).toBeDisabled();

  // 接管编辑 asks first, then takes the story (the page opens afresh, editable).
  await banner.getByRole("button", { name: "接管编辑" }).click();
  await expect(banner.getByText(/确定接管编辑？/)).toBeVisible();
  await checkScreen(second, "lock-confirm", SHOTS);
  await banner.getByRole("button", { name: "确定接管" }).click();
  await expect(second.getByRole("region", { name: /正在编辑/ })).toHaveCount(0);
  await expect(title(second)).toBeEnabled();
  await expect(bodyEditor(second)).toHaveAttribute("contenteditable", "true");
  await expect(bodyEditor(second)).not.toHaveAttribute("aria-readonly", "true");

  // The first editor is told within seconds; their save is refused and keeps what they typed.
  const lost = first.getByRole("region", { name: new RegExp(`您的编辑已被 ${EDITOR2.username} 接管`) });
  await expect(lost).toBeVisible(TOLD);
  await fillBody(first, "第一位编辑后来补写的正文。");
  await first.getByRole("button", { name: "保存草稿", exact: true }).click();
  await expect(formMessage(first)).toContainText(`${EDITOR2.username} 正在编辑这篇稿件`);
  await expect(formMessage(first)).toContainText("您的保存未执行");
  await expect(title(first)).toHaveValue(mine);
  await expect(bodyEditor(first)).toHaveText("第一位编辑后来补写的正文。");
  await checkScreen(first, "lock-taken-over", SHOTS);

  // The one holding the lock saves.
  const theirs = unique("接管后的标题");
  await title(second).fill(theirs);
  await second.getByRole("button", { name: "保存草稿", exact: true }).click();
  await expect(formMessage(second)).toContainText("已保存");
  await second.reload();
  await expect(title(second)).toHaveValue(theirs);

  // What the first editor typed is still in their autosave, offered when they open it again.
  await first.goto(`/admin/articles/${id}`);
  const offer = first.getByRole("region", { name: /自动保存的未保存内容/ });
  await expect(offer).toBeVisible();
  await expect(offer).toContainText("稿件在这之后又被保存过");
  await first.context().close();
  await second.context().close();
});
