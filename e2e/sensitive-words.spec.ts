// 敏感词: an admin pastes words into the lists, checks a text against them (hits listed with their
// position and context; an allowlisted phrase is not a hit), and deletes a word. Editors cannot
// open the lists. Bad input is refused with what was typed kept. The page is accessible.
import { mkdirSync } from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { ADMIN, EDITOR, fillStory, signIn, submitNewStory, unique } from "./admin-helpers";

test("an admin keeps the sensitive-word lists and checks a text against them", async ({ page }) => {
  await signIn(page, ADMIN);
  await page.getByRole("link", { name: "敏感词" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "敏感词" })).toBeVisible();

  const add = page.getByRole("region", { name: "添加词语" });
  await add.getByLabel("词语").fill("字".repeat(31));
  await add.getByRole("button", { name: "添加" }).click();
  await expect(add.getByText(/超过 30 个字/)).toBeVisible();
  await expect(add.getByLabel("词语")).toHaveValue("字".repeat(31));

  const tag = unique("").slice(-5);
  const words = [`代开发票${tag}`, `赌博${tag}`];
  await add.getByLabel("词语").fill(`${words[0]}\n${words[1]}、${words[0]}`);
  await add.getByLabel("分类（可选）").fill("测试");
  await add.getByRole("button", { name: "添加" }).click();
  await expect(add.getByText("已添加 2 个")).toBeVisible();
  await add.getByLabel("白名单").check();
  await add.getByLabel("词语").fill(`打击赌博${tag}`);
  await add.getByRole("button", { name: "添加" }).click();
  await expect(add.getByText("已添加 1 个")).toBeVisible();

  const check = page.getByRole("region", { name: "检查一段文字" });
  const text = `警方开展打击赌博${tag}行动。有人以代开发票${tag}为名行骗。`;
  await check.getByLabel("要检查的文字").fill(text);
  await check.getByRole("button", { name: "检查" }).click();
  await expect(check.getByText("发现 1 处敏感词：")).toBeVisible();
  await expect(check.locator("mark")).toHaveText([`代开发票${tag}`]);
  await expect(check.getByRole("listitem")).toContainText(`第 ${text.indexOf("代开发票") + 1} 字 · 测试`);
  const axe = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21aa"]).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual(
    [],
  );
  mkdirSync("/tmp/sensitive-shots", { recursive: true });
  await page.screenshot({ path: "/tmp/sensitive-shots/admin-1280.png", fullPage: true });

  // Found in the list, deleted, and no longer a hit.
  await page.getByLabel("查找").fill(tag);
  await page.getByRole("button", { name: "筛选" }).click();
  await expect(page.getByRole("heading", { name: "词表（3）" })).toBeVisible();
  await page.getByRole("button", { name: `删除“代开发票${tag}”` }).click();
  await expect(page.getByRole("heading", { name: "词表（2）" })).toBeVisible();
  await check.getByLabel("要检查的文字").fill(`有人以代开发票${tag}为名行骗。`);
  await check.getByRole("button", { name: "检查" }).click();
  await expect(check.getByText("未发现敏感词。")).toBeVisible();
});

test("editors cannot open the lists", async ({ page }) => {
  await signIn(page, EDITOR);
  await expect(page.getByRole("link", { name: "敏感词" })).toHaveCount(0);
  const res = await page.goto("/admin/sensitive-words");
  expect(res?.status()).toBe(403);
});

test("a story with a listed word waits for an admin: the editor sees the hits, the admin acknowledges and publishes", async ({
  page,
  browser,
}) => {
  const word = `刷单返利${unique("").slice(-5)}`;
  await signIn(page, ADMIN);
  await page.goto("/admin/sensitive-words");
  const add = page.getByRole("region", { name: "添加词语" });
  await add.getByLabel("词语").fill(word);
  await add.getByRole("button", { name: "添加" }).click();
  await expect(add.getByText("已添加 1 个")).toBeVisible();

  const editorContext = await browser.newContext();
  const editor = await editorContext.newPage();
  await signIn(editor, EDITOR);
  await editor.goto("/admin/articles/new");
  const title = unique("警方提醒");
  await fillStory(editor, { title, body: `所谓“${word}”都是骗局，请勿轻信。` });
  await editor.getByRole("button", { name: "立即发布", exact: true }).click();
  const check = editor.getByRole("region", { name: "敏感词检查" });
  await expect(check.locator("mark")).toHaveText([word]);
  await expect(check).toContainText("正文 第 4 字");
  await expect(editor.getByText(/须由主编核对确认后才能签发/)).toBeVisible();
  await expect(check.getByRole("checkbox")).toHaveCount(0);
  await expect(editor.getByLabel("标题", { exact: true })).toHaveValue(title);
  const id = await submitNewStory(editor, "保存草稿");
  await editorContext.close();

  await page.goto(`/admin/articles/${id}`);
  await page.getByRole("button", { name: "立即发布", exact: true }).click();
  const adminCheck = page.getByRole("region", { name: "敏感词检查" });
  await expect(adminCheck.locator("mark")).toHaveText([word]);
  await adminCheck.getByLabel("我已核对以上敏感词，确认可以发布").check();
  await page.getByRole("button", { name: "立即发布", exact: true }).click();
  await expect(page.getByText("已发布，读者现在可以看到这篇稿件")).toBeVisible();
});
