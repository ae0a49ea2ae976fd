// Client addresses cannot be forged against a directly reached `next start` (as `npm run portal`
// serves it; TRUSTED_PROXIES is empty there and here): rotating X-Forwarded-For / X-Real-IP does
// not escape the comment rate limit, view de-duplication or the per-address login lock.
//
// Each test reaches the server from an address of its own: a small TCP relay (relayFrom) connects
// to the server from 127.0.0.N (any 127/8 address is local on Linux), so the server's socket sees
// a distinct client whose requests carry whatever forwarding headers the test likes.
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { ADMIN, unique } from "./admin-helpers";
import { ARTICLE_HREF, relayFrom, type Relay } from "./helpers";

const CHROME =
  "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";

let n = 0;
/** A different forged address on every call. */
const forged = () => {
  n += 1;
  return { "x-forwarded-for": `203.0.113.${n % 250}`, "x-real-ip": `198.51.100.${n % 250}` };
};

async function someStoryId(page: Page): Promise<number> {
  await page.goto("/");
  const href = await page.locator("a[href]").evaluateAll((as) => as.map((a) => a.getAttribute("href") ?? ""));
  const match = href.find((h) => ARTICLE_HREF.test(h));
  if (!match) throw new Error("no story link on the home page");
  return Number(match.split("/").pop());
}

async function api(
  playwright: { request: { newContext(o: object): Promise<APIRequestContext> } },
  relay: Relay,
) {
  return playwright.request.newContext({ baseURL: relay.url, extraHTTPHeaders: { "user-agent": CHROME } });
}

test("rotating X-Forwarded-For does not escape the comment rate limit", async ({ page, playwright }) => {
  const id = await someStoryId(page);
  const [one, other] = await Promise.all([relayFrom("127.0.0.71"), relayFrom("127.0.0.72")]);
  try {
    const client = await api(playwright, one);
    const { token } = (await (await client.get(`/api/articles/${id}/comment-token`)).json()) as {
      token: string;
    };
    await page.waitForTimeout(3_300);
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) {
      const res = await client.post(`/api/articles/${id}/comments`, {
        headers: forged(),
        data: { body: unique(`限流测试第${i}条`), token },
      });
      statuses.push(res.status());
    }
    expect(statuses).toEqual([202, 202, 202, 202, 202, 429, 429, 429]);
    // Another client (another socket address) may still comment.
    const second = await api(playwright, other);
    const res = await second.post(`/api/articles/${id}/comments`, {
      data: { body: unique("另一位读者"), token },
    });
    expect(res.status()).toBe(202);
  } finally {
    await Promise.all([one.close(), other.close()]);
  }
});

test("rotating X-Forwarded-For does not add views", async ({ page, playwright }) => {
  const id = await someStoryId(page);
  const relay = await relayFrom("127.0.0.73");
  try {
    const client = await api(playwright, relay);
    const before = ((await (await client.get(`/api/views/${id}`)).json()) as { views: number }).views;
    const outcomes: (string | undefined)[] = [];
    for (let i = 0; i < 10; i++) {
      const res = await client.post(`/api/views/${id}`, { headers: forged() });
      expect(res.status()).toBe(204);
      outcomes.push(res.headers()["x-view"]);
    }
    expect(outcomes).toEqual(["counted", ...Array(9).fill("duplicate")]);
    // Written within about a second (the view buffer's flush interval).
    await expect
      .poll(async () => ((await (await client.get(`/api/views/${id}`)).json()) as { views: number }).views, {
        timeout: 10_000,
      })
      .toBe(before + 1);
  } finally {
    await relay.close();
  }
});

test("rotating X-Forwarded-For does not escape the per-address login lock", async ({ browser }) => {
  const [locked, other] = await Promise.all([relayFrom("127.0.0.74"), relayFrom("127.0.0.75")]);
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    // allHeaders(): headers() leaves out Origin and cookies, and continue() replaces them all.
    await page.route("**/*", async (route) =>
      route.continue({ headers: { ...(await route.request().allHeaders()), ...forged() } }),
    );
    await page.goto(`${locked.url}/admin/login`);
    const message = page.locator(".admin-form > .adm-form-message");
    // 30 failures for 30 different (unknown) names: only the per-address counter grows.
    for (let attempt = 1; attempt <= 30; attempt++) {
      await page.getByLabel("用户名").fill(`nobody-${attempt}-${unique("x")}`);
      await page.getByLabel("密码").fill(`wrong-${attempt}`);
      // Wait for this attempt's answer (the message of the previous one is still shown).
      const answered = page.waitForResponse((r) => r.request().method() === "POST");
      await page.getByRole("button", { name: "登录" }).click();
      await answered;
      await expect(message).toHaveText("用户名或密码错误");
      await expect(page.getByLabel("密码")).toHaveValue("");
    }
    // The address is locked now: even the right password for a real account is refused.
    await page.getByLabel("用户名").fill(ADMIN.username);
    await page.getByLabel("密码").fill(ADMIN.password);
    await page.getByRole("button", { name: "登录" }).click();
    await expect(message).toHaveText(/尝试次数过多/);

    // From another address the same account signs in at once.
    const fresh = await context.newPage();
    await fresh.goto(`${other.url}/admin/login`);
    await fresh.getByLabel("用户名").fill(ADMIN.username);
    await fresh.getByLabel("密码").fill(ADMIN.password);
    await fresh.getByRole("button", { name: "登录" }).click();
    await expect(fresh).toHaveURL(/\/admin$/);
  } finally {
    await context.close();
    await Promise.all([locked.close(), other.close()]);
  }
});
