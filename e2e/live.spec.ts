// 直播: an editor runs a story's live coverage; a reader's open page shows new entries within 30 s
// without reloading (it polls /api/live/<id>, cached whole on every process), then the badge says
// 直播已结束. The reader page passes the HTML and accessibility checks, and the structured data
// is a LiveBlogPosting.
import { mkdirSync } from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { EDITOR, readerPage, signIn, unique } from "./admin-helpers";
import { expectNoHorizontalOverflow, OTHER_PROCESS, validator } from "./helpers";

const SHOTS = "/tmp/live-shots";
async function html(request: APIRequestContext, url: string): Promise<string> {
  const r = await request.get(url);
  expect(r.status(), url).toBe(200);
  return r.text();
}

async function checkPage(page: Page, request: APIRequestContext, path: string, shot: string): Promise<void> {
  const body = await html(request, path);
  const report = await validator.validateString(body, path);
  expect(report.results.flatMap((r) => r.messages.map((m) => `${m.ruleId} ${m.message}`))).toEqual([]);
  const axe = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21aa"]).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual(
    [],
  );
  mkdirSync(SHOTS, { recursive: true });
  // The section's top (its heading and badge) at the top of the window, at both widths.
  const top = () => page.evaluate(() => document.getElementById("live-heading")?.scrollIntoView());
  await top();
  await page.screenshot({ path: `${SHOTS}/${shot}-1280.png` });
  await page.setViewportSize({ width: 375, height: 800 });
  await expectNoHorizontalOverflow(page);
  await top();
  await page.screenshot({ path: `${SHOTS}/${shot}-375.png` });
  await page.setViewportSize({ width: 1280, height: 900 });
}

function liveJsonLd(body: string): Record<string, unknown> | undefined {
  const blocks = [...body.matchAll(/<script type="application\/ld\+json">(.*?)<\/script>/g)].map(
    (m) => JSON.parse(m[1] ?? "null") as Record<string, unknown>,
  );
  return blocks.find((b) => b["@type"] === "LiveBlogPosting");
}

