// The desk dashboard (/admin): a story published in this run is under 今日发布, a scheduled one
// under 定时发布; readers' views put a story into the 24-hour ranking and the chart. Valid HTML,
// no serious axe violations, no sideways scrolling on a phone; screenshots for the closing note.
import { mkdirSync } from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import {
  EDITOR,
  beijingLocal,
  fillStory,
  publishStory,
  readerPage,
  signIn,
  submitNewStory,
  unique,
} from "./admin-helpers";
import { expectNoHorizontalOverflow, validator } from "./helpers";

const SHOTS = ["/tmp/dashboard-shots", "test-results/closing"];

async function shoot(page: Page, name: string): Promise<void> {
  for (const dir of SHOTS) {
    mkdirSync(dir, { recursive: true });
    await page.screenshot({ path: `${dir}/${name}.png`, fullPage: true });
  }
}

/** A reader's comment on the story open in `page` (after the form's minimum fill time). */
async function postComment(page: Page, body: string): Promise<void> {
  await page.locator(".comment-form").scrollIntoViewIfNeeded();
  const shownAt = Date.now();
  await page.getByLabel("评论内容（2–500 字）").fill(body);
  const wait = shownAt + 3_500 - Date.now();
  if (wait > 0) await page.waitForTimeout(wait);
  await page.getByRole("button", { name: "发表评论" }).click();
  await expect(page.locator(".comment-form [role=status]")).toContainText("审核");
}

const panel = (page: Page, id: string) => page.locator(`section[data-panel="${id}"]`);

/** Views of the story at `rank` (1-based) of the 24-hour ranking, 0 when it has fewer rows. */
async function viewsAtRank(page: Page, rank: number): Promise<number> {
  const rows = panel(page, "rank-24h").locator("li .adm-dash-views");
  if ((await rows.count()) < rank) return 0;
  return Number((await rows.nth(rank - 1).innerText()).replace(/\D/g, ""));
}

test("the desk dashboard shows today's stories, the schedule, and what readers read", async ({
  page,
  browser,
}) => {
  test.setTimeout(180_000);
  await signIn(page, EDITOR);
  const published = unique("今日看板");
  const publishedId = await publishStory(page, { title: published, body: "今天发布的稿件。" });

  await page.goto("/admin/articles/new");
  const scheduled = unique("定时看板");
  await fillStory(page, { title: scheduled, body: "两小时后发布的稿件。" });
  const due = Math.floor(Date.now() / 60_000) * 60_000 + 2 * 3_600_000;
  await page.getByLabel("发布时间（北京时间）").fill(beijingLocal(due));
  const scheduledId = await submitNewStory(page, "定时发布");

  // A reader comments on another story: it waits for moderation.
  const reader = await readerPage(browser);
  await reader.page.goto("/liuzhou");
  await reader.page.locator("main .teaser-title a").first().click();
  const comment = unique("看板评论");
  await postComment(reader.page, comment);
  await reader.context.close();

  await page.goto("/admin");
  const today = panel(page, "today");
  await expect(today.getByRole("heading", { level: 2 })).toContainText("今日发布");
  await expect(today.getByRole("link", { name: published, exact: true })).toHaveAttribute(
    "href",
    `/admin/articles/${publishedId}`,
  );
  await expect(today.getByRole("link", { name: new RegExp(`^读者页\\s*：${published}$`) })).toHaveAttribute(
    "href",
    `/liujiang/${publishedId}`,
  );
  const soon = panel(page, "scheduled");
  await expect(soon.getByRole("link", { name: scheduled, exact: true })).toHaveAttribute(
    "href",
    `/admin/articles/${scheduledId}`,
  );
  // Its Beijing time, marked 明天 when that is after midnight.
  await expect(soon.locator("li", { hasText: scheduled }).locator("time")).toHaveText(
    new RegExp(`^(明天 )?${beijingLocal(due).slice(11)}$`),
  );
  const comments = panel(page, "comments");
  await expect(comments.getByRole("heading", { level: 2 })).toContainText(/待审核评论\s*[1-9]/);
  await expect(comments.locator("li").first()).toContainText(comment);
  await expect(comments.getByRole("link", { name: "去审核" })).toHaveAttribute("href", "/admin/comments");

  // Readers: one more than the 10th story of the 24-hour ranking has, each a different client
  // (the same address, another browser), so each counts once.
  const needed = (await viewsAtRank(page, 10)) + 1;
  expect(needed).toBeLessThan(3_000);
  const before = ((await (await page.request.get(`/api/views/${publishedId}`)).json()) as { views: number })
    .views;
  for (let i = 0; i < needed; i += 25) {
    await Promise.all(
      Array.from({ length: Math.min(25, needed - i) }, (_, j) =>
        page.request
          .post(`/api/views/${publishedId}`, {
            headers: { "User-Agent": `Mozilla/5.0 (X11; Linux x86_64) DeskReader/${i + j}` },
          })
          .then((r) => expect(r.headers()["x-view"]).toBe("counted")),
      ),
    );
  }
  await expect
    .poll(
      async () =>
        ((await (await page.request.get(`/api/views/${publishedId}`)).json()) as { views: number }).views,
      { timeout: 10_000 },
    )
    .toBe(before + needed);

  await page.reload();
  const rank = panel(page, "rank-24h");
  const row = rank.locator("li", { hasText: published });
  await expect(row).toHaveCount(1);
  await expect(row.locator(".adm-dash-views")).toHaveText(`${needed} 次`);
  // Both rankings: ten stories, most views first (the 7-day one needs more than this run's views).
  for (const id of ["rank-24h", "rank-7d"]) {
    const views = (await panel(page, id).locator("li .adm-dash-views").allInnerTexts()).map((t) =>
      Number(t.replace(/\D/g, "")),
    );
    expect(views, id).toHaveLength(10);
    expect(views, id).toEqual([...views].sort((a, b) => b - a));
  }
  // The chart: an image with a text summary, its numbers in a table; the newest hour has our views.
  const hourly = panel(page, "views").getByRole("img", {
    name: /最近 24 小时每小时阅读量：共 [\d,]+ 次阅读/,
  });
  await expect(hourly).toBeVisible();
  await expect(panel(page, "views").getByRole("img", { name: /最近 7 天每日阅读量/ })).toBeVisible();
  await panel(page, "views").locator("summary", { hasText: "数据表" }).first().click();
  const table = panel(page, "views").getByRole("table", { name: "最近 24 小时每小时阅读量" });
  const lastHour = Number(
    (await table.locator("tbody tr").last().locator("td").nth(1).innerText()).replace(/\D/g, ""),
  );
  expect(lastHour).toBeGreaterThanOrEqual(needed);
  await page.reload();

  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
  const html = await (await page.request.get("/admin")).text();
  expect(html).toContain(published);
  const report = await validator.validateString(html, "/admin");
  expect(
    report.results.flatMap((r) => r.messages.map((m) => `${m.line}:${m.column} ${m.ruleId} ${m.message}`)),
  ).toEqual([]);

  await shoot(page, "dashboard-1280");
  await page.setViewportSize({ width: 375, height: 812 });
  await page.reload();
  await expectNoHorizontalOverflow(page);
  // Labels stay legible on a phone: the chart's text keeps its CSS size.
  const labelSize = await page
    .locator(".adm-chart-xlabel")
    .first()
    .evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  expect(labelSize).toBeGreaterThanOrEqual(12);
  await shoot(page, "dashboard-375");
});
