// The documented deployment runs one `next start` per core on one database (README § Operations).
// Each keeps whole pages in its own cache; a write made through either must be visible on the next
// request to the other, whose cache still holds the page from before the write.
import { expect, test, type APIRequestContext } from "@playwright/test";
import { EDITOR, formMessage, publishStory, signIn, unique } from "./admin-helpers";
import { OTHER_PROCESS } from "./helpers";

async function read(
  request: APIRequestContext,
  path: string,
): Promise<{ status: number; html: string; cache: string }> {
  const r = await request.get(`${OTHER_PROCESS}${path}`);
  return { status: r.status(), html: await r.text(), cache: r.headers()["x-nextjs-cache"] ?? "" };
}

test("publish, edit and unpublish through one process: the other shows each at once", async ({
  page,
  request,
}) => {
  await signIn(page, EDITOR);
  // The other process has the channel page cached before the story exists.
  expect((await read(request, "/liujiang")).status).toBe(200);
  expect(["HIT", "STALE"]).toContain((await read(request, "/liujiang")).cache);

  const title = unique("双进程发布");
  const id = await publishStory(page, { title, body: "两个进程，一个数据库。" });
  let story = await read(request, `/liujiang/${id}`);
  expect(story.status).toBe(200);
  expect(story.html).toContain(title);
  expect((await read(request, "/liujiang")).html).toContain(title);

  // Edited through the other process: this one shows it (and the other too).
  const retitled = `${title}（改）`;
  await page.goto(`${OTHER_PROCESS}/admin/articles/${id}`);
  await page.getByLabel("标题", { exact: true }).fill(retitled);
  await page.getByRole("button", { name: "保存修改" }).click();
  await expect(formMessage(page)).toHaveText(/已保存/);
  const here = await page.request.get(`/liujiang/${id}`);
  expect(await here.text()).toContain(retitled);
  story = await read(request, `/liujiang/${id}`);
  expect(story.html).toContain(retitled);
  expect((await read(request, "/liujiang")).html).toContain(retitled);

  // Unpublished through the first process: a real 404 on the other, gone from its lists.
  await page.goto(`/admin/articles/${id}`);
  await page.getByRole("button", { name: "撤下" }).click();
  await expect(formMessage(page)).toHaveText(/已撤下/);
  story = await read(request, `/liujiang/${id}`);
  expect(story.status).toBe(404);
  expect(story.html).toContain("<h1>页面不存在</h1>");
  expect((await read(request, "/liujiang")).html).not.toContain(retitled);
});
