// The editor area's doors: login errors and throttling, pages and actions without a session,
// editors on admin-only pages, CSRF (Origin) checks on actions and uploads.
import { expect, test } from "@playwright/test";
import {
  ADMIN,
  EDITOR,
  LOCKOUT,
  bodyEditor,
  checkScreen,
  fillStory,
  formMessage,
  randomJpeg,
  signIn,
  submitNewStory,
  unique,
} from "./admin-helpers";

test("a wrong password shows an error; the tenth wrong attempt is refused", async ({ page }) => {
  await page.goto("/admin/login");
  const message = page.locator(".admin-form > .adm-form-message");
  for (let attempt = 1; attempt <= 9; attempt++) {
    await page.getByLabel("用户名").fill(LOCKOUT.username);
    await page.getByLabel("密码").fill(`wrong-password-${attempt}`);
    await page.getByRole("button", { name: "登录" }).click();
    await expect(message).toHaveText("用户名或密码错误");
    // The typed name stays; the password does not.
    await expect(page.getByLabel("用户名")).toHaveValue(LOCKOUT.username);
    await expect(page.getByLabel("密码")).toHaveValue("");
    await page.waitForTimeout(50);
  }
  await page.getByLabel("用户名").fill(LOCKOUT.username);
  await page.getByLabel("密码").fill("wrong-password-10");
  await page.getByRole("button", { name: "登录" }).click();
  await expect(message).toHaveText(/尝试次数过多/);
  // Even the right password is refused while the account is locked.
  await page.getByLabel("密码").fill(LOCKOUT.password);
  await page.getByRole("button", { name: "登录" }).click();
  await expect(message).toHaveText(/尝试次数过多/);
  await expect(page).toHaveURL(/\/admin\/login/);
});

test("every editor page without a session redirects to the login page", async ({ page }) => {
  const paths = [
    "/admin",
    "/admin/articles",
    "/admin/articles?status=scheduled",
    "/admin/articles/new",
    "/admin/articles/1",
    "/admin/articles/1/preview",
    "/admin/articles/1/revisions",
    "/admin/articles/1/delete",
    "/admin/comments",
    "/admin/channels",
    "/admin/audit",
    "/admin/users",
    "/admin/account",
  ];
  for (const path of paths) {
    await page.goto(path);
    await expect(page, path).toHaveURL(/\/admin\/login(\?next=.*)?$/);
    await expect(page.getByRole("heading", { name: "编辑后台登录" })).toBeVisible();
  }
  // The login page brings the editor back where they were going.
  await page.goto("/admin/comments");
  expect(new URL(page.url()).searchParams.get("next")).toBe("/admin/comments");
  await page.getByLabel("用户名").fill(EDITOR.username);
  await page.getByLabel("密码").fill(EDITOR.password);
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page).toHaveURL(/\/admin\/comments$/);
});

test("an action whose session has ended is refused, and the form keeps its input", async ({
  page,
  context,
}) => {
  await signIn(page, ADMIN);
  await page.goto("/admin/articles/new");
  const title = unique("会话过期");
  await fillStory(page, { title, body: "不应保存的正文。" });
  // The session ends elsewhere (signing out in another tab deletes it on the server).
  const other = await context.newPage();
  await other.goto("/admin");
  await other.getByRole("button", { name: "退出登录" }).click();
  await expect(other).toHaveURL(/\/admin\/login$/);
  await other.close();

  await page.getByRole("button", { name: "立即发布" }).click();
  await expect(formMessage(page)).toHaveText(/登录已失效，操作未执行/);
  await expect(page).toHaveURL(/\/admin\/articles\/new$/);
  await expect(page.getByLabel("标题", { exact: true })).toHaveValue(title);
  await expect(bodyEditor(page)).toHaveText("不应保存的正文。");
  // Nothing was saved.
  await signIn(page, ADMIN);
  await page.goto(`/admin/articles?q=${encodeURIComponent(title)}`);
  await expect(page.getByText("没有符合条件的稿件。")).toBeVisible();
});

