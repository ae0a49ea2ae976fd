// Starting a story from a .docx (issue 12, item 3): a signed-in editor's browser sends the fixture
// (e2e/fixtures/docx/story.docx, written by scripts/fixtures/make-docx.mjs) to the import route
// and gets back the title and a clean body whose image is a stored upload; a damaged file, an old
// .doc, a request from another site and a reader without a session get a clear refusal, never a
// 500. In the editor: Word and WPS clipboard HTML pasted keeps its structure, and a new story
// starts from the .docx through 从 Word 文档导入.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { EDITOR, bodyEditor, pasteHtml, readerPage, signIn, submitNewStory, unique } from "./admin-helpers";

// Playwright runs from the repository root (playwright.config.ts).
const FIXTURE = path.join(process.cwd(), "e2e/fixtures/docx/story.docx");
const ROUTE = "/admin/api/import/docx";

interface Answer {
  status: number;
  json: { ok: boolean; title?: string; body?: string; warnings?: string[]; message?: string };
}

/** POST a file as the page's own script would (the browser sets Origin and the session cookie). */
async function importFromPage(page: Page, bytes: Buffer, name: string): Promise<Answer> {
  return page.evaluate(
    async ({ base64, name, route }) => {
      const data = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const form = new FormData();
      form.set("file", new File([data], name));
      const response = await fetch(route, { method: "POST", body: form });
      return { status: response.status, json: await response.json() };
    },
    { base64: bytes.toString("base64"), name, route: ROUTE },
  );
}

test("an editor starts a story from a Word document", async ({ page }) => {
  await signIn(page, EDITOR);
  const answer = await importFromPage(page, await readFile(FIXTURE), "story.docx");
  expect(answer.status).toBe(200);
  expect(answer.json.ok).toBe(true);
  expect(answer.json.title).toBe("融安金桔开摘 果农喜迎丰收年");
  expect(answer.json.warnings).toEqual([]);
  const body = answer.json.body ?? "";
  // Headings, bold, italic, strike, both lists, the table with its header row, the image.
  expect(body).toContain("<h2>一、品质提升</h2>");
  expect(body).toContain("<strong>18万亩</strong>");
  expect(body).toContain("<em>金灿灿</em>");
  expect(body).toContain("<s>30万吨</s>");
  expect(body).toContain("<ul><li>统一标准化种植；</li>");
  expect(body).toContain("<ol><li>电商直播带货；</li>");
  expect(body).toContain("<thead><tr><th>乡镇</th><th>面积（万亩）</th></tr></thead>");
  // The Chinese first-line indent (full-width spaces) is gone; the text is not touched otherwise.
  expect(body).toContain("<p><strong>本报讯</strong>　近日，融安县大将镇");
  expect(body).not.toMatch(/<p>[\s\u3000\u00a0]/);
  const img =
    /<figure><img src="(\/media\/[^"]+\.webp)" alt="大将镇金桔园里果农正在采摘" width="600" height="400"><\/figure>/.exec(
      body,
    );
  expect(img).not.toBeNull();
  // The image is an ordinary upload, served by /media like any other.
  const media = await page.request.get(img?.[1] ?? "");
  expect(media.status()).toBe(200);
  expect(media.headers()["content-type"]).toBe("image/webp");
});

test("a damaged file, an old .doc and a PDF are refused with a reason", async ({ page }) => {
  await signIn(page, EDITOR);
  const docx = await readFile(FIXTURE);
  const cases: [Buffer, string, string][] = [
    [docx.subarray(0, 3000), "story.docx", "文档已损坏，无法读取。请在 Word 或 WPS 中打开并重新保存后再导入"],
    [
      Buffer.concat([Buffer.from("d0cf11e0a1b11ae1", "hex"), Buffer.alloc(1024)]),
      "old.doc",
      "这是旧版 Word 文档（.doc），请在 Word 或 WPS 中“另存为” .docx 后再导入",
    ],
    [Buffer.from("%PDF-1.7\n%…"), "story.pdf", "文件不是 Word 文档（.docx），请选择 .docx 文件"],
    [Buffer.alloc(0), "empty.docx", "请选择要导入的 Word 文档（.docx）"],
  ];
  for (const [bytes, name, message] of cases) {
    const answer = await importFromPage(page, bytes, name);
    expect(answer).toEqual({ status: 400, json: { ok: false, message } });
  }
});

