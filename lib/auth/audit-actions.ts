// Audit log action names (AuditLog.action), shared with scripts (no "server-only" marker).
export const AUDIT = {
  login: "login",
  logout: "logout",
  logoutEverywhere: "logout_everywhere",
  passwordChanged: "password_changed",
  /** Password set by an operator with `npm run admin:create` for an existing user. */
  passwordReset: "password_reset",
  userCreated: "user_created",
  roleChanged: "user_role_changed",
  desksChanged: "user_desks_changed",
  userDisabled: "user_disabled",
  userEnabled: "user_enabled",
} as const;

export type AuditAction = (typeof AUDIT)[keyof typeof AUDIT];
