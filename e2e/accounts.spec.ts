// The account actions (users page, own password) behind the one guard (lib/auth/guard.ts): what
// the admin and the user are told, and a form whose session has ended keeps what was typed.
import { expect, test } from "@playwright/test";
import { ADMIN, signIn, unique } from "./admin-helpers";

test("an admin creates, promotes and disables a user; the user changes their password", async ({
  page,
  browser,
}) => {
  await signIn(page, ADMIN);
  await page.goto("/admin/users");
  const username = unique("e2eu");
  const password = "first-password-1";
  const create = page.locator("form").filter({ has: page.getByRole("button", { name: "创建用户" }) });
  await create.getByLabel("用户名").fill(username);
  await create.getByLabel("初始密码").fill(password);
  await create.getByRole("button", { name: "创建用户" }).click();
  await expect(create.locator(".adm-form-message")).toHaveText(`已创建用户 ${username}`);

  // The same name again: refused next to the field, the name kept.
  await create.getByLabel("用户名").fill(username);
  await create.getByLabel("初始密码").fill(password);
  await create.getByRole("button", { name: "创建用户" }).click();
  await expect(create.getByText("该用户名已被使用")).toBeVisible();
  await expect(create.getByLabel("用户名")).toHaveValue(username);

  // The new user changes their own password (a wrong current one is refused first).
  const context = await browser.newContext();
  const user = await context.newPage();
  await signIn(user, { username, password });
  await user.goto("/admin/account");
  await user.getByLabel("当前密码").fill("not-the-password");
  await user.getByLabel("新密码", { exact: true }).fill("second-password-2");
  await user.getByLabel("再次输入新密码").fill("second-password-2");
  await user.getByRole("button", { name: "修改密码" }).click();
  await expect(user.getByText("当前密码不正确")).toBeVisible();
  await user.getByLabel("当前密码").fill(password);
  await user.getByLabel("新密码", { exact: true }).fill("second-password-2");
  await user.getByLabel("再次输入新密码").fill("second-password-2");
  await user.getByRole("button", { name: "修改密码" }).click();
  await expect(user.getByText("密码已修改；其他设备上的登录已全部退出。")).toBeVisible();
  await context.close();

  await page.reload();
  await page.getByLabel(`${username} 的角色`).selectOption("admin");
  await page.getByRole("button", { name: `保存角色（${username}）` }).click();
  await expect(page.getByText("角色已改为管理员")).toBeVisible();
  await page.getByRole("button", { name: `停用 ${username}` }).click();
  await expect(page.getByText("已停用，该用户的登录已全部退出")).toBeVisible();
});

test("a user-admin action whose session has ended is refused, and the form keeps its input", async ({
  page,
  context,
}) => {
  await signIn(page, ADMIN);
  await page.goto("/admin/users");
  const create = page.locator("form").filter({ has: page.getByRole("button", { name: "创建用户" }) });
  const username = unique("e2eu");
  await create.getByLabel("用户名").fill(username);
  await create.getByLabel("初始密码").fill("first-password-1");
  // The session ends elsewhere (signing out in another tab deletes it on the server).
  const other = await context.newPage();
  await other.goto("/admin");
  await other.getByRole("button", { name: "退出登录" }).click();
  await expect(other).toHaveURL(/\/admin\/login$/);
  await other.close();

  await create.getByRole("button", { name: "创建用户" }).click();
  await expect(create.locator(".adm-form-message")).toHaveText(/登录已失效，操作未执行/);
  await expect(page).toHaveURL(/\/admin\/users$/);
  await expect(create.getByLabel("用户名")).toHaveValue(username);
});
