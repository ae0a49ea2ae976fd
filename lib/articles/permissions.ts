// Who may do what in the editor area. Editors and admins write, publish, schedule, unpublish and
// moderate comments; deleting a story (irreversible: its revisions and comments go with it),
// channels and the audit log are for admins only.
import type { Role } from "@/lib/auth/schemas";

export interface Actor {
  id: number;
  role: Role;
}

export function canWriteArticles(actor: Pick<Actor, "role">): boolean {
  return actor.role === "admin" || actor.role === "editor";
}

export function canDeleteArticles(actor: Pick<Actor, "role">): boolean {
  return actor.role === "admin";
}

export function canModerateComments(actor: Pick<Actor, "role">): boolean {
  return actor.role === "admin" || actor.role === "editor";
}

export function canManageChannels(actor: Pick<Actor, "role">): boolean {
  return actor.role === "admin";
}

export function canReadAuditLog(actor: Pick<Actor, "role">): boolean {
  return actor.role === "admin";
}

/** The sensitive-word lists decide what cannot be published unnoticed: admins keep them. */
export function canManageSensitiveWords(actor: Pick<Actor, "role">): boolean {
  return actor.role === "admin";
}

/**
 * Who may let a story out with sensitive-word hits, having read them: admins (the editor-in-chief's
 * role until the newsroom roles exist).
 */
export function canAcknowledgeSensitive(actor: Pick<Actor, "role">): boolean {
  return actor.role === "admin";
}
