import type { Role } from "@/lib/auth/schemas";

/** The signed-in user as pages and actions see it (no password hash, no token). */
export interface CurrentUser {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  /** The channels (desks) a reporter or editor works for; empty: every channel. */
  channels: number[];
  /** Session.id (the token's hash) of the request, e.g. to keep it when signing out elsewhere. */
  sessionId: string;
}

export function isAdmin(user: Pick<CurrentUser, "role">): boolean {
  return user.role === "admin";
}

/** What to call a user in the interface. */
export function userLabel(user: Pick<CurrentUser, "displayName" | "username">): string {
  return user.displayName || user.username;
}
