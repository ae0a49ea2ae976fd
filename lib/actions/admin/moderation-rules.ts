// Comment moderation: statuses, decisions and the form schemas (no server-only code, unit-tested).
import { z } from "zod";
import { lineText } from "@/lib/text";

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

/** Most comments one request may decide (a page of the queue is 50). */
export const MAX_BULK = 200;

export const BAN_HOURS = [1, 6, 24, 72, 168, 720] as const;

const commentId = z.coerce.number().int().positive().max(2_147_483_647);

/**
 * The queue form sends either one row button (`row` = "approve:123") or the checked boxes (`ids`)
 * with a bulk button (`decision`). Both become { decision, ids }.
 */
export const moderationSchema = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("row"),
    row: z
      .string()
      .regex(/^(approve|reject|delete):[1-9]\d{0,9}$/)
      .transform((v) => {
        const [decision, id] = v.split(":");
        return { decision: decision as Decision, ids: [Number(id)] };
      }),
  }),
  z.object({
    kind: z.literal("bulk"),
    decision: z.enum(DECISIONS, { error: "请选择操作" }),
    ids: z
      .array(commentId)
      .min(1, { error: "请先勾选评论" })
      .max(MAX_BULK, { error: `一次最多处理 ${MAX_BULK} 条` }),
  }),
]);

export function readModerationForm(formData: FormData): unknown {
  const row = formData.get("row");
  if (typeof row === "string" && row !== "") return { kind: "row", row };
  return {
    kind: "bulk",
    decision: formData.get("decision"),
    ids: formData.getAll("ids").filter((v) => typeof v === "string"),
  };
}

/** { decision, ids } of a parsed moderation form. */
export function moderationRequest(parsed: z.infer<typeof moderationSchema>): {
  decision: Decision;
  ids: number[];
} {
  if (parsed.kind === "row") return parsed.row;
  return { decision: parsed.decision, ids: [...new Set(parsed.ids)] };
}

export const banSchema = z.object({
  commentId,
  hours: z.coerce
    .number()
    .refine((h) => (BAN_HOURS as readonly number[]).includes(h), { error: "请选择封禁时长" }),
  reason: lineText()
    .trim()
    .max(200, { error: "原因最多 200 个字" })
    .optional()
    .transform((v) => v ?? ""),
});

export function banHoursLabel(hours: number): string {
  if (hours % 24 === 0) return `${hours / 24} 天`;
  return `${hours} 小时`;
}
