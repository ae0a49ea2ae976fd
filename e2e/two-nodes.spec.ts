// Two app nodes on one database (two `next start` processes: scripts/e2e-server.sh; on PostgreSQL
// with playwright.pg.config.ts, the deployment of several nodes). An editor works on node A; a
// reader's next request to node B, whose page cache holds the pages from before, shows each change.
// Every check is one page.goto to B after A's action has completed: no polling, no retries.
// Also: the comment rate limit and the duplicate check hold across nodes.
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { EDITOR, formMessage, publishStory, readerPage, signIn, unique } from "./admin-helpers";
import { OTHER_PORT, OTHER_PROCESS, relayFrom } from "./helpers";

/** One request to node B: its status and the HTML it answered with. */
async function onB(page: Page, path: string): Promise<{ status: number; html: string; cache: string }> {
  const response = await page.goto(`${OTHER_PROCESS}${path}`);
  if (!response) throw new Error(`no response for ${path}`);
  return {
    status: response.status(),
    html: await response.text(),
    cache: response.headers()["x-nextjs-cache"] ?? "",
  };
}

test("publish, retitle and unpublish on node A: node B's next request shows each", async ({
  page,
  browser,
}) => {
  const reader = await readerPage(browser);
  // B has the home and channel pages in its cache from before the story exists.
  for (const path of ["/", "/liujiang"]) {
    expect((await onB(reader.page, path)).status).toBe(200);
    expect(["HIT", "STALE"], path).toContain((await onB(reader.page, path)).cache);
  }

  await signIn(page, EDITOR);
  const title = unique("两节点发布");
  const id = await publishStory(page, { title, body: "节点甲发布，节点乙即时可见。" });
  const story = await onB(reader.page, `/liujiang/${id}`);
  expect(story.status).toBe(200);
  expect(story.html).toContain(title);
  expect((await onB(reader.page, "/liujiang")).html).toContain(title);
  expect((await onB(reader.page, "/")).html).toContain(title);

  const retitled = `${title}（改）`;
  await page.goto(`/admin/articles/${id}`);
  await page.getByLabel("标题", { exact: true }).fill(retitled);
  await page.getByRole("button", { name: "保存修改" }).click();
  await expect(formMessage(page)).toHaveText(/已保存/);
  const edited = await onB(reader.page, `/liujiang/${id}`);
  expect(edited.html).toContain(retitled);
  expect((await onB(reader.page, "/liujiang")).html).toContain(retitled);
  expect((await onB(reader.page, "/")).html).toContain(retitled);

  await page.getByRole("button", { name: "撤下" }).click();
  await expect(formMessage(page)).toHaveText(/已撤下/);
  const gone = await onB(reader.page, `/liujiang/${id}`);
  expect(gone.status).toBe(404);
  expect(gone.html).toContain("<h1>页面不存在</h1>");
  expect((await onB(reader.page, "/liujiang")).html).not.toContain(title);
  expect((await onB(reader.page, "/")).html).not.toContain(title);
  await reader.context.close();
});

test("one address's comments count once across both nodes; a body posted on one is a duplicate on the other", async ({
  page,
  playwright,
}) => {
  await page.goto(`/liujiang`);
  const href = await page.locator("main .teaser-title a").first().getAttribute("href");
  const id = Number(href?.split("/").pop());
  expect(id).toBeGreaterThan(0);
  // Client addresses of the test's own: 127.0.0.81 and .82 reach both nodes, .83 A and .84 B.
  const relays = await Promise.all([
    relayFrom("127.0.0.81"),
    relayFrom("127.0.0.81", OTHER_PORT),
    relayFrom("127.0.0.82"),
    relayFrom("127.0.0.82", OTHER_PORT),
    relayFrom("127.0.0.83"),
    relayFrom("127.0.0.84", OTHER_PORT),
  ]);
  const contexts = await Promise.all(relays.map((r) => playwright.request.newContext({ baseURL: r.url })));
  try {
    const [oneOnA, oneOnB, twoOnA, twoOnB, threeOnA, fourOnB] = contexts as [
      APIRequestContext,
      APIRequestContext,
      APIRequestContext,
      APIRequestContext,
      APIRequestContext,
      APIRequestContext,
    ];
    // Tokens are signed with the secret both nodes share: fetched from A, used on both.
    const { token } = (await (await oneOnA.get(`/api/articles/${id}/comment-token`)).json()) as {
      token: string;
    };
    await page.waitForTimeout(3_300);
    const post = (client: APIRequestContext, body: string) =>
      client.post(`/api/articles/${id}/comments`, { data: { body, token } }).then((r) => r.status());

    // One after the other, alternating nodes: the limit (COMMENT_RATE_LIMIT, 5) is one budget.
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) statuses.push(await post(i % 2 ? oneOnB : oneOnA, unique(`两节点限流${i}`)));
    expect(statuses).toEqual([202, 202, 202, 202, 202, 429, 429]);

    // All at once, on both nodes: still exactly five.
    const burst = await Promise.all(
      Array.from({ length: 9 }, (_, i) => post(i % 2 ? twoOnB : twoOnA, unique(`两节点同时${i}`))),
    );
    expect(burst.filter((s) => s === 202)).toHaveLength(5);
    expect(burst.filter((s) => s === 429)).toHaveLength(4);

    // The same words from another reader on the other node: refused as a duplicate.
    const said = unique("两节点同一句话");
    expect(await post(threeOnA, said)).toBe(202);
    expect(await post(fourOnB, `${said}！`)).toBe(409);
  } finally {
    await Promise.all(contexts.map((c) => c.dispose()));
    await Promise.all(relays.map((r) => r.close()));
  }
});
