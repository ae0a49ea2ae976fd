// Session tokens. The browser holds a random token; the database holds only its SHA-256, so a
// leaked database (or backup) cannot be replayed as cookies.
import { createHash, randomBytes } from "node:crypto";

/** 32 random bytes, base64url: 43 characters. */
export function generateSessionToken(): string {
  return randomBytes(32).toString("base64url");
}

/** Session.id for a token. */
export function hashSessionToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** Cheap shape check before any database lookup. */
export function isWellFormedSessionToken(token: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(token);
}
