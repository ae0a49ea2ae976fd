// Accounts, sessions and login throttling against the real temporary SQLite database.
import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { uniq } from "@/lib/testing/fixtures";
import { authenticate, signIn } from "@/lib/auth/login";
import { hashPassword } from "@/lib/auth/password";
import { LOGIN_WINDOW_MS } from "@/lib/auth/rate-limit";
import type { Role } from "@/lib/auth/schemas";
import { SESSION_REFRESH_MS, SESSION_TTL_MS } from "@/lib/auth/session-cookie";
import { createSession, deleteSessionByToken, validateSessionToken } from "@/lib/auth/session-store";
import { hashSessionToken } from "@/lib/auth/tokens";
import type { CurrentUser } from "@/lib/auth/types";
import {
  changeOwnPassword,
  createUser,
  listOwnSessions,
  listUsers,
  setUserDisabled,
  setUserRole,
  signOutEverywhere,
} from "@/lib/auth/users";

const PASSWORD = "liuzhou-2025-secret";
const T0 = new Date("2025-05-01T02:00:00Z");
const at = (ms: number) => new Date(T0.getTime() + ms);

async function makeUser(role: Role = "editor", options: { disabled?: boolean } = {}) {
  const db = await getDb();
  return db.user.create({
    data: {
      username: uniq("u"),
      displayName: "测试用户",
      role,
      disabled: options.disabled ?? false,
      passwordHash: await hashPassword(PASSWORD),
    },
  });
}

/** A signed-in actor as validateSessionToken would return it. */
async function actorFor(user: { id: number }, now = T0): Promise<{ actor: CurrentUser; token: string }> {
  const session = await createSession(user.id, now);
  const valid = await validateSessionToken(session.token, now);
  if (!valid) throw new Error("fresh session did not validate");
  return { actor: valid.user, token: session.token };
}

const ip = () => uniq("ip");

