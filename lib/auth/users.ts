// Account management. Every function takes the acting user and checks permission itself, so a
// server action (a public POST endpoint) cannot skip the check by forgetting it.
import "server-only";
import { getDb } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { AUDIT, recordAudit } from "@/lib/auth/audit";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { roleSchema, type Role } from "@/lib/auth/schemas";
import { deleteUserSessions } from "@/lib/auth/session-store";
import { isAdmin, type CurrentUser } from "@/lib/auth/types";

export type UserAdminError =
  "forbidden" | "not_found" | "username_taken" | "self" | "wrong_password" | "unknown_channel";

export type Outcome = { ok: true } | { ok: false; error: UserAdminError };

export interface UserListItem {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  disabled: boolean;
  createdAt: Date;
  /** Assigned channels (desks); empty: every channel. */
  channels: number[];
  /** Newest activity of any of the user's sessions, null when none is open. */
  lastSeenAt: Date | null;
}

/** All accounts for the users page (admins only; null for anyone else). */
export async function listUsers(actor: CurrentUser): Promise<UserListItem[] | null> {
  if (!isAdmin(actor)) return null;
  const db = await getDb();
  const [rows, seen] = await Promise.all([
    db.user.findMany({
      orderBy: [{ disabled: "asc" }, { username: "asc" }],
      select: {
        id: true,
        username: true,
        displayName: true,
        role: true,
        disabled: true,
        createdAt: true,
        desks: { select: { channelId: true }, orderBy: { channelId: "asc" } },
      },
    }),
    db.session.groupBy({ by: ["userId"], _max: { lastSeenAt: true } }),
  ]);
  const lastSeen = new Map(seen.map((s) => [s.userId, s._max.lastSeenAt]));
  return rows.map(({ desks, ...r }) => ({
    ...r,
    channels: desks.map((d) => d.channelId),
    role: roleSchema.catch("editor").parse(r.role),
    lastSeenAt: lastSeen.get(r.id) ?? null,
  }));
}

export interface NewUserInput {
  username: string;
  displayName: string;
  role: Role;
  password: string;
  /** Channels (desks) for a reporter or editor; empty: every channel. */
  channels?: number[];
}

export async function createUser(
  actor: CurrentUser,
  input: NewUserInput,
  now = new Date(),
): Promise<Outcome> {
  if (!isAdmin(actor)) return { ok: false, error: "forbidden" };
  const db = await getDb();
  const channels = [...new Set(input.channels ?? [])];
  if (
    channels.length > 0 &&
    (await db.channel.count({ where: { id: { in: channels } } })) !== channels.length
  )
    return { ok: false, error: "unknown_channel" };
  const passwordHash = await hashPassword(input.password);
  try {
    const user = await db.user.create({
      data: {
        username: input.username,
        displayName: input.displayName,
        role: input.role,
        passwordHash,
        desks: { create: channels.map((channelId) => ({ channelId })) },
      },
      select: { id: true },
    });
    await recordAudit(AUDIT.userCreated, {
      userId: actor.id,
      detail: {
        targetUserId: user.id,
        username: input.username,
        role: input.role,
        ...(channels.length > 0 ? { channels } : {}),
      },
      now,
    });
    return { ok: true };
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      return { ok: false, error: "username_taken" };
    }
    throw error;
  }
}

/**
 * Change another user's role. Admins cannot change their own role (nor disable themselves), so the
 * acting admin always remains: the site can never lose its last administrator this way.
 */
export async function setUserRole(
  actor: CurrentUser,
  userId: number,
  role: Role,
  now = new Date(),
): Promise<Outcome> {
  if (!isAdmin(actor)) return { ok: false, error: "forbidden" };
  if (userId === actor.id) return { ok: false, error: "self" };
  const db = await getDb();
  const target = await db.user.findUnique({ where: { id: userId }, select: { role: true, username: true } });
  if (!target) return { ok: false, error: "not_found" };
  if (target.role === role) return { ok: true };
  await db.user.update({ where: { id: userId }, data: { role } });
  await recordAudit(AUDIT.roleChanged, {
    userId: actor.id,
    detail: { targetUserId: userId, username: target.username, from: target.role, to: role },
    now,
  });
  return { ok: true };
}

