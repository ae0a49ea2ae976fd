import type { UserAdminError } from "@/lib/auth/users";
import type { GuardOptions } from "@/lib/auth/guard";

export const USER_ADMIN_MESSAGES: Record<UserAdminError, string> = {
  forbidden: "只有管理员可以管理用户",
  not_found: "该用户不存在",
  username_taken: "该用户名已被使用",
  self: "不能修改自己的角色，也不能停用自己",
  wrong_password: "密码不正确",
  unknown_channel: "所选频道已不存在，请刷新页面后再选",
};

/** The guard of the user-admin actions: admins only, refused in the same words as the service. */
export const USER_ADMIN_GUARD: GuardOptions = {
  renewCookie: true,
  forbiddenMessage: USER_ADMIN_MESSAGES.forbidden,
};
