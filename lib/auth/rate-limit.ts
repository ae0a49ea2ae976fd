// Login throttling, per account and per client address, over a sliding 15-minute window of
// LoginAttempt rows. A refused attempt never reaches the password check and leaves no row behind.
import "server-only";
import { getDb } from "@/lib/db";

export const LOGIN_WINDOW_MS = 15 * 60_000;
/** Failed attempts allowed per account in the window: the 10th and later attempts are refused. */
export const MAX_ACCOUNT_FAILURES = 9;
/** Failed attempts allowed per client address in the window (password spraying across accounts). */
export const MAX_ADDRESS_FAILURES = 30;
/** The window slides, so after 15 minutes without failures the limit has always lifted. */
export const LOCKOUT_MESSAGE = "尝试次数过多，请 15 分钟后再试";

export interface Attempt {
  success: boolean;
  createdAt: Date;
}

export type LimitDecision = { allowed: true } | { allowed: false; scope: "account" | "address" };

export function windowStart(now: Date): Date {
  return new Date(now.getTime() - LOGIN_WINDOW_MS);
}

/**
 * Failures of one account inside the window since its last successful login (the owner signing in
 * proves the earlier failures were typos). `attempts` may be in any order.
 */
export function accountFailuresInWindow(attempts: readonly Attempt[], now: Date): number {
  const start = windowStart(now).getTime();
  const end = now.getTime();
  const recent = attempts.filter((a) => a.createdAt.getTime() > start && a.createdAt.getTime() <= end);
  const lastSuccess = Math.max(
    -Infinity,
    ...recent.filter((a) => a.success).map((a) => a.createdAt.getTime()),
  );
  return recent.filter((a) => !a.success && a.createdAt.getTime() > lastSuccess).length;
}

/** The rule itself: refuse once either counter has reached its limit. */
export function decideLoginLimit(accountFailures: number, addressFailures: number): LimitDecision {
  if (accountFailures >= MAX_ACCOUNT_FAILURES) return { allowed: false, scope: "account" };
  // A success from the address does not reset this counter: one valid account must not buy an
  // attacker unlimited guesses at the others.
  if (addressFailures >= MAX_ADDRESS_FAILURES) return { allowed: false, scope: "address" };
  return { allowed: true };
}

/**
 * Claim a login attempt: record it as failed first, then count the other attempts of the window
 * (two bounded index range reads). Recording before counting keeps the limit exact under parallel
 * requests: attempts in flight count as failures for each other, so no burst of simultaneous
 * requests gets more than MAX_ACCOUNT_FAILURES password checks. A refused attempt's row is removed
 * again, so refusals neither extend the lockout nor fill the table.
 */
export async function beginLoginAttempt(
  username: string,
  ipHash: string,
  now: Date,
): Promise<{ attemptId: number; decision: LimitDecision }> {
  const db = await getDb();
  const { id: attemptId } = await db.loginAttempt.create({
    data: { username, ipHash, success: false, createdAt: now },
    select: { id: true },
  });
  const since = windowStart(now);
  const others = { id: { not: attemptId }, createdAt: { gt: since, lte: now } };
  const [accountAttempts, addressFailures] = await Promise.all([
    // Only the newest MAX_ACCOUNT_FAILURES rows can decide whether the limit is reached.
    db.loginAttempt.findMany({
      where: { username, ...others },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: MAX_ACCOUNT_FAILURES,
      select: { success: true, createdAt: true },
    }),
    db.loginAttempt.count({ where: { ipHash, success: false, ...others } }),
  ]);
  const decision = decideLoginLimit(accountFailuresInWindow(accountAttempts, now), addressFailures);
  if (!decision.allowed) await db.loginAttempt.deleteMany({ where: { id: attemptId } });
  return { attemptId, decision };
}

/** The claimed attempt turned out to be a successful login. */
export async function markLoginAttemptSucceeded(attemptId: number): Promise<void> {
  const db = await getDb();
  await db.loginAttempt.updateMany({ where: { id: attemptId }, data: { success: true } });
}

/** Rows older than a day can no longer matter; called after successful logins. */
export async function pruneLoginAttempts(now: Date): Promise<void> {
  const db = await getDb();
  await db.loginAttempt.deleteMany({ where: { createdAt: { lt: new Date(now.getTime() - 86_400_000) } } });
}
