import { expect, test } from "@playwright/test";

test.describe("search on a phone", () => {
  test.use({ viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true });

  test("search from the header box and open a result", async ({ page }) => {
    await page.goto("/");
    const box = page.getByRole("searchbox", { name: "搜索新闻" });
    await box.fill("螺蛳粉");
    await box.press("Enter");
    await expect(page).toHaveURL(/\/search\?q=%E8%9E%BA%E8%9B%B3%E7%B2%89/);
    const results = page.locator("main .teaser-title a");
    await expect(results.first()).toBeVisible();
    await expect(page.locator("main mark").first()).toHaveText("螺蛳粉");
    await page.screenshot({ path: "test-results/screenshots/search-phone.png", fullPage: true });
    const title = (await results.first().textContent()) ?? "";
    await results.first().click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  });

  test("two-character place names and operator-only queries give normal pages", async ({ page, request }) => {
    await page.goto("/search?q=" + encodeURIComponent("融安"));
    await expect(page.locator("main .teaser-title a").first()).toBeVisible();
    for (const q of ['" * NEAR : ( -', "NEAR(", "*", '"""', "a".repeat(300), ""]) {
      const r = await request.get("/search?q=" + encodeURIComponent(q));
      expect(r.status(), q).toBe(200);
    }
  });
});