test("an editor covers a story live; an open reader page shows each entry without reloading, then the end", async ({
  page,
  browser,
  request,
}) => {
  test.setTimeout(180_000);
  const channel = await html(request, "/rongan");
  const href = /href="(\/rongan\/(\d+))"/.exec(channel);
  const path = href?.[1] ?? "";
  const id = href?.[2] ?? "";
  expect(id).not.toBe("");

  await signIn(page, EDITOR);
  await page.goto(`/admin/articles/${id}`);
  await page.getByRole("link", { name: "直播", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: /^直播：/ })).toBeVisible();
  await page.getByRole("button", { name: "开始直播" }).click();
  await expect(page.getByRole("button", { name: "结束直播" })).toBeVisible();

  // Bad input: refused, named, kept.
  const form = page.getByRole("region", { name: "发布新条目" });
  await form.getByLabel("引语出处（可选）").fill("某人");
  await form.getByRole("button", { name: "发布", exact: true }).click();
  await expect(form.getByText("请输入直播内容")).toBeVisible();
  await expect(form.getByText("填写了出处，请同时填写引语")).toBeVisible();
  await expect(form.getByLabel("引语出处（可选）")).toHaveValue("某人");

  const first = unique("融安县城区降雨量已达 86 毫米，");
  await form.getByLabel("直播内容").fill(first);
  await form.getByLabel("引语出处（可选）").fill("");
  await form.getByRole("button", { name: "发布", exact: true }).click();
  await expect(page.getByText("已发布，读者页面将在十几秒内显示")).toBeVisible();

  // A reader opens the story: the entry and 直播中, rendered in the HTML (no JavaScript needed).
  const { context, page: reader } = await readerPage(browser);
  await reader.goto(path);
  const region = reader.getByRole("region", { name: /^直播 直播/ });
  await expect(region.getByText("直播中")).toBeVisible();
  await expect(region.getByText(first)).toBeVisible();
  await reader.evaluate(() => {
    (window as unknown as { stayed: boolean }).stayed = true;
  });

  // The second entry, with a quote and an image, reaches the open page within 30 s.
  const second = unique("柳江融安段水位上涨，");
  await form.getByLabel("直播内容").fill(second);
  await form.getByLabel("引语（可选）").fill("请沿江群众注意安全");
  await form.getByLabel("引语出处（可选）").fill("融安县气象局");
  await form.getByLabel("图片（可选）").selectOption({ index: 1 });
  await form.getByRole("button", { name: "发布", exact: true }).click();
  await expect(page.getByText("已发布，读者页面将在十几秒内显示")).toBeVisible();
  await expect(region.getByText(second)).toBeVisible({ timeout: 30_000 });
  await expect(region.getByText("——融安县气象局")).toBeVisible();
  await expect(region.locator("img")).toHaveCount(1);

  // Pin the first, correct the second: both processes' endpoints show it at once.
  await page
    .getByRole("button", { name: /^置顶条目 #\d+$/ })
    .last()
    .click();
  await expect(page.getByText("（置顶）")).toBeVisible();
  await page.getByText("更正这条").first().click();
  const corrected = `${second}（更正：水位已回落）`;
  await page.getByLabel("更正后的内容").first().fill(corrected);
  await page.getByRole("button", { name: "保存更正" }).first().click();
  await expect(page.getByText(/已更正 \d{4}-/)).toBeVisible();
  // The editor's page: accessible, and what it looks like with entries.
  const adminAxe = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21aa"]).analyze();
  expect(adminAxe.violations.map((v) => v.id)).toEqual([]);
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/admin-1280.png`, fullPage: true });
  for (const base of ["", OTHER_PROCESS]) {
    const res = await request.get(`${base}/api/live/${id}`);
    expect(res.status()).toBe(200);
    expect(res.headers()["etag"]).toMatch(/^"[\w-]+"$/);
    const view = (await res.json()) as {
      live: boolean;
      entries: { body: string[]; pinned: boolean; correctedAt: string | null }[];
    };
    expect(view.live).toBe(true);
    expect(view.entries.find((e) => e.pinned)?.body).toEqual([first]);
    expect(view.entries.find((e) => e.correctedAt)?.body).toEqual([corrected]);
    // The second ask is answered from the cache.
    expect(["HIT", "STALE"]).toContain(
      (await request.get(`${base}/api/live/${id}`)).headers()["x-nextjs-cache"],
    );
  }
  await expect(region.getByText("已更正")).toBeVisible({ timeout: 30_000 });
  await expect(region.locator(".live-pinned")).toContainText(first);

  // The page, its markup and accessibility, at both widths, while live.
  await checkPage(reader, request, path, "live-on");
  const ld = liveJsonLd(await html(request, path));
  expect(ld).toMatchObject({
    "@type": "LiveBlogPosting",
    coverageStartTime: expect.stringMatching(/\+08:00$/),
  });
  expect(ld?.coverageEndTime).toBeUndefined();
  expect(ld?.liveBlogUpdate).toHaveLength(2);

  // The end: the open page's badge changes, and it stops asking.
  await page.getByRole("button", { name: "结束直播" }).click();
  await expect(page.getByRole("button", { name: "重新开始直播" })).toBeVisible();
  await expect(region.getByText("直播已结束")).toBeVisible({ timeout: 30_000 });
  expect(await reader.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).toBe(true);
  const ended = liveJsonLd(await html(request, path));
  expect(ended).toMatchObject({ coverageEndTime: expect.stringMatching(/\+08:00$/) });
  let polls = 0;
  reader.on("request", (r) => {
    if (r.url().includes("/api/live/")) polls++;
  });
  await reader.waitForTimeout(15_000);
  expect(polls).toBe(0);
  await context.close();
});

test("the demo's live story: ended, pinned entry on top, valid and accessible", async ({ page, request }) => {
  const tag = await html(request, `/tag/${encodeURIComponent("直播")}`);
  const path = /href="(\/liuzhou\/\d+)"/.exec(tag)?.[1] ?? "";
  expect(path).not.toBe("");
  await page.goto(path);
  const region = page.getByRole("region", { name: /^直播 直播/ });
  await expect(region.getByText("直播已结束")).toBeVisible();
  await expect(region.locator(".live-pinned")).toContainText("打破赛会纪录");
  await expect(region.locator("article")).toHaveCount(8);
  await checkPage(page, request, path, "live-demo");
  expect(liveJsonLd(await html(request, path))?.liveBlogUpdate).toHaveLength(8);
});