/**
 * Assign the channels (desks) a reporter or editor works for; none: every channel. Unknown channel
 * ids are refused (a channel deleted meanwhile), never silently dropped.
 */
export async function setUserDesks(
  actor: CurrentUser,
  userId: number,
  channels: readonly number[],
  now = new Date(),
): Promise<Outcome> {
  if (!isAdmin(actor)) return { ok: false, error: "forbidden" };
  const db = await getDb();
  const wanted = [...new Set(channels)].sort((a, b) => a - b);
  const [target, known] = await Promise.all([
    db.user.findUnique({
      where: { id: userId },
      select: { username: true, desks: { select: { channelId: true }, orderBy: { channelId: "asc" } } },
    }),
    db.channel.count({ where: { id: { in: wanted } } }),
  ]);
  if (!target) return { ok: false, error: "not_found" };
  if (known !== wanted.length) return { ok: false, error: "unknown_channel" };
  const before = target.desks.map((d) => d.channelId);
  if (before.join() === wanted.join()) return { ok: true };
  await db.$transaction([
    db.userChannel.deleteMany({ where: { userId } }),
    db.userChannel.createMany({ data: wanted.map((channelId) => ({ userId, channelId })) }),
  ]);
  await recordAudit(AUDIT.desksChanged, {
    userId: actor.id,
    detail: { targetUserId: userId, username: target.username, from: before, to: wanted },
    now,
  });
  return { ok: true };
}

/** Disable (ending all of the user's sessions at once) or re-enable an account. */
export async function setUserDisabled(
  actor: CurrentUser,
  userId: number,
  disabled: boolean,
  now = new Date(),
): Promise<Outcome> {
  if (!isAdmin(actor)) return { ok: false, error: "forbidden" };
  if (userId === actor.id) return { ok: false, error: "self" };
  const db = await getDb();
  const target = await db.user.findUnique({
    where: { id: userId },
    select: { disabled: true, username: true },
  });
  if (!target) return { ok: false, error: "not_found" };
  if (target.disabled === disabled) return { ok: true };
  await db.user.update({ where: { id: userId }, data: { disabled } });
  if (disabled) await deleteUserSessions(userId);
  await recordAudit(disabled ? AUDIT.userDisabled : AUDIT.userEnabled, {
    userId: actor.id,
    detail: { targetUserId: userId, username: target.username },
    now,
  });
  return { ok: true };
}

/**
 * Change one's own password after checking the current one. Every other session of the user ends
 * (whoever knew the old password is signed out); the current one stays.
 */
export async function changeOwnPassword(
  actor: CurrentUser,
  currentPassword: string,
  newPassword: string,
  now = new Date(),
): Promise<Outcome> {
  const db = await getDb();
  const user = await db.user.findUnique({ where: { id: actor.id }, select: { passwordHash: true } });
  if (!user) return { ok: false, error: "not_found" };
  if (!(await verifyPassword(user.passwordHash, currentPassword)))
    return { ok: false, error: "wrong_password" };
  await db.user.update({ where: { id: actor.id }, data: { passwordHash: await hashPassword(newPassword) } });
  const ended = await deleteUserSessions(actor.id, actor.sessionId);
  await recordAudit(AUDIT.passwordChanged, { userId: actor.id, detail: { otherSessionsEnded: ended }, now });
  return { ok: true };
}

/** End every session of the user, the current one included. */
export async function signOutEverywhere(actor: CurrentUser, now = new Date()): Promise<number> {
  const ended = await deleteUserSessions(actor.id);
  await recordAudit(AUDIT.logoutEverywhere, { userId: actor.id, detail: { sessionsEnded: ended }, now });
  return ended;
}

export interface SessionListItem {
  createdAt: Date;
  lastSeenAt: Date;
  userAgent: string;
  current: boolean;
}

/** The signed-in user's open sessions, newest activity first (for "sign out everywhere"). */
export async function listOwnSessions(actor: CurrentUser, now = new Date()): Promise<SessionListItem[]> {
  const db = await getDb();
  const rows = await db.session.findMany({
    where: { userId: actor.id, expiresAt: { gt: now } },
    orderBy: { lastSeenAt: "desc" },
    take: 50,
    select: { id: true, createdAt: true, lastSeenAt: true, userAgent: true },
  });
  return rows.map(({ id, ...rest }) => ({ ...rest, current: id === actor.sessionId }));
}