test("uploads need a session, the right Origin and a real image", async ({ page, baseURL }) => {
  const jpeg = await randomJpeg(320, 200);
  const file = { name: "a.jpg", mimeType: "image/jpeg", buffer: jpeg };
  const origin = new URL(baseURL ?? "http://127.0.0.1").origin;
  const anonymous = await page.request.post("/admin/api/images", {
    headers: { Origin: origin },
    multipart: { file },
  });
  expect(anonymous.status()).toBe(401);

  await signIn(page, EDITOR);
  const foreign = await page.request.post("/admin/api/images", {
    headers: { Origin: "http://evil.example" },
    multipart: { file },
  });
  expect(foreign.status()).toBe(403);
  const noOrigin = await page.request.post("/admin/api/images", { multipart: { file } });
  expect(noOrigin.status()).toBe(403);

  const html = await page.request.post("/admin/api/images", {
    headers: { Origin: origin },
    multipart: {
      file: { name: "x.jpg", mimeType: "image/jpeg", buffer: Buffer.from("<html>not an image</html>") },
    },
  });
  expect(html.status()).toBe(415);
  expect(((await html.json()) as { message: string }).message).toContain("不是可识别的图片");

  const tooBig = await page.request.post("/admin/api/images", {
    headers: { Origin: origin },
    multipart: {
      file: { name: "big.jpg", mimeType: "image/jpeg", buffer: Buffer.alloc(9 * 1024 * 1024, 1) },
    },
  });
  expect(tooBig.status()).toBe(413);

  const ok = await page.request.post("/admin/api/images", {
    headers: { Origin: origin },
    multipart: { file },
  });
  expect(ok.status()).toBe(201);
  const answer = (await ok.json()) as { ok: boolean; image: { id: number; thumb: string } };
  expect(answer.ok).toBe(true);
  expect((await page.request.get(answer.image.thumb)).status()).toBe(200);
});

test("an editor cannot open admin-only pages (403)", async ({ page }) => {
  await signIn(page, EDITOR);
  await expect(
    page.getByRole("navigation", { name: "后台导航" }).getByRole("link", { name: "频道" }),
  ).toHaveCount(0);
  const id = await (async () => {
    await page.goto("/admin/articles/new");
    await fillStory(page, { title: unique("编辑权限"), body: "正文。" });
    return submitNewStory(page, "保存草稿");
  })();
  await expect(page.getByRole("link", { name: "删除…" })).toHaveCount(0);
  const adminOnly = [
    "/admin/channels",
    "/admin/regions",
    "/admin/audit",
    "/admin/users",
    "/admin/sensitive-words",
    `/admin/articles/${id}/delete`,
    // A story that does not exist is refused the same way: nothing learned about which exist.
    "/admin/articles/999999999/delete",
  ];
  for (const path of adminOnly) {
    const res = await page.goto(path);
    expect(res?.status(), path).toBe(403);
    await expect(page.getByRole("heading", { level: 1 }), path).toHaveText("无权访问");
    // The refusal is in the server's HTML, inside the admin frame (no empty error shell).
    const html = await (await page.request.get(path)).text();
    expect(html, path).toContain("<h1>无权访问</h1>");
    expect(html, path).toContain("后台导航");
  }
  await page.goto("/admin/users");
  await checkScreen(page, "admin-forbidden", "/tmp/admin-auth-shots");
});

