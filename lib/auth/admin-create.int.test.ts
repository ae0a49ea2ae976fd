// scripts/admin-create.ts run as operators run it (tsx, its own Prisma client), on the test database.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { uniq } from "@/lib/testing/fixtures";
import { authenticate } from "@/lib/auth/login";
import { createSession, validateSessionToken } from "@/lib/auth/session-store";

const root = path.resolve(import.meta.dirname, "../..");

function run(args: string[], options: { password?: string; stdin?: string } = {}) {
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.DIFANG_ADMIN_PASSWORD;
  if (options.password !== undefined) env.DIFANG_ADMIN_PASSWORD = options.password;
  const result = spawnSync(path.join(root, "node_modules/.bin/tsx"), ["scripts/admin-create.ts", ...args], {
    cwd: root,
    env,
    input: options.stdin ?? "",
    encoding: "utf8",
    timeout: 30_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("npm run admin:create", () => {
  it("explains a missing --user, a short password and a password on the command line", () => {
    const missing = run([], { password: "long-enough-password" });
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain("missing --user NAME");

    const short = run(["--user", uniq("a")], { password: "short" });
    expect(short.status).toBe(1);
    expect(short.stderr).toContain("密码至少 10 个字符");

    const argv = run(["--user", uniq("a"), "--password", "long-enough-password"]);
    expect(argv.status).toBe(1);
    expect(argv.stderr).toContain("never taken from the command line");

    const role = run(["--user", uniq("a"), "--role", "root"], { password: "long-enough-password" });
    expect(role.status).toBe(1);
    expect(role.stderr).toContain("--role must be admin or editor");
  });

  it("creates an admin from DIFANG_ADMIN_PASSWORD, then resets it from stdin", async () => {
    const db = await getDb();
    const username = uniq("ops");
    const created = run(["--user", username.toUpperCase(), "--name", "值班编辑"], {
      password: "first-password-1",
    });
    expect(created.stderr).toBe("");
    expect(created.status).toBe(0);
    const user = await db.user.findUniqueOrThrow({ where: { username } });
    expect(user).toMatchObject({ role: "admin", displayName: "值班编辑", disabled: false });
    expect((await authenticate(username, "first-password-1", uniq("ip"), new Date())).ok).toBe(true);

    // Reset: disabled with an open session; the reset enables it, ends the session, keeps the name.
    await db.user.update({ where: { id: user.id }, data: { disabled: true } });
    const session = await createSession(user.id, new Date());
    const reset = run(["--user", username, "--role", "editor"], {
      stdin: "second-password-2\nignored line\n",
    });
    expect(reset.status).toBe(0);
    expect(reset.stdout).toContain("Reset");
    const after = await db.user.findUniqueOrThrow({ where: { username } });
    expect(after).toMatchObject({ role: "editor", displayName: "值班编辑", disabled: false });
    expect(await validateSessionToken(session.token, new Date())).toBeNull();
    expect((await authenticate(username, "second-password-2", uniq("ip"), new Date())).ok).toBe(true);
    expect(
      await db.auditLog.count({
        where: { action: { in: ["user_created", "password_reset"] }, detail: { contains: username } },
      }),
    ).toBe(2);
  });
});
