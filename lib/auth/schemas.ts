// Field rules shared by the server actions and scripts/admin-create.ts (no "server-only" marker).
import { z } from "zod";
import { lineText } from "@/lib/text";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "@/lib/auth/password-rules";
import { ROLES } from "@/lib/auth/roles";

export { ROLE_LABELS, ROLES, type Role } from "@/lib/auth/roles";

export const roleSchema = z.enum(ROLES, { error: "请选择角色" });

/** Login names are stored lower-case: ASCII letters, digits, `_ . -`, 2–32 characters. */
export const usernameSchema = lineText({ error: "请输入用户名" })
  .trim()
  .toLowerCase()
  .min(2, { error: "用户名至少 2 个字符" })
  .max(32, { error: "用户名最多 32 个字符" })
  .regex(/^[a-z0-9][a-z0-9_.-]*$/, { error: "用户名只能包含小写字母、数字和 _ . -，并以字母或数字开头" });

export const displayNameSchema = lineText().trim().max(40, { error: "显示名最多 40 个字符" });

/** A password being set (new account, change, reset). Not trimmed: spaces are allowed. */
export const newPasswordSchema = z
  .string({ error: "请输入密码" })
  .min(PASSWORD_MIN_LENGTH, { error: `密码至少 ${PASSWORD_MIN_LENGTH} 个字符` })
  .max(PASSWORD_MAX_LENGTH, { error: `密码最多 ${PASSWORD_MAX_LENGTH} 个字符` });