test("server actions refuse a foreign Origin (CSRF) and accept the same request from the site", async ({
  page,
  baseURL,
}) => {
  await signIn(page, ADMIN);
  await page.goto("/admin/articles/new");
  const title = unique("跨站请求");
  await fillStory(page, { title, body: "正文。" });
  const id = await submitNewStory(page, "保存草稿");

  // Capture the browser's own action request (a save with a changed title).
  let captured: { url: string; headers: Record<string, string>; body: Buffer } | null = null;
  const isEditPage = (url: URL) => url.pathname === `/admin/articles/${id}`;
  await page.route(isEditPage, async (route) => {
    const request = route.request();
    if (request.method() === "POST" && !captured) {
      captured = {
        url: request.url(),
        headers: await request.allHeaders(),
        body: request.postDataBuffer() ?? Buffer.alloc(0),
      };
    }
    await route.continue();
  });
  const titleA = `${title}-A`;
  await page.getByLabel("标题", { exact: true }).fill(titleA);
  await page.getByRole("button", { name: "保存草稿" }).click();
  await expect(formMessage(page)).toHaveText(/已保存/);
  await page.unroute(isEditPage);
  expect(captured).not.toBeNull();
  const { url, headers, body } = captured as unknown as {
    url: string;
    headers: Record<string, string>;
    body: Buffer;
  };
  expect(headers["next-action"]).toBeTruthy();

  // Replays: a new title, and no version (so the replay is not refused as a stale edit).
  const replay = (newTitle: string, origin: string) => {
    const text = body
      .toString("latin1")
      .replace(Buffer.from(titleA).toString("latin1"), Buffer.from(newTitle).toString("latin1"))
      .replace(/(name="[^"]*_version"\r\n\r\n)\d+/, "$1");
    const sent: Record<string, string> = { ...headers, origin };
    delete sent["content-length"];
    delete sent["host"];
    return page.request.post(url, { headers: sent, data: Buffer.from(text, "latin1"), maxRedirects: 0 });
  };

  const titleB = `${title}-B`;
  const foreign = await replay(titleB, "http://evil.example");
  expect(foreign.status()).toBeGreaterThanOrEqual(400);
  await page.goto(`/admin/articles/${id}`);
  await expect(page.getByLabel("标题", { exact: true })).toHaveValue(titleA);

  // Control: the same replay from the site's own origin is applied, so the refusal above was the
  // Origin check and not a broken replay.
  const titleC = `${title}-C`;
  const same = await replay(titleC, new URL(baseURL ?? "http://127.0.0.1").origin);
  expect(same.status()).toBe(200);
  await page.goto(`/admin/articles/${id}`);
  await expect(page.getByLabel("标题", { exact: true })).toHaveValue(titleC);
});

test("the scheme counts: https://<this host> is refused on a site served over http", async ({
  page,
  baseURL,
}) => {
  const site = new URL(baseURL ?? "http://127.0.0.1");
  const httpsOrigin = `https://${site.host}`;
  await signIn(page, ADMIN);

  // The upload route.
  const file = { name: "a.jpg", mimeType: "image/jpeg", buffer: await randomJpeg(320, 200) };
  const upload = await page.request.post("/admin/api/images", {
    headers: { Origin: httpsOrigin },
    multipart: { file },
  });
  expect(upload.status()).toBe(403);
  expect(((await upload.json()) as { message: string }).message).toContain("请求来源无效");

  // createUserAction: the browser's own request, replayed with the other scheme, then as sent.
  await page.goto("/admin/users");
  let captured: { url: string; headers: Record<string, string>; body: Buffer } | null = null;
  const isUsersPage = (url: URL) => url.pathname === "/admin/users";
  await page.route(isUsersPage, async (route) => {
    const request = route.request();
    if (request.method() === "POST" && !captured) {
      captured = {
        url: request.url(),
        headers: await request.allHeaders(),
        body: request.postDataBuffer() ?? Buffer.alloc(0),
      };
    }
    await route.continue();
  });
  const first = unique("u").toLowerCase();
  await page.getByLabel("用户名").fill(first);
  await page.getByLabel("初始密码").fill("a-long-password-1234");
  await page.getByRole("button", { name: "创建用户" }).click();
  await expect(page.getByText(`已创建用户 ${first}`)).toBeVisible();
  await page.unroute(isUsersPage);
  expect(captured).not.toBeNull();
  const { url, headers, body } = captured as unknown as {
    url: string;
    headers: Record<string, string>;
    body: Buffer;
  };
  const replay = (username: string, origin: string) => {
    const sent: Record<string, string> = { ...headers, origin };
    delete sent["content-length"];
    delete sent["host"];
    const data = Buffer.from(body.toString("latin1").replace(first, username), "latin1");
    return page.request.post(url, { headers: sent, data, maxRedirects: 0 });
  };
  const viaHttps = unique("u").toLowerCase();
  const refused = await replay(viaHttps, httpsOrigin);
  expect(refused.status()).toBe(403);
  const control = unique("u").toLowerCase();
  expect((await replay(control, site.origin)).status()).toBe(200);
  await page.goto("/admin/users");
  await expect(page.getByRole("cell", { name: control, exact: true })).toBeVisible();
  await expect(page.getByRole("cell", { name: viaHttps, exact: true })).toHaveCount(0);
});
