// Reporters' pages: an editor creates a profile with a photo, a story whose byline names the
// reporter links to /author/<slug>, which lists the reporter's stories (newest first) on both
// processes, with Person structured data; bad input is refused with the form kept; the pages are
// valid HTML without serious accessibility violations, at 1280 px and 375 px.
import { mkdirSync } from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { EDITOR, publishStory, randomJpeg, readerPage, signIn, unique } from "./admin-helpers";
import { expectNoHorizontalOverflow, OTHER_PROCESS, validator } from "./helpers";

const SHOTS = process.env.AUTHOR_SHOTS_DIR ?? "test-results/screenshots";

async function expectValidHtml(html: string, path: string): Promise<void> {
  const report = await validator.validateString(html, path);
  const messages = report.results.flatMap((r) =>
    r.messages.map((m) => `${path} ${m.line}:${m.column} ${m.ruleId} ${m.message}`),
  );
  expect(messages, path).toEqual([]);
}

async function expectAccessible(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

/** Every JSON-LD object of the page, parsed. */
async function jsonLd(page: Page): Promise<Record<string, unknown>[]> {
  const texts = await page.locator('script[type="application/ld+json"]').allTextContents();
  return texts.map((t) => JSON.parse(t) as Record<string, unknown>);
}

test("an editor's reporter profile links the bylines naming it to a page listing their stories", async ({
  page,
  browser,
  request,
}) => {
  mkdirSync(SHOTS, { recursive: true });
  const name = unique("韦");
  const slug = unique("wei").toLowerCase();
  await signIn(page, EDITOR);

  // Create the profile, with a photo uploaded the way lead images are.
  await page.getByRole("navigation", { name: "后台导航" }).getByRole("link", { name: "记者" }).click();
  await expect(page).toHaveURL(/\/admin\/authors$/);
  await page.getByRole("link", { name: "新建记者资料" }).click();
  await page.getByLabel("姓名").fill(name);
  await page.getByLabel("页面地址").fill(slug);
  await page.getByLabel("部门").fill("柳州新闻部");
  await page.getByLabel("简介").fill("跑城建与民生线，关注老城区改造和公交出行。");
  await page.getByLabel("选择照片文件").setInputFiles({
    name: "portrait.jpg",
    mimeType: "image/jpeg",
    buffer: await randomJpeg(600, 600),
  });
  await page.getByRole("button", { name: "上传照片" }).click();
  await expect(page.getByText("照片已上传，保存后生效")).toBeVisible();
  await page.getByRole("button", { name: "创建" }).click();
  await expect(page).toHaveURL(/\/admin\/authors\/\d+\?created=0$/);
  await expect(page.getByRole("status")).toContainText("记者资料已创建");
  const editPath = new URL(page.url()).pathname;

  // The editor's pages pass the same checks as the rest of the editor area.
  for (const path of ["/admin/authors", "/admin/authors/new", editPath]) {
    await page.goto(path);
    await expectAccessible(page);
    await expectValidHtml(await (await page.request.get(path)).text(), path);
  }
  await page.screenshot({ path: `${SHOTS}/admin-author-edit-1280.png`, fullPage: true });

  // A second profile of the same name, with a bad address, is refused and keeps what was typed.
  await page.goto("/admin/authors/new");
  await page.getByLabel("姓名").fill(name);
  await page.getByLabel("页面地址").fill("韦莉");
  await page.getByRole("button", { name: "创建" }).click();
  await expect(page.locator("#author-slug-error")).toContainText("小写拼音");
  await expect(page.getByLabel("页面地址")).toHaveValue("韦莉");
  await page.getByLabel("页面地址").fill(unique("x").toLowerCase());
  await page.getByRole("button", { name: "创建" }).click();
  await expect(page.locator("#author-name-error")).toContainText("已有同名");
  await expect(page.getByLabel("姓名")).toHaveValue(name);
  await page.setViewportSize({ width: 375, height: 800 });
  await expectNoHorizontalOverflow(page);
  await page.screenshot({ path: `${SHOTS}/admin-author-refused-375.png`, fullPage: true });
  await page.setViewportSize({ width: 1280, height: 900 });

  // Two stories name the reporter among others; the second is the newer.
  const older = unique("记者页测试甲");
  const newer = unique("记者页测试乙");
  const first = await publishStory(page, {
    title: older,
    body: "正文一。",
    byline: `本报记者 ${name}、覃文`,
  });
  const second = await publishStory(page, {
    title: newer,
    body: "正文二。",
    byline: `通讯员 覃文 记者${name}`,
  });
  expect(second).toBeGreaterThan(first);

  // A reader: the byline's name is a link, the other name stays text.
  const { context, page: reader } = await readerPage(browser);
  await reader.goto(`/liujiang/${second}`);
  const byline = reader.locator("article .byline");
  await expect(byline).toHaveText(`通讯员 覃文 记者${name}`);
  await expect(byline.getByRole("link")).toHaveCount(1);
  await expect(byline.getByRole("link", { name })).toHaveAttribute("href", `/author/${slug}`);
  const article = (await jsonLd(reader)).find((d) => d["@type"] === "NewsArticle");
  expect(article?.author).toEqual([
    { "@type": "Person", name: "覃文" },
    { "@type": "Person", name, url: expect.stringMatching(new RegExp(`/author/${slug}$`)) },
  ]);

  await byline.getByRole("link", { name }).click();
  await expect(reader).toHaveURL(new RegExp(`/author/${slug}$`));
  await expect(reader.getByRole("heading", { level: 1 })).toHaveText(name);
  await expect(reader.locator(".author-desk")).toHaveText("柳州新闻部");
  await expect(reader.locator(".author-bio")).toContainText("跑城建与民生线");
  await expect(reader.locator(".author-head img")).toHaveAttribute("alt", name);
  await expect(reader.locator(".channel-slogan")).toHaveText("共 2 篇报道");
  const titles = await reader.locator("main .teaser-title a").allTextContents();
  expect(titles).toEqual([newer, older]);
  const person = (await jsonLd(reader)).find((d) => d["@type"] === "Person");
  expect(person).toMatchObject({
    "@context": "https://schema.org",
    name,
    url: expect.stringMatching(new RegExp(`/author/${slug}$`)),
    jobTitle: "柳州新闻部",
    image: { "@type": "ImageObject", url: expect.stringMatching(/\/media\/.+\.webp$/) },
    worksFor: { "@type": "Organization" },
  });

  // Checks like the other reader pages', and the look at both widths.
  await expectValidHtml(await (await request.get(`/author/${slug}`)).text(), `/author/${slug}`);
  await expectValidHtml(await (await request.get(`/liujiang/${second}`)).text(), `/liujiang/${second}`);
  await expectAccessible(reader);
  await reader.setViewportSize({ width: 1280, height: 900 });
  await reader.screenshot({ path: `${SHOTS}/author-1280.png`, fullPage: true });
  await reader.setViewportSize({ width: 375, height: 800 });
  await expectNoHorizontalOverflow(reader);
  await reader.screenshot({ path: `${SHOTS}/author-375.png`, fullPage: true });
  await reader.goto(`/liujiang/${second}`);
  await reader.locator("article .byline").scrollIntoViewIfNeeded();
  await reader.screenshot({ path: `${SHOTS}/author-byline-375.png` });

  // The editor changes the bio: the other process's cached page shows it on its next request.
  expect(await (await request.get(`${OTHER_PROCESS}/author/${slug}`)).text()).toContain("跑城建与民生线");
  await page.goto("/admin/authors");
  await page.getByRole("link", { name, exact: true }).click();
  await page.getByLabel("简介").fill("现跑教育线。");
  await page.getByRole("button", { name: "保存" }).click();
  await expect(page.locator("form .adm-form-message")).toHaveText("已保存");
  for (const origin of ["", OTHER_PROCESS]) {
    expect(await (await request.get(`${origin}/author/${slug}`)).text()).toContain("现跑教育线。");
  }

  // Page numbers map onto the cached page's path; past the last, and unknown reporters, are 404s.
  expect((await request.get(`/author/${slug}?page=1`)).status()).toBe(200);
  for (const path of [
    `/author/${slug}?page=2`,
    `/author/${slug}?page=x`,
    "/author/no-such-reporter",
    "/author/%E9%9F%A6",
  ]) {
    const res = await request.get(path);
    expect(res.status(), path).toBe(404);
    expect(await res.text(), path).toContain("页面不存在");
  }

  // The sitemap lists the page.
  expect(await (await request.get("/sitemap.xml")).text()).toContain(`/author/${slug}</loc>`);
  await context.close();
});

test("demo reporters have their pages, linked from the demo stories' bylines", async ({ page }) => {
  await page.goto("/author/ou-jinfeng");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("欧金凤");
  const stories = page.locator("main .teaser-title a");
  expect(await stories.count()).toBeGreaterThan(0);
  await stories.first().click();
  await expect(page.locator("article .byline").getByRole("link", { name: "欧金凤" })).toHaveAttribute(
    "href",
    "/author/ou-jinfeng",
  );
});
