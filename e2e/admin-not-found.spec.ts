// Editor-area addresses that lead nowhere are real 404s rendered on the server: the status, and
// the 404 text inside the admin frame in the HTML itself (not drawn by JavaScript after loading).
import { expect, test } from "@playwright/test";
import { EDITOR, signIn } from "./admin-helpers";

const MISSING = 999_999_999;

const paths = [
  `/admin/articles/${MISSING}`,
  "/admin/articles/abc",
  "/admin/articles/0",
  `/admin/articles/${MISSING}/revisions`,
  `/admin/articles/${MISSING}/revisions/compare`,
  `/admin/articles/${MISSING}/gallery`,
  `/admin/articles/${MISSING}/corrections`,
  `/admin/articles/${MISSING}/live`,
  `/admin/articles/${MISSING}/preview`,
  "/admin/articles?after=abc",
  "/admin/articles?before=1.0",
  "/admin/comments?page=0",
  `/admin/authors/${MISSING}`,
  `/admin/topics/${MISSING}`,
];

test("missing stories and malformed addresses in the editor area are server-rendered 404s", async ({
  page,
  browser,
}) => {
  await signIn(page, EDITOR);
  // A story that exists: its revisions page with a page number that is not one.
  const list = await (await page.request.get("/admin/articles")).text();
  const existing = /href="\/admin\/articles\/(\d+)"/.exec(list)?.[1];
  expect(existing).toBeDefined();
  for (const path of [...paths, `/admin/articles/${existing}/revisions?page=x`]) {
    const response = await page.request.get(path);
    expect(response.status(), path).toBe(404);
    const html = await response.text();
    // The page's own frame (not Next's empty error shell) with the text in it.
    expect(html, path).toContain('<html lang="zh-CN"');
    expect(html, path).not.toContain('id="__next_error__"');
    expect(html, path).toContain("<h1>页面不存在或无权访问</h1>");
    expect(html, path).toContain("返回概览");
  }

  // An address under /admin that no route has is the site's own 404 (server-rendered too).
  const unrouted = await page.request.get("/admin/no-such-page/at-all");
  expect(unrouted.status()).toBe(404);
  expect(await unrouted.text()).toContain("<h1>页面不存在</h1>");

  // Without JavaScript the editor sees the same page.
  const noJs = await browser.newContext({
    javaScriptEnabled: false,
    storageState: await page.context().storageState(),
  });
  const bare = await noJs.newPage();
  for (const path of [
    `/admin/articles/${MISSING}`,
    `/admin/articles/${MISSING}/gallery`,
    "/admin/articles/abc",
  ]) {
    const response = await bare.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(bare.getByRole("heading", { level: 1 }), path).toHaveText("页面不存在或无权访问");
    await expect(bare.getByRole("link", { name: "返回概览" }), path).toBeVisible();
    // The admin navigation is there too: the editor can go on from here.
    await expect(bare.getByRole("link", { name: "稿件" }).first(), path).toBeVisible();
  }
  await noJs.close();
});
