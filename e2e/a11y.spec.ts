import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";

// axe-core's WCAG 2 A/AA rules on the reader pages: no serious or critical violations.
for (const [name, path] of [
  ["home", "/"],
  ["channel", "/rongan"],
  ["ranking", "/rank/7d"],
  ["search", "/search?q=" + encodeURIComponent("螺蛳粉")],
] as const) {
  test(`${name} page has no serious accessibility violations`, async ({ page }) => {
    await page.goto(path);
    const results = await new AxeBuilder({ page })
      .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
      .analyze();
    const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
  });
}

test("article page has no serious accessibility violations", async ({ page }) => {
  await page.goto("/sanjiang");
  await page.locator("main .teaser-title a").first().click();
  await expect(page).toHaveURL(/\/sanjiang\/\d+$/);
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
});