describe("signIn", () => {
  it("signs in with the right password: a session, a recorded attempt, an audit entry", async () => {
    const db = await getDb();
    const user = await makeUser("admin");
    const ipHash = ip();
    const result = await signIn({
      username: user.username,
      password: PASSWORD,
      ipHash,
      userAgent: "test-agent",
      now: T0,
    });
    if (!result.ok) throw new Error(`sign-in failed: ${result.reason}`);

    // Only the hash of the token is stored.
    const row = await db.session.findUnique({ where: { id: hashSessionToken(result.session.token) } });
    expect(row).toMatchObject({ userId: user.id, userAgent: "test-agent" });
    expect(row?.expiresAt.getTime()).toBe(T0.getTime() + SESSION_TTL_MS);
    expect(await db.session.count({ where: { id: result.session.token } })).toBe(0);

    const valid = await validateSessionToken(result.session.token, at(60_000));
    expect(valid?.user).toMatchObject({ id: user.id, username: user.username, role: "admin" });

    expect(
      await db.loginAttempt.findMany({ where: { ipHash }, select: { username: true, success: true } }),
    ).toEqual([{ username: user.username, success: true }]);
    expect(await db.auditLog.count({ where: { userId: user.id, action: "login" } })).toBe(1);
  });

  it("matches the username case-insensitively", async () => {
    const user = await makeUser();
    const result = await authenticate(`  ${user.username.toUpperCase()} `, PASSWORD, ip(), T0);
    expect(result).toEqual({ ok: true, user: { id: user.id, username: user.username } });
  });

  it("gives the same answer for a wrong password and an unknown user, and records both", async () => {
    const db = await getDb();
    const user = await makeUser();
    const ipHash = ip();
    expect(await authenticate(user.username, "wrong-password-123", ipHash, T0)).toEqual({
      ok: false,
      reason: "invalid",
    });
    expect(await authenticate(uniq("nobody"), PASSWORD, ipHash, T0)).toEqual({
      ok: false,
      reason: "invalid",
    });
    expect(await db.loginAttempt.count({ where: { ipHash, success: false } })).toBe(2);
    expect(await db.session.count({ where: { userId: user.id } })).toBe(0);
  });

  it("refuses the 10th attempt after 9 failures without checking the password, for 15 minutes", async () => {
    const db = await getDb();
    const user = await makeUser();
    for (let i = 0; i < 9; i++) {
      const r = await authenticate(user.username, `wrong-password-${i}`, ip(), at(i * 1000));
      expect(r).toEqual({ ok: false, reason: "invalid" });
    }
    // The right password, from another address, is refused too: the account is locked.
    const tenth = await signIn({
      username: user.username,
      password: PASSWORD,
      ipHash: ip(),
      userAgent: "",
      now: at(10_000),
    });
    expect(tenth).toEqual({ ok: false, reason: "rate_limited" });
    // Refused attempts are not recorded (and so cannot extend the lockout).
    expect(await db.loginAttempt.count({ where: { username: user.username } })).toBe(9);
    expect(await db.session.count({ where: { userId: user.id } })).toBe(0);

    // The window slides: once the first failure is 15 minutes old, one more attempt is allowed.
    expect(await authenticate(user.username, PASSWORD, ip(), at(LOGIN_WINDOW_MS - 1))).toEqual({
      ok: false,
      reason: "rate_limited",
    });
    expect((await authenticate(user.username, PASSWORD, ip(), at(LOGIN_WINDOW_MS + 1))).ok).toBe(true);
  });

  it("allows no more than 9 password checks to a burst of parallel attempts", async () => {
    const db = await getDb();
    const user = await makeUser();
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => authenticate(user.username, `parallel-guess-${i}`, ip(), T0)),
    );
    const checked = results.filter((r) => !r.ok && r.reason === "invalid").length;
    // Attempts in flight count against each other, so a burst may even be refused entirely.
    expect(checked).toBeLessThanOrEqual(9);
    expect(results.filter((r) => !r.ok && r.reason === "rate_limited")).toHaveLength(20 - checked);
    // Refused attempts leave no rows: the owner is locked out only if 9 guesses were really checked.
    expect(await db.loginAttempt.count({ where: { username: user.username } })).toBe(checked);
    if (checked < 9) expect((await authenticate(user.username, PASSWORD, ip(), T0)).ok).toBe(true);
  });

  it("lets the owner's successful login reset the account counter", async () => {
    const user = await makeUser();
    for (let i = 0; i < 5; i++) await authenticate(user.username, "wrong-password", ip(), at(i));
    expect((await authenticate(user.username, PASSWORD, ip(), at(10))).ok).toBe(true);
    for (let i = 0; i < 5; i++) await authenticate(user.username, "wrong-password", ip(), at(20 + i));
    // 10 failures in the window, but only 5 since the success.
    expect((await authenticate(user.username, PASSWORD, ip(), at(30))).ok).toBe(true);
  });

  it("refuses an address after 30 failures across accounts, even for a valid login", async () => {
    const user = await makeUser();
    const ipHash = ip();
    for (let i = 0; i < 30; i++) await authenticate(uniq("spray"), "guess-password", ipHash, at(i));
    expect(await authenticate(user.username, PASSWORD, ipHash, at(100))).toEqual({
      ok: false,
      reason: "rate_limited",
    });
    // Other addresses are unaffected.
    expect((await authenticate(user.username, PASSWORD, ip(), at(100))).ok).toBe(true);
  });

  it("does not let a disabled user sign in, and says so only after the right password", async () => {
    const user = await makeUser("editor", { disabled: true });
    expect(await authenticate(user.username, "wrong-password-1", ip(), T0)).toEqual({
      ok: false,
      reason: "invalid",
    });
    const result = await signIn({
      username: user.username,
      password: PASSWORD,
      ipHash: ip(),
      userAgent: "",
      now: T0,
    });
    expect(result).toEqual({ ok: false, reason: "disabled" });
  });
});

