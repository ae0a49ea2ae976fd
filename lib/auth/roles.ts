// Editor-area roles, for the forms in the browser (no validation library there) and the rules in
// lib/auth/schemas.ts.
export const ROLES = ["admin", "editor"] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = { admin: "管理员", editor: "编辑" };
