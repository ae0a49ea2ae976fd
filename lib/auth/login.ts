// Signing in, as plain functions of their inputs (no request context): the login action supplies
// the client address hash and the time, tests supply their own.
import "server-only";
import { getDb } from "@/lib/db";
import { AUDIT, recordAudit } from "@/lib/auth/audit";
import { burnPasswordCheck, PASSWORD_MAX_LENGTH, verifyPassword } from "@/lib/auth/password";
import { beginLoginAttempt, markLoginAttemptSucceeded, pruneLoginAttempts } from "@/lib/auth/rate-limit";
import { createSession, deleteExpiredSessions, type NewSession } from "@/lib/auth/session-store";

export type AuthFailure = "invalid" | "rate_limited" | "disabled";

export type AuthResult =
  { ok: true; user: { id: number; username: string } } | { ok: false; reason: AuthFailure };

/** The attempt's key: login names are stored lower-case. */
export function normalizeUsername(username: string): string {
  return username.trim().toLowerCase().slice(0, 64);
}

/**
 * Check a username and password. The rate limit is checked first and a refused attempt never
 * reaches the password check; every checked attempt is recorded in LoginAttempt.
 */
export async function authenticate(
  username: string,
  password: string,
  ipHash: string,
  now: Date,
): Promise<AuthResult> {
  const name = normalizeUsername(username);
  const { attemptId, decision } = await beginLoginAttempt(name, ipHash, now);
  if (!decision.allowed) return { ok: false, reason: "rate_limited" };

  const db = await getDb();
  const user = await db.user.findUnique({
    where: { username: name },
    select: { id: true, username: true, passwordHash: true, disabled: true },
  });
  let passwordOk = false;
  if (user && password.length <= PASSWORD_MAX_LENGTH) {
    passwordOk = await verifyPassword(user.passwordHash, password);
  } else {
    await burnPasswordCheck(password);
  }
  if (!user || !passwordOk) return { ok: false, reason: "invalid" };
  // Said only to someone who knows the password; still counted as a failed attempt.
  if (user.disabled) return { ok: false, reason: "disabled" };
  await markLoginAttemptSucceeded(attemptId);
  return { ok: true, user: { id: user.id, username: user.username } };
}

export interface SignInInput {
  username: string;
  password: string;
  ipHash: string;
  userAgent: string;
  now: Date;
}

export type SignInResult =
  { ok: true; session: NewSession; userId: number } | { ok: false; reason: AuthFailure };

/** authenticate, then a new session and an audit entry. */
export async function signIn(input: SignInInput): Promise<SignInResult> {
  const result = await authenticate(input.username, input.password, input.ipHash, input.now);
  if (!result.ok) return result;
  const session = await createSession(result.user.id, input.now, input.userAgent);
  await recordAudit(AUDIT.login, { userId: result.user.id, now: input.now });
  await Promise.all([deleteExpiredSessions(input.now), pruneLoginAttempts(input.now)]);
  return { ok: true, session, userId: result.user.id };
}