describe("sessions", () => {
  it("expire 7 days after the last activity", async () => {
    const db = await getDb();
    const user = await makeUser();
    const unused = await createSession(user.id, T0);
    expect(await validateSessionToken(unused.token, at(SESSION_TTL_MS - 1))).not.toBeNull();
    const session = await createSession(user.id, T0);
    expect(await validateSessionToken(session.token, at(SESSION_TTL_MS))).toBeNull();
    // The expired row is removed when seen.
    expect(await db.session.count({ where: { id: session.sessionId } })).toBe(0);
  });

  it("slide forward when used, writing at most once an hour", async () => {
    const db = await getDb();
    const user = await makeUser();
    const session = await createSession(user.id, T0);

    const early = await validateSessionToken(session.token, at(SESSION_REFRESH_MS - 1));
    expect(early?.refreshed).toBe(false);
    expect(early?.expiresAt.getTime()).toBe(T0.getTime() + SESSION_TTL_MS);

    const later = at(6 * 86_400_000); // day 6: still valid, and due for a refresh
    const refreshed = await validateSessionToken(session.token, later);
    expect(refreshed?.refreshed).toBe(true);
    expect(refreshed?.expiresAt.getTime()).toBe(later.getTime() + SESSION_TTL_MS);
    const row = await db.session.findUniqueOrThrow({ where: { id: session.sessionId } });
    expect(row.lastSeenAt.getTime()).toBe(later.getTime());

    // Past the original 7 days, alive thanks to the refresh.
    expect(await validateSessionToken(session.token, at(10 * 86_400_000))).not.toBeNull();
  });

  it("reject unknown and malformed tokens", async () => {
    expect(await validateSessionToken("A".repeat(43), T0)).toBeNull();
    expect(await validateSessionToken("not a token", T0)).toBeNull();
  });

  it("end on logout", async () => {
    const user = await makeUser();
    const session = await createSession(user.id, T0);
    expect(await deleteSessionByToken(session.token)).toBe(user.id);
    expect(await validateSessionToken(session.token, T0)).toBeNull();
    expect(await deleteSessionByToken(session.token)).toBeNull();
  });

  it("stop working when the user is disabled", async () => {
    const db = await getDb();
    const user = await makeUser();
    const session = await createSession(user.id, T0);
    await db.user.update({ where: { id: user.id }, data: { disabled: true } });
    expect(await validateSessionToken(session.token, T0)).toBeNull();
  });

  it("all end with sign-out-everywhere, other users' sessions untouched", async () => {
    const db = await getDb();
    const user = await makeUser();
    const other = await makeUser();
    const { actor, token } = await actorFor(user);
    const second = await createSession(user.id, T0, "phone");
    const otherSession = await createSession(other.id, T0);
    expect((await listOwnSessions(actor, T0)).map((s) => s.current).sort()).toEqual([false, true]);

    expect(await signOutEverywhere(actor, T0)).toBe(2);
    expect(await validateSessionToken(token, T0)).toBeNull();
    expect(await validateSessionToken(second.token, T0)).toBeNull();
    expect(await validateSessionToken(otherSession.token, T0)).not.toBeNull();
    expect(await db.auditLog.count({ where: { userId: user.id, action: "logout_everywhere" } })).toBe(1);
  });
});

describe("changeOwnPassword", () => {
  it("checks the current password, then ends the other sessions but keeps this one", async () => {
    const user = await makeUser();
    const { actor, token } = await actorFor(user);
    const elsewhere = await createSession(user.id, T0);

    expect(await changeOwnPassword(actor, "not-the-password", "brand-new-password", T0)).toEqual({
      ok: false,
      error: "wrong_password",
    });
    expect(await changeOwnPassword(actor, PASSWORD, "brand-new-password", T0)).toEqual({ ok: true });

    expect(await validateSessionToken(token, T0)).not.toBeNull();
    expect(await validateSessionToken(elsewhere.token, T0)).toBeNull();
    expect((await authenticate(user.username, PASSWORD, ip(), T0)).ok).toBe(false);
    expect((await authenticate(user.username, "brand-new-password", ip(), T0)).ok).toBe(true);
  });
});

