// Shared steps of the editor-area tests. The accounts are created by scripts/e2e-server.sh with
// these passwords (`<username>-password`).
import { randomBytes } from "node:crypto";
import AxeBuilder from "@axe-core/playwright";
import { expect, type Browser, type BrowserContext, type Locator, type Page } from "@playwright/test";
import sharp from "sharp";
import { expectNoHorizontalOverflow, validator } from "./helpers";

export interface Account {
  username: string;
  password: string;
}

const account = (username: string): Account => ({ username, password: `${username}-password` });

export const ADMIN = account("e2e-admin");
export const EDITOR = account("e2e-editor");
/** The newsroom (e2e/newsroom.spec.ts): a second editor, a reporter and the 主编. */
export const EDITOR2 = account("e2e-editor2");
export const REPORTER = account("e2e-reporter");
export const CHIEF = account("e2e-chief");
/** Only for the login-throttling test, which locks it out. */
export const LOCKOUT = account("e2e-lockout");

/** A title no other run or test uses. */
export function unique(prefix: string): string {
  return `${prefix}${Date.now().toString(36)}${randomBytes(3).toString("hex")}`;
}

export async function signIn(page: Page, who: Account): Promise<void> {
  await page.goto("/admin/login");
  await page.getByLabel("用户名").fill(who.username);
  await page.getByLabel("密码").fill(who.password);
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page).toHaveURL(/\/admin$/);
}

/** A fresh browser context signed in as `who` (one person per context). */
export async function signedInPage(browser: Browser, who: Account): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, who);
  return page;
}

/** No serious or critical axe-core (WCAG 2.1 A/AA) violation on the page as it stands. */
export async function expectAccessible(page: Page, what: string): Promise<void> {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(
    serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`),
    what,
  ).toEqual([]);
}

/** The server's HTML of `path` (as the page's session gets it) is valid. */
export async function expectValidHtml(page: Page, path: string): Promise<void> {
  const html = await (await page.request.get(path)).text();
  const report = await validator.validateString(html, path);
  const messages = report.results.flatMap((r) =>
    r.messages.map((m) => `${path} ${m.line}:${m.column} ${m.ruleId} ${m.message}`),
  );
  expect(messages, path).toEqual([]);
}

/**
 * An editor screen as it stands: accessible, valid server HTML, no overflow at 375 px, and
 * screenshots at 1280 and 375 px as `<dir>/<name>-<width>.png`.
 */
export async function checkScreen(page: Page, name: string, dir: string): Promise<void> {
  await expectAccessible(page, name);
  await expectValidHtml(page, page.url());
  for (const width of [1280, 375]) {
    await page.setViewportSize({ width, height: 900 });
    if (width === 375) await expectNoHorizontalOverflow(page);
    await page.screenshot({ path: `${dir}/${name}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

/** A fresh browser context with nobody signed in: what a reader sees. */
export async function readerPage(browser: Browser): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext();
  return { context, page: await context.newPage() };
}

/** A real JPEG with random pixels (so its content hash, hence storage key, is new). */
export async function randomJpeg(width = 960, height = 600): Promise<Buffer> {
  const raw = randomBytes(32 * 20 * 3);
  return sharp(raw, { raw: { width: 32, height: 20, channels: 3 } })
    .resize(width, height, { kernel: "nearest" })
    .jpeg({ quality: 80 })
    .toBuffer();
}

/** `YYYY-MM-DDTHH:mm` in Beijing time: what the publish-time field takes. */
export function beijingLocal(ms: number): string {
  const parts = new Intl.DateTimeFormat("en-CA", {
    timeZone: "Asia/Shanghai",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).formatToParts(new Date(ms));
  const p = Object.fromEntries(parts.map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}`;
}

export interface StoryFields {
  title: string;
  body: string;
  channel?: string;
  summary?: string;
  byline?: string;
  tags?: string;
}

/** The body's rich-text editor (a contenteditable labelled 正文). */
export function bodyEditor(page: Page): Locator {
  return page.getByRole("textbox", { name: "正文", exact: true });
}

/**
 * Replace the body with `markdown`, through the editor's "粘贴 Markdown" import (the server
 * converts it with the renderer stories were written with before the editor).
 */
export async function fillBody(page: Page, markdown: string): Promise<void> {
  // focus(), not click(): a click may land in an image's alt text field.
  await bodyEditor(page).focus();
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.press("Delete");
  await page.getByRole("button", { name: "粘贴 Markdown" }).click();
  await page.getByLabel(/Markdown 文本/).fill(markdown);
  await page.getByRole("button", { name: "转换并插入" }).click();
  await expect(page.getByRole("dialog")).toBeHidden();
}

/** Paste `html` into the body editor as the clipboard's text/html (as from Word or a web page). */
export async function pasteHtml(page: Page, html: string): Promise<void> {
  await bodyEditor(page).evaluate((el, markup) => {
    const data = new DataTransfer();
    data.setData("text/html", markup);
    data.setData("text/plain", markup.replace(/<[^>]*>/g, ""));
    el.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
  }, html);
}

/** Fill the article form's text fields (on /admin/articles/new or an edit page). */
export async function fillStory(page: Page, story: StoryFields): Promise<void> {
  await page.getByLabel("频道", { exact: true }).selectOption({ label: story.channel ?? "柳江新闻" });
  await page.getByLabel("标题", { exact: true }).fill(story.title);
  if (story.summary !== undefined) await page.getByLabel("摘要").fill(story.summary);
  await fillBody(page, story.body);
  if (story.byline !== undefined) await page.getByLabel("署名").fill(story.byline);
  if (story.tags !== undefined) await page.getByLabel("标签").fill(story.tags);
}

/** Click one of the form's buttons on a new story; returns the id it was saved under. */
export async function submitNewStory(
  page: Page,
  button: "保存草稿" | "提交审核" | "立即发布" | "定时发布",
): Promise<number> {
  await page.getByRole("button", { name: button, exact: true }).click();
  await expect(page).toHaveURL(/\/admin\/articles\/\d+\?saved=/);
  const id = Number(/\/admin\/articles\/(\d+)/.exec(page.url())?.[1]);
  expect(id).toBeGreaterThan(0);
  return id;
}

/** Create and publish a story (signed-in page); returns its id. */
export async function publishStory(page: Page, story: StoryFields): Promise<number> {
  await page.goto("/admin/articles/new");
  await fillStory(page, story);
  return submitNewStory(page, "立即发布");
}

/** The form's overall message after a submit on an edit page. */
export function formMessage(page: Page) {
  return page.locator("form.adm-article-form > .adm-form-message");
}
