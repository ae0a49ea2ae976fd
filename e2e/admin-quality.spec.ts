// The editor pages meet the reader pages' bar: no serious axe-core (WCAG 2.1 A/AA) violations and
// valid HTML, signed in as an admin (who sees every page).
import { test } from "@playwright/test";
import { ADMIN, expectAccessible, expectValidHtml, publishStory, signIn, unique } from "./admin-helpers";

test("editor pages: no serious accessibility violations, valid HTML", async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, ADMIN);
  const id = await publishStory(page, {
    title: unique("质量检查"),
    body: "**小标题：**正文。",
    tags: "测试",
  });
  const paths = [
    "/admin",
    "/admin/articles",
    "/admin/articles/new",
    `/admin/articles/${id}`,
    `/admin/articles/${id}/preview`,
    `/admin/articles/${id}/revisions`,
    `/admin/articles/${id}/delete`,
    `/admin/articles/${id}/corrections`,
    `/admin/articles/${id}/gallery`,
    `/admin/articles/${id}/live`,
    "/admin/comments",
    "/admin/comments?status=all",
    "/admin/channels",
    "/admin/banner",
    "/admin/audit",
    "/admin/authors",
    "/admin/topics",
    "/admin/regions",
    "/admin/sensitive-words",
    "/admin/inbox",
  ];
  for (const path of paths) {
    await page.goto(path);
    const shot =
      path
        .replace(/^\/admin\/?/, "")
        .replace(/\d+/g, "id")
        .replace(/[^a-z]+/g, "-") || "dashboard";
    await page.screenshot({ path: `test-results/screenshots/admin-${shot}.png`, fullPage: true });
    await expectAccessible(page, path);
    await expectValidHtml(page, path);
  }
});
