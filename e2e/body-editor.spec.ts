// The rich-text body editor (app/admin/(protected)/articles/body-editor): a story written with
// its toolbar and images reads the same on the reader page; Chinese typed through an input
// method arrives exactly; HTML pasted with scripts runs nothing anywhere; the live preview; the
// editor at 1280 px and 768 px (screenshots under /tmp/editor-shots/).
import { mkdirSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import {
  ADMIN,
  EDITOR,
  bodyEditor,
  expectAccessible,
  expectValidHtml,
  fillBody,
  pasteHtml,
  randomJpeg,
  readerPage,
  signIn,
  submitNewStory,
  unique,
} from "./admin-helpers";
import { expectNoHorizontalOverflow } from "./helpers";

const SHOTS = "/tmp/editor-shots";
mkdirSync(SHOTS, { recursive: true });

async function newStory(page: Page, title: string): Promise<void> {
  await page.goto("/admin/articles/new");
  await page.getByLabel("频道", { exact: true }).selectOption({ label: "柳江新闻" });
  await page.getByLabel("标题", { exact: true }).fill(title);
  await expect(bodyEditor(page)).toBeVisible();
}

/** Upload an image through the editor's 图片 panel, with its alt text and caption. */
async function insertImage(
  page: Page,
  alt: string,
  caption: string,
  width: number,
  { atEnd = true } = {},
): Promise<void> {
  if (atEnd) {
    await bodyEditor(page).focus();
    await page.keyboard.press("ControlOrMeta+End");
  }
  await page.getByRole("toolbar", { name: "正文格式" }).getByRole("button", { name: "插入图片" }).click();
  const panel = page.getByRole("group", { name: "插入图片" });
  await panel.getByLabel("替代文字").fill(alt);
  await panel.getByLabel("图片说明").fill(caption);
  await panel.getByLabel("图片文件").setInputFiles({
    name: `${alt}.jpg`,
    mimeType: "image/jpeg",
    buffer: await randomJpeg(width, Math.round(width * 0.6)),
  });
  await panel.getByRole("button", { name: "上传并插入" }).click();
  await expect(page.getByText("图片已上传并插入正文")).toBeVisible();
  // Typing goes on in the paragraph below the image.
  await expect(bodyEditor(page)).toBeFocused();
}

test("a story with a heading, bold text, a list, a table and two captioned images reads the same on the reader page", async ({
  page,
  browser,
}) => {
  test.setTimeout(180_000);
  await signIn(page, EDITOR);
  const title = unique("富文本稿件");
  await newStory(page, title);
  const editor = bodyEditor(page);
  const toolbar = page.getByRole("toolbar", { name: "正文格式" });
  await editor.click();

  await toolbar.getByRole("button", { name: "小标题", exact: true }).click();
  await expect(toolbar.getByRole("button", { name: "小标题", exact: true })).toHaveAttribute(
    "aria-pressed",
    "true",
  );
  await page.keyboard.type("产业园新厂投产");
  await page.keyboard.press("Enter");
  await page.keyboard.type("今天，");
  await page.keyboard.press("ControlOrMeta+b");
  await expect(toolbar.getByRole("button", { name: "加粗" })).toHaveAttribute("aria-pressed", "true");
  await page.keyboard.type("柳江区螺蛳粉产业园");
  await page.keyboard.press("ControlOrMeta+b");
  await page.keyboard.type("新厂正式投产。");
  await page.keyboard.press("Enter");
  await toolbar.getByRole("button", { name: "无序列表" }).click();
  await page.keyboard.type("日产能提升三成");
  await page.keyboard.press("Enter");
  await page.keyboard.type("新增岗位两百个");
  await page.keyboard.press("Enter");
  await page.keyboard.press("Enter");

  await toolbar.getByRole("button", { name: "插入表格" }).click();
  for (const [i, cell] of [
    "指标",
    "数值",
    "同比",
    "日产能",
    "30万袋",
    "+30%",
    "岗位",
    "200个",
    "新增",
  ].entries()) {
    if (i > 0) await page.keyboard.press("Tab");
    await page.keyboard.type(cell);
  }
  await insertImage(page, "新厂生产线", "新厂的自动化生产线。", 1400);
  // Where the first one left the cursor: the paragraph below it.
  await insertImage(page, "工人在包装车间", "包装车间里的工人。", 800, { atEnd: false });
  // Typing goes on below the images.
  await page.keyboard.type("最后一段。");

  // The live preview shows it as readers will, before anything is saved.
  const preview = page.locator("#body-pane-preview .story-body");
  await expect(preview.locator("h2")).toHaveText("产业园新厂投产");
  await expect(preview.locator("figure")).toHaveCount(2);
  await expect(preview).toContainText("最后一段。");
  await expect(page.getByTestId("body-char-count")).not.toHaveText("0");

  const id = await submitNewStory(page, "立即发布");
  // The editor shows the saved body again.
  await expect(bodyEditor(page).locator("figure")).toHaveCount(2);

  const reader = await readerPage(browser);
  const path = `/liujiang/${id}`;
  expect((await reader.page.goto(path))?.status()).toBe(200);
  const body = reader.page.locator(".story-body");
  await expect(body.locator("h2")).toHaveText("产业园新厂投产");
  await expect(body.locator("strong")).toHaveText("柳江区螺蛳粉产业园");
  await expect(body.locator("ul > li")).toHaveText(["日产能提升三成", "新增岗位两百个"]);
  await expect(body.locator("table th")).toHaveText(["指标", "数值", "同比"]);
  await expect(body.locator("table td")).toHaveText(["日产能", "30万袋", "+30%", "岗位", "200个", "新增"]);
  await expect(body.locator("figure figcaption")).toHaveText(["新厂的自动化生产线。", "包装车间里的工人。"]);
  const images = body.locator("figure img");
  await expect(images).toHaveCount(2);
  await expect(images.nth(0)).toHaveAttribute("alt", "新厂生产线");
  await expect(images.nth(0)).toHaveAttribute(
    "srcset",
    /-320\.webp 320w, .*-640\.webp 640w, .*-1280\.webp 1280w$/,
  );
  await expect(images.nth(1)).toHaveAttribute("srcset", /-320\.webp 320w, .*-640\.webp 640w$/);
  for (const i of [0, 1]) {
    await expect(images.nth(i)).toHaveAttribute("sizes", "(max-width: 960px) 100vw, 760px");
    await expect(images.nth(i)).toHaveAttribute("loading", "lazy");
    await expect(images.nth(i)).toHaveAttribute("width", /^\d+$/);
    await expect(images.nth(i)).toHaveAttribute("height", /^\d+$/);
  }
  await expect(body.locator(":scope > *").last()).toHaveText("最后一段。");
  await images.nth(1).scrollIntoViewIfNeeded();
  expect(await images.nth(1).evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(
    true,
  );
  await expectValidHtml(reader.page, path);
  await expectAccessible(reader.page, path);
  await reader.page.setViewportSize({ width: 375, height: 800 });
  await expectNoHorizontalOverflow(reader.page);
  await reader.page.screenshot({ path: `${SHOTS}/reader-rich-375.png`, fullPage: true });
  await reader.context.close();
});

test("Chinese typed through an input method arrives exactly, with nothing lost or doubled", async ({
  page,
}) => {
  await signIn(page, EDITOR);
  await newStory(page, unique("输入法"));
  const editor = bodyEditor(page);
  await editor.click();
  const cdp = await page.context().newCDPSession(page);
  /** One word through the IME: the pinyin grows letter by letter, then the characters are chosen. */
  const compose = async (pinyin: string, chosen: string) => {
    for (let i = 1; i <= pinyin.length; i++) {
      const text = pinyin.slice(0, i);
      await cdp.send("Input.imeSetComposition", { text, selectionStart: i, selectionEnd: i });
    }
    await cdp.send("Input.insertText", { text: chosen });
  };
  await compose("liujiang", "柳江");
  await compose("luosifen", "螺蛳粉");
  await cdp.send("Input.insertText", { text: "，" });
  await page.keyboard.press("ControlOrMeta+b");
  await compose("xinchang", "新厂");
  await page.keyboard.press("ControlOrMeta+b");
  await compose("touchan", "投产");
  await cdp.send("Input.insertText", { text: "。" });
  await page.keyboard.press("Enter");
  await compose("dierduan", "第二段");

  await expect(editor.locator("p")).toHaveText(["柳江螺蛳粉，新厂投产。", "第二段"]);
  await expect(editor.locator("strong")).toHaveText("新厂");
  await expect(page.getByTestId("body-char-count")).toHaveText("14");
  await expect(page.locator('input[name="body"]')).toHaveValue(
    "<p>柳江螺蛳粉，<strong>新厂</strong>投产。</p><p>第二段</p>",
  );
  // Undo and redo take back whole words.
  await page.keyboard.press("ControlOrMeta+z");
  await expect(editor).not.toContainText("第二段");
  await page.keyboard.press("ControlOrMeta+Shift+z");
  await expect(editor.locator("p").nth(1)).toHaveText("第二段");
});

test("HTML pasted with scripts is neutralised: nothing runs in the editor, the preview or the published page", async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  const dialogs: string[] = [];
  page.on("dialog", (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await signIn(page, ADMIN);
  const title = unique("粘贴安全");
  await newStory(page, title);
  await bodyEditor(page).click();
  await pasteHtml(
    page,
    [
      '<p style="color:red" class="MsoNormal" onclick="alert(1)">第一段。<script>alert(1)</script></p>',
      "<img src=x onerror=alert(2)>",
      '<img src="/media/none-640.webp" onerror="alert(3)">',
      '<p><a href="javascript:alert(4)">点我</a> <a href="JaVaScRiPt:alert(5)">再点</a></p>',
      '<iframe src="javascript:alert(6)"></iframe><svg onload="alert(7)"><script>alert(8)</script></svg>',
      '<details open ontoggle="alert(9)"><summary>摘要</summary>细节</details>',
      "<math><mtext><table><mglyph><style><img src=x onerror=alert(10)></style></mglyph></table></mtext></math>",
      '<form action="javascript:alert(11)"><button formaction="javascript:alert(12)">按钮</button></form>',
      "<p>最后一段。</p>",
    ].join(""),
  );
  await expect(bodyEditor(page)).toContainText("最后一段。");
  await expect(page.locator("#body-pane-preview .story-body")).toContainText("最后一段。");
  await expect(page.locator("#body-pane-preview .story-body")).not.toContainText("alert");
  // The image without alt text must get one before the story can be saved.
  await page.getByRole("button", { name: "立即发布" }).click();
  await expect(page.locator("#article-body-error")).toContainText("缺少替代文字");
  // The src="x" image was dropped when pasted; the site one remains.
  await expect(bodyEditor(page).getByRole("textbox", { name: "替代文字" })).toHaveCount(1);
  await bodyEditor(page).getByRole("textbox", { name: "替代文字" }).fill("坏图");
  const id = await submitNewStory(page, "立即发布");

  const reader = await readerPage(browser);
  reader.page.on("dialog", (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  expect((await reader.page.goto(`/liujiang/${id}`))?.status()).toBe(200);
  const body = reader.page.locator(".story-body");
  await expect(body).toContainText("第一段。");
  await expect(body).toContainText("最后一段。");
  await expect(body.locator("script, iframe, svg, math, form, details, style, button")).toHaveCount(0);
  await expect(body.locator("[onerror], [onclick], [onload], [ontoggle], [style], [class]")).toHaveCount(0);
  await expect(body.locator('a[href^="javascript" i]')).toHaveCount(0);
  await expect(body.locator('img[src="x"]')).toHaveCount(0);
  expect(await body.innerHTML()).not.toMatch(/alert|javascript:/i);
  await reader.page.waitForTimeout(500);
  expect(dialogs).toEqual([]);
  await reader.context.close();
});

test("the editor and its live preview at 1280 px and 768 px: toolbar by keyboard, preview beside or on a tab", async ({
  page,
}) => {
  test.setTimeout(120_000);
  await signIn(page, EDITOR);
  await page.setViewportSize({ width: 1280, height: 900 });
  await newStory(page, unique("截图"));
  await fillBody(
    page,
    "## 柳江区新厂投产\n\n今天，**柳江区螺蛳粉产业园**新厂正式投产。\n\n> 我们会继续扩大产能。\n\n- 日产能提升三成\n- 新增岗位两百个\n\n| 指标 | 数值 |\n|--|--|\n| 日产能 | 30万袋 |",
  );
  await insertImage(page, "生产线", "新厂的自动化生产线。", 900);
  const preview = page.locator("#body-pane-preview");
  await expect(preview.locator(".story-body figure")).toHaveCount(1);
  await expect(preview).toBeVisible();
  await expect(page.getByRole("tab", { name: "预览" })).toBeHidden();

  // The toolbar is one tab stop; arrow keys move along it.
  const toolbar = page.getByRole("toolbar", { name: "正文格式" });
  await toolbar.getByRole("button", { name: "正文段落" }).focus();
  await page.keyboard.press("ArrowRight");
  await expect(toolbar.getByRole("button", { name: "小标题", exact: true })).toBeFocused();
  await page.keyboard.press("End");
  await expect(toolbar.getByRole("button", { name: "粘贴 Markdown" })).toBeFocused();

  // From the top: the toolbar sticks to the top of the window while the page scrolls.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: `${SHOTS}/editor-1280.png`, fullPage: true });
  await expectAccessible(page, "editor 1280");

  await page.setViewportSize({ width: 768, height: 1024 });
  await expect(preview).toBeHidden();
  await expectNoHorizontalOverflow(page);
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: `${SHOTS}/editor-768.png`, fullPage: true });
  await page.getByRole("tab", { name: "预览" }).click();
  await expect(preview).toBeVisible();
  await expect(bodyEditor(page)).toBeHidden();
  await expect(preview.locator(".story-body h2")).toHaveText("柳江区新厂投产");
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: `${SHOTS}/preview-768.png`, fullPage: true });
  await expectAccessible(page, "preview 768");
  await page.getByRole("tab", { name: "编辑" }).click();
  await expect(bodyEditor(page)).toBeVisible();
});
