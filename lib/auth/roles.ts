// Editor-area roles, for the forms in the browser (no validation library there) and the rules in
// lib/auth/schemas.ts. The newsroom (issue 13): a 记者 writes and submits for their channels; a
// 编辑 reviews, edits, returns and signs off in their channels; a 主编 signs off anywhere, lets
// sensitive-word hits go and unlocks; an admin can do all that and also keeps accounts, channels
// and settings. Who may do what is decided in lib/articles/permissions.ts.
export const ROLES = ["reporter", "editor", "chief", "admin"] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  reporter: "记者",
  editor: "编辑",
  chief: "主编",
  admin: "管理员",
};

/** Roles whose work is limited to the channels (desks) assigned to them; none assigned: every channel. */
export const DESK_ROLES: readonly Role[] = ["reporter", "editor"];