describe("user administration", () => {
  it("lets editors neither create users nor change roles nor list accounts", async () => {
    const db = await getDb();
    const editor = await makeUser("editor");
    const victim = await makeUser("editor");
    const { actor } = await actorFor(editor);
    const username = uniq("new");

    expect(await createUser(actor, { username, displayName: "", role: "admin", password: PASSWORD })).toEqual(
      {
        ok: false,
        error: "forbidden",
      },
    );
    expect(await db.user.count({ where: { username } })).toBe(0);
    expect(await setUserRole(actor, editor.id, "admin")).toEqual({ ok: false, error: "forbidden" });
    expect(await setUserRole(actor, victim.id, "admin")).toEqual({ ok: false, error: "forbidden" });
    expect(await setUserDisabled(actor, victim.id, true)).toEqual({ ok: false, error: "forbidden" });
    expect(await listUsers(actor)).toBeNull();
    expect((await db.user.findUniqueOrThrow({ where: { id: editor.id } })).role).toBe("editor");
  });

  it("lets an admin create a user who can then sign in, with an audit entry", async () => {
    const db = await getDb();
    const { actor } = await actorFor(await makeUser("admin"));
    const username = uniq("new");
    expect(
      await createUser(
        actor,
        { username, displayName: "新编辑", role: "editor", password: "new-user-password" },
        T0,
      ),
    ).toEqual({
      ok: true,
    });
    const created = await db.user.findUniqueOrThrow({ where: { username } });
    expect(created).toMatchObject({ role: "editor", displayName: "新编辑", disabled: false });
    expect(created.passwordHash).toMatch(/^\$argon2id\$/);
    expect((await authenticate(username, "new-user-password", ip(), T0)).ok).toBe(true);

    const audit = await db.auditLog.findFirstOrThrow({ where: { userId: actor.id, action: "user_created" } });
    expect(JSON.parse(audit.detail)).toMatchObject({ targetUserId: created.id, username, role: "editor" });

    expect(
      await createUser(actor, { username, displayName: "", role: "editor", password: "new-user-password" }),
    ).toEqual({
      ok: false,
      error: "username_taken",
    });
    expect((await listUsers(actor))?.some((u) => u.username === username)).toBe(true);
  });

  it("changes roles with an audit entry, but never the admin's own", async () => {
    const db = await getDb();
    const { actor } = await actorFor(await makeUser("admin"));
    const editor = await makeUser("editor");
    expect(await setUserRole(actor, editor.id, "admin", T0)).toEqual({ ok: true });
    expect((await db.user.findUniqueOrThrow({ where: { id: editor.id } })).role).toBe("admin");
    const audit = await db.auditLog.findFirstOrThrow({
      where: { userId: actor.id, action: "user_role_changed" },
    });
    expect(JSON.parse(audit.detail)).toMatchObject({ targetUserId: editor.id, from: "editor", to: "admin" });

    expect(await setUserRole(actor, actor.id, "editor")).toEqual({ ok: false, error: "self" });
    expect(await setUserDisabled(actor, actor.id, true)).toEqual({ ok: false, error: "self" });
    expect(await setUserRole(actor, 99_999_999, "editor")).toEqual({ ok: false, error: "not_found" });
  });

  it("disabling a user ends their sessions at once; enabling lets them sign in again", async () => {
    const { actor } = await actorFor(await makeUser("admin"));
    const editor = await makeUser("editor");
    const session = await createSession(editor.id, T0);
    expect(await setUserDisabled(actor, editor.id, true, T0)).toEqual({ ok: true });
    expect(await validateSessionToken(session.token, T0)).toBeNull();
    expect(await authenticate(editor.username, PASSWORD, ip(), T0)).toEqual({
      ok: false,
      reason: "disabled",
    });

    expect(await setUserDisabled(actor, editor.id, false, T0)).toEqual({ ok: true });
    expect((await authenticate(editor.username, PASSWORD, ip(), T0)).ok).toBe(true);
  });

  it("stops a demoted admin from administering at once (the role is read per request)", async () => {
    const { actor: boss } = await actorFor(await makeUser("admin"));
    const other = await makeUser("admin");
    const { actor: before, token } = await actorFor(other);
    expect(before.role).toBe("admin");
    await setUserRole(boss, other.id, "editor");
    const after = await validateSessionToken(token, T0);
    expect(after?.user.role).toBe("editor");
  });
});
