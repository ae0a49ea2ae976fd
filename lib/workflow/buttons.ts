// Which buttons the article form offers to this person for this story. The server decides again on
// every click (lib/articles/service.ts); this only keeps the form from offering what would be
// refused. Pure, so the combinations are unit-tested.
import { canReviewIn, type Actor } from "@/lib/articles/permissions";
import type { SaveIntent } from "@/lib/articles/publication";
import type { DisplayStatus } from "@/lib/articles/status";
import { mayEdit, maySignOff, maySubmit, type ReviewedStory } from "@/lib/workflow/rules";

export interface FormButton {
  intent: SaveIntent;
  label: string;
  primary?: boolean;
}

function buttonsFor(status: DisplayStatus | null): FormButton[] {
  switch (status) {
    case "published":
      return [
        { intent: "save", label: "保存修改", primary: true },
        { intent: "unpublish", label: "撤下" },
      ];
    case "scheduled":
      return [
        { intent: "save", label: "保存修改", primary: true },
        { intent: "publish", label: "立即发布" },
        { intent: "unpublish", label: "撤下" },
      ];
    case "unpublished":
      return [
        { intent: "save", label: "保存修改" },
        { intent: "publish", label: "重新发布", primary: true },
        { intent: "schedule", label: "定时发布" },
      ];
    default:
      return [
        { intent: "save", label: "保存草稿" },
        { intent: "submit", label: "提交审核" },
        { intent: "publish", label: "立即发布", primary: true },
        { intent: "schedule", label: "定时发布" },
      ];
  }
}

/**
 * @param story the stored story, or null for a new one: judged as a draft of the person's own in
 *   the first channel their desk covers (the form lists only those; the save checks the one chosen)
 */
export function formButtons(
  actor: Actor,
  story: ReviewedStory | null,
  status: DisplayStatus | null,
): FormButton[] {
  const judged: ReviewedStory = story ?? {
    channelId: actor.channels?.[0] ?? 0,
    authorId: actor.id,
    writtenByReporter: actor.role === "reporter",
    status: "draft",
    reviewState: "draft",
    reviewStep: 0,
    reviewSteps: 1,
  };
  if (!mayEdit(actor, judged).ok) return [];
  const allowed: Record<SaveIntent, boolean> = {
    save: true,
    submit: maySubmit(actor, judged).ok,
    publish: maySignOff(actor, judged).ok,
    schedule: maySignOff(actor, judged).ok,
    unpublish: canReviewIn(actor, judged.channelId),
  };
  const offered = buttonsFor(status).filter((b) => allowed[b.intent]);
  // One primary button: the status's usual one, else 提交审核 (a reporter's next step), else the first.
  const usual = offered.findIndex((b) => b.primary);
  const index =
    usual !== -1
      ? usual
      : Math.max(
          offered.findIndex((b) => b.intent === "submit"),
          0,
        );
  return offered.map((b, i) => ({ ...b, primary: i === index }));
}
