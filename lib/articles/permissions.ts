// Who may do what in the editor area (roles: lib/auth/roles.ts). Every role writes; reporters and
// editors only in the channels assigned to them (none assigned: every channel). Reviewing and
// signing off (publishing, scheduling, unpublishing) are for editors in their channels, the 主编
// and admins. Deleting a story (irreversible: its revisions and comments go with it), channels,
// accounts and the audit log are for admins only.
import { DESK_ROLES, type Role } from "@/lib/auth/roles";

export interface Actor {
  id: number;
  role: Role;
  /** Assigned channel ids; empty or absent: every channel (lib/auth/roles.ts DESK_ROLES only). */
  channels?: readonly number[];
}

type RoleOnly = Pick<Actor, "role">;

/** Anyone with an editor-area role may write (in the channels their desk covers). */
export function canWriteArticles(actor: RoleOnly): boolean {
  return (
    actor.role === "reporter" || actor.role === "editor" || actor.role === "chief" || actor.role === "admin"
  );
}

/** The channel is one the actor works for. */
export function deskCovers(actor: Pick<Actor, "role" | "channels">, channelId: number): boolean {
  if (!DESK_ROLES.includes(actor.role)) return canWriteArticles(actor);
  return !actor.channels || actor.channels.length === 0 || actor.channels.includes(channelId);
}

/** Editors, the 主编 and admins review; reporters only write and submit. */
export function isReviewer(actor: RoleOnly): boolean {
  return actor.role === "editor" || actor.role === "chief" || actor.role === "admin";
}

/** Review (approve a step, return) and sign off (publish, schedule, unpublish) in this channel. */
export function canReviewIn(actor: Pick<Actor, "role" | "channels">, channelId: number): boolean {
  return isReviewer(actor) && deskCovers(actor, channelId);
}

export function canDeleteArticles(actor: RoleOnly): boolean {
  return actor.role === "admin";
}

export function canModerateComments(actor: RoleOnly): boolean {
  return isReviewer(actor);
}

export function canManageChannels(actor: RoleOnly): boolean {
  return actor.role === "admin";
}

export function canReadAuditLog(actor: RoleOnly): boolean {
  return actor.role === "admin";
}

/** The sensitive-word lists decide what cannot be published unnoticed: admins keep them. */
export function canManageSensitiveWords(actor: RoleOnly): boolean {
  return actor.role === "admin";
}

/** Who may let a story out with sensitive-word hits, having read them: the 主编 (and admins). */
export function canAcknowledgeSensitive(actor: RoleOnly): boolean {
  return actor.role === "chief" || actor.role === "admin";
}

/** Who may take over a story another person is editing before their lock expires. */
export function canUnlock(actor: RoleOnly): boolean {
  return actor.role === "chief" || actor.role === "admin";
}
