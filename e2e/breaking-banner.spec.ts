// The 突发 banner: set in the editor area, on the next request to every process (both keep whole
// pages cached: README § Caching), gone on the next request once removed.
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { EDITOR, beijingLocal, signIn, unique } from "./admin-helpers";
import { OTHER_PROCESS, validator } from "./helpers";

const PROCESSES = ["", OTHER_PROCESS];
async function html(request: APIRequestContext, url: string): Promise<string> {
  const r = await request.get(url);
  expect(r.status(), url).toBe(200);
  return r.text();
}

async function openBannerPage(page: Page): Promise<void> {
  await page.goto("/admin");
  await page.getByRole("navigation", { name: "后台导航" }).getByRole("link", { name: "突发横幅" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "突发横幅" })).toBeVisible();
}

test("an editor sets the banner; every process shows it at once, and drops it once removed", async ({
  page,
  request,
}, testInfo) => {
  const channel = await html(request, "/liujiang");
  const article = /href="(\/liujiang\/\d+)"/.exec(channel)?.[1];
  expect(article).toBeTruthy();
  const paths = ["/", article ?? ""];
  // Both processes have the pages cached before the banner exists.
  for (const base of PROCESSES) {
    for (const path of paths) {
      await html(request, base + path);
      const again = await request.get(base + path);
      expect(["HIT", "STALE"]).toContain(again.headers()["x-nextjs-cache"]);
    }
  }

  await signIn(page, EDITOR);
  await openBannerPage(page);
  await expect(page.getByText("当前没有突发横幅。")).toBeVisible();
  // Near the 60-character limit: it must wrap, not overflow, on a phone.
  const text = unique("柳江水位超警戒线，市区沿江路段临时封闭，请市民绕行并留意最新通知");
  await page.getByLabel("横幅文字").fill(text);
  await page.getByLabel("链接的稿件").fill(`http://example.invalid${article}?from=groupmessage`);
  await page.getByLabel("结束时间（北京时间）").fill(beijingLocal(Date.now() + 3_600_000));
  await page.getByRole("button", { name: "发布横幅" }).click();
  await expect(page.getByText("突发横幅已发布")).toBeVisible();
  await expect(page.getByRole("region", { name: "当前横幅" })).toContainText(text);

  for (const base of PROCESSES) {
    for (const path of paths) {
      const body = await html(request, base + path);
      expect(body, base + path).toContain(text);
      expect(body).toContain('aria-label="突发新闻"');
      const report = await validator.validateString(body, path);
      expect(report.results.flatMap((r) => r.messages.map((m) => `${m.ruleId} ${m.message}`))).toEqual([]);
    }
  }

  // What a reader sees: the strip under the header, a link to the story, accessible, at both widths.
  const reader = await page.context().browser()?.newContext();
  const readerPage = await reader?.newPage();
  if (!readerPage || !reader) throw new Error("no reader context");
  await readerPage.goto("/");
  const banner = readerPage.getByRole("region", { name: "突发新闻" });
  await expect(banner).toContainText("突发");
  await expect(banner.getByRole("link", { name: text })).toHaveAttribute("href", article ?? "");
  const axe = await new AxeBuilder({ page: readerPage })
    .withTags(["wcag2a", "wcag2aa", "wcag21aa"])
    .analyze();
  expect(axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical")).toEqual([]);
  await readerPage.screenshot({ path: testInfo.outputPath("banner-1280.png") });
  await readerPage.setViewportSize({ width: 375, height: 800 });
  await readerPage.goto(article ?? "/");
  await expect(readerPage.getByRole("region", { name: "突发新闻" })).toBeVisible();
  const overflow = await readerPage.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await readerPage.screenshot({ path: testInfo.outputPath("banner-375.png") });
  await reader.close();

  await page.getByRole("button", { name: "撤下横幅" }).click();
  await expect(page.getByText("当前没有突发横幅。")).toBeVisible();
  for (const base of PROCESSES) {
    for (const path of paths) {
      const body = await html(request, base + path);
      expect(body, base + path).not.toContain(text);
      expect(body).not.toContain('aria-label="突发新闻"');
    }
  }
});

test("bad input is refused with a clear reason and everything typed stays", async ({ page }) => {
  await signIn(page, EDITOR);
  await page.goto("/admin/banner");
  const text = "字".repeat(61);
  const past = beijingLocal(Date.now() - 3_600_000);
  await page.getByLabel("横幅文字").fill(text);
  await page.getByLabel("链接的稿件").fill("/liujiang");
  await page.getByLabel("结束时间（北京时间）").fill(past);
  await page.getByRole("button", { name: "发布横幅" }).click();
  await expect(page.getByText("请检查标出的内容")).toBeVisible();
  await expect(page.getByText("横幅文字最多 60 个字")).toBeVisible();
  await expect(page.getByText("请填写稿件编号或稿件地址")).toBeVisible();
  await expect(page.getByText("结束时间须晚于现在")).toBeVisible();
  await expect(page.getByLabel("横幅文字")).toHaveValue(text);
  await expect(page.getByLabel("横幅文字")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("链接的稿件")).toHaveValue("/liujiang");
  await expect(page.getByLabel("结束时间（北京时间）")).toHaveValue(past);

  // A story readers cannot see is named as such.
  await page.getByLabel("横幅文字").fill("突发");
  await page.getByLabel("链接的稿件").fill("2000000000");
  await page.getByLabel("结束时间（北京时间）").fill(beijingLocal(Date.now() + 3_600_000));
  await page.getByRole("button", { name: "发布横幅" }).click();
  await expect(page.getByText("没有这篇稿件")).toBeVisible();
  await expect(page.getByLabel("链接的稿件")).toHaveValue("2000000000");
  await expect(page.getByText("当前没有突发横幅。")).toBeVisible();
});
