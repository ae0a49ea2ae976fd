// Comment moderation: statuses, decisions and the form schemas (no server-only code, unit-tested).
import { z } from "zod";
import { BAN_HOURS, DECISIONS, type Decision } from "@/lib/comments/moderation-labels";
import { lineText } from "@/lib/text";

export {
  BAN_HOURS,
  COMMENT_STATUSES,
  COMMENT_STATUS_LABELS,
  DECISIONS,
  DECISION_LABELS,
  banHoursLabel,
  type CommentStatus,
  type Decision,
} from "@/lib/comments/moderation-labels";

/** Most comments one request may decide (a page of the queue is 50). */
export const MAX_BULK = 200;

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
