// 图集: an editor uploads five images at once to a story, captions and reorders them; readers step
// through them with the arrow keys, by tapping and swiping on a phone, and without JavaScript by
// the plain links (CSS :target). The page is valid HTML, accessible, and carries ImageGallery.
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { EDITOR, publishStory, randomJpeg, signIn, unique } from "./admin-helpers";
import { expectNoHorizontalOverflow, OTHER_PROCESS, validator } from "./helpers";

const SHOTS = "/tmp/gallery-shots";
/** The image shown now: its figure caption's "n/count". */
const shownNumber = (page: Page) => page.locator(".gallery-slide:visible .gallery-count");

async function expectAccessible(page: Page): Promise<void> {
  const axe = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21aa"]).analyze();
  expect(axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical")).toEqual([]);
}

let storyHref = "";

test.describe.configure({ mode: "serial" });

test("an editor uploads five images at once, captions and reorders them", async ({ page }) => {
  await signIn(page, EDITOR);
  const title = unique("图集｜柳江夜景");
  const id = await publishStory(page, { title, body: "柳江两岸夜景。", summary: "柳江两岸的夜景。" });
  await page.getByRole("link", { name: "图集", exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/admin/articles/${id}/gallery$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`图集：${title}`);
  await expect(page.getByText("还没有图片。")).toBeVisible();

  const files = await Promise.all(
    [1, 2, 3, 4, 5].map(async (n) => ({
      name: `night-${n}.jpg`,
      mimeType: "image/jpeg",
      buffer: await randomJpeg(1600, n % 2 ? 1000 : 1200),
    })),
  );
  await page.getByLabel("图片（可一次选择多张）").setInputFiles(files);
  await page.getByLabel("图片来源（这一批共用，可留空）").fill("本报记者 韦清 摄");
  await page.getByRole("button", { name: "上传到图集" }).click();
  await expect(page.getByRole("status")).toContainText("已加入 5 张图片。");
  await expect(page.getByRole("heading", { name: /图集中的图片（5 张）/ })).toBeVisible();
  const rows = page.locator(".adm-gallery-item");
  await expect(rows).toHaveCount(5);

  for (let n = 1; n <= 5; n++) {
    await page.getByLabel(`第 ${n} 张的说明`).fill(`夜景第${n}张`);
    await page.getByRole("button", { name: `保存第 ${n} 张` }).click();
    await expect(rows.nth(n - 1).getByText("已保存")).toBeVisible();
  }
  // A caption too long is refused next to its field, and what was typed stays.
  const long = "长".repeat(301);
  await page.getByLabel("第 2 张的说明").fill(long);
  await page.getByRole("button", { name: "保存第 2 张" }).click();
  await expect(rows.nth(1).locator(".adm-field-error").first()).toHaveText("图片说明最多 300 个字");
  await expect(page.getByLabel("第 2 张的说明")).toHaveValue(long);
  await page.getByLabel("第 2 张的说明").fill("夜景第2张");
  await page.getByRole("button", { name: "保存第 2 张" }).click();
  await expect(rows.nth(1).getByText("已保存")).toBeVisible();

  // The fifth moves up once: 1 2 3 5 4.
  await page.getByRole("button", { name: "第 5 张上移" }).click();
  await expect(page.getByLabel("第 4 张的说明")).toHaveValue("夜景第5张");
  await expect(page.getByLabel("第 5 张的说明")).toHaveValue("夜景第4张");

  // A file that is not an image is refused with the reason; the gallery keeps its five.
  await page
    .getByLabel("图片（可一次选择多张）")
    .setInputFiles([{ name: "notes.jpg", mimeType: "image/jpeg", buffer: Buffer.from("not an image") }]);
  await page.getByRole("button", { name: "上传到图集" }).click();
  await expect(page.getByRole("status")).toContainText("notes.jpg：");
  await expect(rows).toHaveCount(5);
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.screenshot({ path: `${SHOTS}/gallery-editor-1280.png`, fullPage: true });
  await expectAccessible(page);
  const report = await validator.validateString(await page.content(), "gallery editor");
  expect(report.results.flatMap((r) => r.messages.map((m) => `${m.ruleId} ${m.message}`))).toEqual([]);

  storyHref = (await page.getByRole("link", { name: "查看读者页面" }).getAttribute("href")) ?? "";
  expect(storyHref).toMatch(/^\/liujiang\/\d+$/);
});

test("readers step through it with the arrow keys; the page is valid, accessible, structured", async ({
  page,
  request,
}) => {
  expect(storyHref).not.toBe("");
  // Both processes serve the gallery (the upload dropped the story on every process).
  for (const base of ["", OTHER_PROCESS]) {
    const res = await request.get(base + storyHref);
    expect(res.status()).toBe(200);
    const html = await res.text();
    expect(html).toContain("夜景第5张");
    const report = await validator.validateString(html, storyHref);
    expect(report.results.flatMap((r) => r.messages.map((m) => `${m.ruleId} ${m.message}`))).toEqual([]);
  }

  await page.goto(storyHref);
  const gallery = page.getByRole("region", { name: /^图集：.*（共 5 张）$/ });
  await expect(gallery).toBeVisible();
  await expect(shownNumber(page)).toHaveText("1/5");
  await expect(page.locator(".gallery-slide:visible figcaption")).toContainText("夜景第1张");
  await expect(page.locator(".gallery-slide:visible figcaption")).toContainText("本报记者 韦清 摄");
  // Responsive derivatives; only the image shown is loaded with the page.
  const imgs = gallery.locator(".gallery-slide img");
  await expect(imgs.first()).toHaveAttribute("srcset", /320w, .*640w, .*1280w/);
  await expect(imgs.first()).toHaveAttribute("loading", "eager");
  await expect(imgs.nth(2)).toHaveAttribute("loading", "lazy");

  await page.keyboard.press("ArrowRight");
  await expect(shownNumber(page)).toHaveText("2/5");
  await expect(page).toHaveURL(/#p2$/);
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("ArrowRight");
  await expect(shownNumber(page)).toHaveText("4/5");
  await expect(page.locator(".gallery-slide:visible figcaption")).toContainText("夜景第5张"); // reordered
  await page.keyboard.press("ArrowLeft");
  await page.keyboard.press("ArrowLeft");
  await page.keyboard.press("ArrowLeft");
  await expect(shownNumber(page)).toHaveText("1/5");
  await page.keyboard.press("ArrowLeft"); // wraps round
  await expect(shownNumber(page)).toHaveText("5/5");
  // The links, pressed from the keyboard, keep the focus on the same link of the next image.
  await gallery
    .getByRole("link", { name: /^下一张/ })
    .filter({ visible: true })
    .focus();
  await page.keyboard.press("Enter");
  await expect(shownNumber(page)).toHaveText("1/5");
  await expect(page.locator(":focus")).toHaveAccessibleName("下一张（第 2 张）");
  // Arrow keys typed into the comment form stay there.
  await page.getByLabel(/^评论内容/).focus();
  await page.keyboard.press("ArrowRight");
  await expect(shownNumber(page)).toHaveText("1/5");

  // Structured data: the NewsArticle and an ImageGallery of the five images.
  const blocks = await page
    .locator('script[type="application/ld+json"]')
    .evaluateAll((els) => els.map((e) => JSON.parse(e.textContent ?? "null") as Record<string, unknown>));
  expect(blocks.map((b) => b["@type"])).toEqual(expect.arrayContaining(["NewsArticle", "ImageGallery"]));
  const ld = blocks.find((b) => b["@type"] === "ImageGallery") as {
    numberOfItems: number;
    associatedMedia: { "@type": string; contentUrl: string; caption: string; creditText: string }[];
  };
  expect(ld.numberOfItems).toBe(5);
  expect(ld.associatedMedia.map((m) => m.caption)).toEqual([
    "夜景第1张",
    "夜景第2张",
    "夜景第3张",
    "夜景第5张",
    "夜景第4张",
  ]);
  for (const m of ld.associatedMedia) {
    expect(m["@type"]).toBe("ImageObject");
    expect(m.contentUrl).toMatch(/^https?:\/\/[^/]+\/media\/.+-1280\.webp$/);
    expect(m.creditText).toBe("本报记者 韦清 摄");
  }

  await expectAccessible(page);
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("ArrowRight");
  await expect(shownNumber(page)).toHaveText("3/5");
  await gallery.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/gallery-reader-1280.png`, fullPage: true });
});

test("on a phone, a tap on 下一张 and a swipe step through the images", async ({ browser }) => {
  const context = await browser.newContext({
    viewport: { width: 375, height: 800 },
    hasTouch: true,
    isMobile: true,
  });
  const page = await context.newPage();
  await page.goto(storyHref);
  await expect(shownNumber(page)).toHaveText("1/5");
  await page.locator(".gallery-slide:visible .gallery-step a", { hasText: "下一张" }).tap();
  await expect(shownNumber(page)).toHaveText("2/5");
  const swipe = async (dx: number) =>
    page.locator(".gallery-slide:visible img").evaluate((img, dx) => {
      const box = img.getBoundingClientRect();
      const y = box.top + box.height / 2;
      const x = box.left + box.width / 2;
      const touch = (clientX: number) => new Touch({ identifier: 1, target: img, clientX, clientY: y });
      img.dispatchEvent(new TouchEvent("touchstart", { touches: [touch(x)], bubbles: true }));
      img.dispatchEvent(new TouchEvent("touchend", { changedTouches: [touch(x + dx)], bubbles: true }));
    }, dx);
  await swipe(-120); // right to left: the next image
  await expect(shownNumber(page)).toHaveText("3/5");
  await swipe(120);
  await expect(shownNumber(page)).toHaveText("2/5");
  await swipe(20); // too short: no step
  await expect(shownNumber(page)).toHaveText("2/5");
  await expectNoHorizontalOverflow(page);
  await expectAccessible(page);
  await page.screenshot({ path: `${SHOTS}/gallery-reader-375.png`, fullPage: false });
  await page.locator(".gallery").scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/gallery-reader-375-gallery.png` });
  await context.close();
});

test("without JavaScript every image is reachable by its links", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(storyHref);
  await expect(page.locator(".gallery-slide:visible")).toHaveCount(1);
  await expect(shownNumber(page)).toHaveText("1/5");
  await page
    .locator(".gallery-slide:visible")
    .getByRole("link", { name: /^下一张/ })
    .click();
  await expect(page).toHaveURL(/#p2$/);
  await expect(shownNumber(page)).toHaveText("2/5");
  await page
    .locator(".gallery-slide:visible")
    .getByRole("link", { name: /^上一张/ })
    .click();
  await expect(shownNumber(page)).toHaveText("1/5");
  for (let n = 1; n <= 5; n++) {
    await page
      .getByRole("navigation", { name: "图集目录" })
      .getByRole("link", { name: `第 ${n} 张` })
      .click();
    await expect(page.locator(".gallery-slide:visible")).toHaveCount(1);
    await expect(shownNumber(page)).toHaveText(`${n}/5`);
    // The lazily loaded image of the slide shown is loaded.
    await expect
      .poll(() =>
        page.locator(".gallery-slide:visible img").evaluate((img: HTMLImageElement) => img.naturalWidth),
      )
      .toBeGreaterThan(0);
  }
  await page.goto(`${storyHref}#p4`);
  await expect(shownNumber(page)).toHaveText("4/5");
  await context.close();
});

test("the demo galleries feed 图文看点 with their cover", async ({ page }) => {
  await page.goto("/");
  const pictures = page.locator('section[data-block="pictures"]');
  const link = pictures.getByRole("link", { name: /^图集｜/ }).first();
  await expect(link).toBeVisible();
  await expect(link.locator("img")).toHaveAttribute("srcset", /\/media\/.+-320\.webp 320w/);
  await pictures.scrollIntoViewIfNeeded();
  await pictures.screenshot({ path: `${SHOTS}/pictures-1280.png` });
  await link.click();
  await expect(page.locator(".gallery")).toBeVisible();
  expect(await page.locator(".gallery-slide").count()).toBeGreaterThanOrEqual(5);
  // Shared and described by its cover (the story has no lead image), not by the site's logo.
  const cover = await page.locator(".gallery-slide img").first().getAttribute("src");
  const coverKey = cover?.match(/\/media\/(.+)-\d+\.webp$/)?.[1];
  expect(coverKey).toBeTruthy();
  await expect(page.locator('meta[property="og:image"]')).toHaveAttribute(
    "content",
    new RegExp(`/media/${coverKey}-`),
  );
  const jsonLd = await page.locator('script[type="application/ld+json"]').allTextContents();
  const article = jsonLd.map((t) => JSON.parse(t)).find((d) => d["@type"] === "NewsArticle");
  expect(JSON.stringify(article?.image)).toContain(`/media/${coverKey}-`);
  await page.keyboard.press("ArrowRight");
  await expect(shownNumber(page)).toHaveText(/^2\//);
  await expectAccessible(page);
  await page.screenshot({ path: `${SHOTS}/demo-gallery-1280.png` });
  await page.setViewportSize({ width: 375, height: 800 });
  await expectNoHorizontalOverflow(page);
  await page.locator(".gallery").scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/demo-gallery-375.png` });
});