test("another site and a reader without a session are refused", async ({ page, browser }) => {
  await signIn(page, EDITOR);
  const docx = await readFile(FIXTURE);
  const multipart = { file: { name: "story.docx", mimeType: "application/octet-stream", buffer: docx } };
  const foreign = await page.request.post(ROUTE, {
    multipart,
    headers: { Origin: "https://evil.example.com" },
  });
  expect(foreign.status()).toBe(403);

  const reader = await readerPage(browser);
  await reader.page.goto("/");
  const anonymous = await importFromPage(reader.page, docx, "story.docx");
  expect(anonymous.status).toBe(401);
  expect(anonymous.json.ok).toBe(false);
  await reader.context.close();
});

const CLIPBOARD = path.join(process.cwd(), "e2e/fixtures/clipboard");

test("Word and WPS pasted into the editor keep their structure and lose their styling; the story publishes", async ({
  page,
  browser,
}) => {
  await signIn(page, EDITOR);
  await page.goto("/admin/articles/new");
  const editor = bodyEditor(page);
  await editor.click();
  await pasteHtml(page, await readFile(path.join(CLIPBOARD, "word-windows.html"), "utf8"));
  await expect(editor.locator("h2").first()).toHaveText("柳江区三千亩优质稻喜获丰收");
  await expect(editor.locator("ul li").first()).toContainText("收割、烘干、入仓一条龙");
  await expect(editor.locator("ol li")).toHaveCount(2);
  await expect(editor.locator("table th").first()).toHaveText("乡镇");
  await expect(editor.locator("strong").first()).toHaveText("本报讯（记者 韦丽娟 通讯员 覃明）");
  // Fonts, colours, comments and tracked deletions are gone; Word's own picture is named.
  await expect(editor.locator("p[style], td[style], th[style], li[style], font, [class*=Mso]")).toHaveCount(
    0,
  );
  await expect(editor).not.toContainText("请核实");
  await expect(page.getByText("粘贴内容中有 1 张图片无法带入")).toBeVisible();

  const title = unique("柳江优质稻丰收");
  await page.getByLabel("标题", { exact: true }).fill(title);
  await page.getByLabel("频道", { exact: true }).selectOption({ label: "柳江新闻" });
  const id = await submitNewStory(page, "立即发布");
  const { context, page: reader } = await readerPage(browser);
  await reader.goto(`/liujiang/${id}`);
  const story = reader.locator(".story-body");
  await expect(story.locator("h2").nth(1)).toHaveText("一、机收效率提高三成");
  await expect(story.locator("table th")).toHaveText(["乡镇", "面积（亩）", "亩产（公斤）"]);
  await expect(story.locator("ul ul li")).toHaveText("烘干中心日处理120吨；");
  await context.close();

  // WPS: its <font> runs and outline-level headings.
  await page.goto("/admin/articles/new");
  await bodyEditor(page).click();
  await pasteHtml(page, await readFile(path.join(CLIPBOARD, "wps.html"), "utf8"));
  await expect(bodyEditor(page).locator("h2").first()).toHaveText("融水苗族自治县芦笙节吸引八方游客");
  await expect(bodyEditor(page).locator("td[colspan='2']")).toHaveText("以上活动均免费向游客开放");
  await expect(bodyEditor(page).locator("p[style], td[style], font")).toHaveCount(0);
});

test("a new story starts from a .docx: title, structure and its picture, stored as an upload", async ({
  page,
}) => {
  await signIn(page, EDITOR);
  await page.goto("/admin/articles/new");
  await page.getByLabel("从 Word 文档导入").setInputFiles(FIXTURE);
  await page.getByRole("button", { name: "导入文档" }).click();
  await expect(page.getByText("已导入。")).toBeVisible();
  await expect(page.getByLabel("标题", { exact: true })).toHaveValue("融安金桔开摘 果农喜迎丰收年");
  const editor = bodyEditor(page);
  await expect(editor.locator("h2").first()).toHaveText("一、品质提升");
  await expect(editor.locator("table th").first()).toHaveText("乡镇");
  await expect(editor.locator("figure img")).toHaveAttribute("src", /^\/media\/.+\.webp$/);
  await page.getByLabel("频道", { exact: true }).selectOption({ label: "融安新闻" });
  const id = await submitNewStory(page, "保存草稿");
  await page.goto(`/admin/articles/${id}/preview`);
  await expect(page.locator(".story-body h2").first()).toHaveText("一、品质提升");
  await expect(page.locator(".story-body figure img")).toHaveAttribute("alt", "大将镇金桔园里果农正在采摘");
});
