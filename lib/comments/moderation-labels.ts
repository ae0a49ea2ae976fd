// Comment statuses, moderation decisions and ban lengths with their labels: for the moderation
// queue in the browser (no validation library there) and the rules in moderation-rules.ts.
export const COMMENT_STATUSES = ["pending", "approved", "rejected"] as const;
export type CommentStatus = (typeof COMMENT_STATUSES)[number];

export const COMMENT_STATUS_LABELS: Record<CommentStatus, string> = {
  pending: "待审核",
  approved: "已通过",
  rejected: "已拒绝",
};

export const DECISIONS = ["approve", "reject", "delete"] as const;
export type Decision = (typeof DECISIONS)[number];

export const DECISION_LABELS: Record<Decision, string> = { approve: "通过", reject: "拒绝", delete: "删除" };

export const BAN_HOURS = [1, 6, 24, 72, 168, 720] as const;

export function banHoursLabel(hours: number): string {
  if (hours % 24 === 0) return `${hours / 24} 天`;
  return `${hours} 小时`;
}
