// Admins rename a channel's slug: old channel and story addresses redirect to the new ones, the
// channel bar follows, the audit log records it. The seed's slug is restored at the end.
import { expect, test } from "@playwright/test";
import { ADMIN, readerPage, signIn } from "./admin-helpers";

test("renaming a channel slug redirects the old addresses; the audit log records it", async ({
  page,
  browser,
}) => {
  await signIn(page, ADMIN);
  await page.goto("/admin/channels");
  const form = page.getByRole("form", { name: /^三江新闻/ });
  const slug = form.getByLabel("地址（拼音）");
  const reader = await readerPage(browser);
  await reader.page.goto("/sanjiang");
  const storyPath = new URL(
    (await reader.page.locator("main .teaser-title a").first().getAttribute("href")) ?? "",
    "http://x",
  ).pathname;
  const id = storyPath.split("/")[2];

  try {
    // Refused: reserved and malformed slugs, with the message next to the field and input kept.
    await slug.fill("admin");
    await form.getByRole("button", { name: "保存频道 三江新闻" }).click();
    await expect(form.locator("[id$=-slug-error]")).toHaveText("该地址为网站保留地址，不能使用");
    await expect(slug).toHaveValue("admin");
    await slug.fill("San Jiang");
    await form.getByRole("button", { name: "保存频道 三江新闻" }).click();
    await expect(form.locator("[id$=-slug-error]")).toContainText("小写拼音");

    await slug.fill("sanjiangxian");
    await form.getByRole("button", { name: "保存频道 三江新闻" }).click();
    await expect(page.getByText("旧地址 /sanjiang 会自动跳转到 /sanjiangxian")).toBeVisible();

    const channel = await reader.page.goto("/sanjiang");
    expect(reader.page.url()).toMatch(/\/sanjiangxian$/);
    expect(channel?.status()).toBe(200);
    await reader.page.goto(storyPath);
    expect(new URL(reader.page.url()).pathname).toBe(`/sanjiangxian/${id}`);
    await expect(
      reader.page.getByRole("navigation", { name: "频道" }).getByRole("link", { name: "三江新闻" }),
    ).toHaveAttribute("href", "/sanjiangxian");
    // The channel's ranking too, in the path form and in the older query form.
    await reader.page.goto("/rank/7d/sanjiang");
    expect(new URL(reader.page.url()).pathname).toBe("/rank/7d/sanjiangxian");
    await expect(reader.page.getByRole("heading", { level: 1 })).toContainText("三江新闻");
    await reader.page.goto("/rank?channel=sanjiang");
    expect(new URL(reader.page.url()).pathname).toBe("/rank/24h/sanjiangxian");

    await page.goto("/admin/audit");
    await expect(page.getByRole("row").filter({ hasText: "修改频道" }).first()).toContainText(
      "slug: sanjiang → sanjiangxian",
    );
  } finally {
    // Put the seed's slug back (it is this channel's own old slug, so it may be taken back).
    await page.goto("/admin/channels");
    const again = page.getByRole("form", { name: /^三江新闻/ });
    await again.getByLabel("地址（拼音）").fill("sanjiang");
    await again.getByRole("button", { name: "保存频道 三江新闻" }).click();
    await expect(page.getByText(/已保存/)).toBeVisible();
  }
  await reader.page.goto("/sanjiangxian");
  expect(new URL(reader.page.url()).pathname).toBe("/sanjiang");
  await reader.context.close();
});
