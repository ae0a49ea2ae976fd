// Database sessions, independent of Next's request context (so tests call them directly).
// lib/auth/session.ts connects them to the cookie.
import "server-only";
import { getDb } from "@/lib/db";
import { roleSchema } from "@/lib/auth/schemas";
import { generateSessionToken, hashSessionToken, isWellFormedSessionToken } from "@/lib/auth/tokens";
import { SESSION_REFRESH_MS, SESSION_TTL_MS } from "@/lib/auth/session-cookie";
import type { CurrentUser } from "@/lib/auth/types";

export function sessionRefreshDue(lastSeenAt: Date, now: Date): boolean {
  return now.getTime() - lastSeenAt.getTime() >= SESSION_REFRESH_MS;
}

export interface NewSession {
  token: string;
  sessionId: string;
  expiresAt: Date;
}

export async function createSession(userId: number, now: Date, userAgent = ""): Promise<NewSession> {
  const db = await getDb();
  const token = generateSessionToken();
  const sessionId = hashSessionToken(token);
  const expiresAt = new Date(now.getTime() + SESSION_TTL_MS);
  await db.session.create({
    data: {
      id: sessionId,
      userId,
      createdAt: now,
      lastSeenAt: now,
      expiresAt,
      userAgent: userAgent.slice(0, 300),
    },
  });
  return { token, sessionId, expiresAt };
}

export interface ValidSession {
  user: CurrentUser;
  expiresAt: Date;
  /** True when this call extended the session (the cookie should be re-issued if possible). */
  refreshed: boolean;
}

/**
 * The session of a cookie token, or null when it is unknown, expired, or its user is disabled.
 * Extends a session in use (sliding expiry) at most once per SESSION_REFRESH_MS.
 */
export async function validateSessionToken(token: string, now: Date): Promise<ValidSession | null> {
  if (!isWellFormedSessionToken(token)) return null;
  const db = await getDb();
  const sessionId = hashSessionToken(token);
  const row = await db.session.findUnique({
    where: { id: sessionId },
    select: {
      expiresAt: true,
      lastSeenAt: true,
      user: {
        select: {
          id: true,
          username: true,
          displayName: true,
          role: true,
          disabled: true,
          desks: { select: { channelId: true }, orderBy: { channelId: "asc" } },
        },
      },
    },
  });
  if (!row) return null;
  if (row.expiresAt.getTime() <= now.getTime()) {
    await db.session.deleteMany({ where: { id: sessionId } });
    return null;
  }
  // Disabling a user deletes their sessions too; this check covers a session created in between.
  if (row.user.disabled) return null;
  // An unknown role in the database grants nothing rather than guessing.
  const role = roleSchema.safeParse(row.user.role);
  if (!role.success) return null;

  let expiresAt = row.expiresAt;
  let refreshed = false;
  if (sessionRefreshDue(row.lastSeenAt, now)) {
    expiresAt = new Date(now.getTime() + SESSION_TTL_MS);
    // updateMany: the session may have been deleted (logout elsewhere) since the read.
    const { count } = await db.session.updateMany({
      where: { id: sessionId },
      data: { lastSeenAt: now, expiresAt },
    });
    if (count === 0) return null;
    refreshed = true;
  }
  const { id, username, displayName } = row.user;
  const channels = row.user.desks.map((d) => d.channelId);
  return { user: { id, username, displayName, role: role.data, channels, sessionId }, expiresAt, refreshed };
}

export async function deleteSession(sessionId: string): Promise<void> {
  const db = await getDb();
  await db.session.deleteMany({ where: { id: sessionId } });
}

/** Ends the session of a cookie token (logout). Returns its user's id, or null if there was none. */
export async function deleteSessionByToken(token: string): Promise<number | null> {
  if (!isWellFormedSessionToken(token)) return null;
  const db = await getDb();
  const id = hashSessionToken(token);
  const row = await db.session.findUnique({ where: { id }, select: { userId: true } });
  if (!row) return null;
  await db.session.deleteMany({ where: { id } });
  return row.userId;
}

/** Every session of a user, optionally keeping one (the caller's own). Returns how many ended. */
export async function deleteUserSessions(userId: number, keepSessionId?: string): Promise<number> {
  const db = await getDb();
  const { count } = await db.session.deleteMany({
    where: keepSessionId === undefined ? { userId } : { userId, id: { not: keepSessionId } },
  });
  return count;
}

/** Expired rows are only garbage (validation already rejects them); swept on each login. */
export async function deleteExpiredSessions(now: Date): Promise<void> {
  const db = await getDb();
  await db.session.deleteMany({ where: { expiresAt: { lte: now } } });
}
