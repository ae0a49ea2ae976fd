// What a click on one of the article form's buttons does to status and publish time. Pure, so the
// rules are unit-tested; lib/articles/service.ts applies the decision.
import { minuteNow } from "@/lib/time";
import type { StoredStatus } from "@/lib/articles/status";

/**
 * save: keep the status (a new story becomes a draft); submit: saved and handed to the desk for
 * review (status as for save; lib/workflow/rules.ts); publish: published now; schedule: published
 * at a future time; unpublish: hidden from readers, publish time kept.
 */
export const SAVE_INTENTS = ["save", "submit", "publish", "schedule", "unpublish"] as const;
export type SaveIntent = (typeof SAVE_INTENTS)[number];

export type PublicationDecision =
  | { ok: true; status: StoredStatus; publishedAt: Date | null }
  | { ok: false; field: "publishedAt" | null; message: string };

export const PUBLICATION_MESSAGES = {
  publishedNeedsTime: "已发布的稿件需要发布时间",
  scheduleNeedsTime: "定时发布请填写发布时间",
  scheduleInPast: "定时发布的时间必须晚于现在",
  unpublishNew: "稿件尚未保存，无法撤下",
} as const;

/**
 * @param current the stored row, or null for a new story
 * @param requested the publish time typed in the form (Beijing time, parsed), or null when empty
 */
export function decidePublication(
  intent: SaveIntent,
  current: { status: string; publishedAt: Date | null } | null,
  requested: Date | null,
  now: Date,
): PublicationDecision {
  switch (intent) {
    case "submit":
    case "save": {
      if (current?.status === "published") {
        if (!requested)
          return { ok: false, field: "publishedAt", message: PUBLICATION_MESSAGES.publishedNeedsTime };
        // A future time turns a live story into a scheduled one: allowed, and shown as such.
        return { ok: true, status: "published", publishedAt: requested };
      }
      if (current?.status === "unpublished") {
        return { ok: true, status: "unpublished", publishedAt: requested ?? current.publishedAt };
      }
      // A draft may carry a planned time; it means nothing until the story is published.
      return { ok: true, status: "draft", publishedAt: requested };
    }
    case "publish":
      // A time already past is kept (backdating, re-publishing with the original time); an empty
      // or future one becomes now, to the minute like every publish time: reader lists are read
      // as of the current minute (lib/time.ts minuteNow), so a time with seconds would keep a
      // story out of them until the next minute.
      return {
        ok: true,
        status: "published",
        publishedAt: requested && requested.getTime() <= now.getTime() ? requested : minuteNow(now.getTime()),
      };
    case "schedule":
      if (!requested)
        return { ok: false, field: "publishedAt", message: PUBLICATION_MESSAGES.scheduleNeedsTime };
      if (requested.getTime() <= now.getTime())
        return { ok: false, field: "publishedAt", message: PUBLICATION_MESSAGES.scheduleInPast };
      return { ok: true, status: "published", publishedAt: requested };
    case "unpublish":
      if (!current) return { ok: false, field: null, message: PUBLICATION_MESSAGES.unpublishNew };
      return { ok: true, status: "unpublished", publishedAt: requested ?? current.publishedAt };
  }
}

export const UNPUBLISH_MESSAGES = {
  forbidden: "只有负责本频道的编辑、主编可以设置或取消定时撤稿",
  beforePublish: "撤稿时间必须晚于发布时间",
  inPast: "撤稿时间必须晚于现在",
} as const;

export type UnpublishDecision = { ok: true; unpublishAt: Date | null } | { ok: false; message: string };

/**
 * The scheduled unpublish time (定时撤稿) a save stores, after decidePublication decided status
 * and publish time. Readers stop seeing the story at that time, decided when read
 * (lib/data/visibility.ts). Setting, moving or clearing it is for those who may unpublish
 * (`mayUnpublish`: reviewers in the story's channel); a form without the right sends the stored
 * value back unchanged. A new time must lie ahead and after the publish time; publishing again
 * drops a time already past (it did its work), unpublishing by hand drops any.
 * @param stored the row's unpublish time, or null (a new story, or none set)
 * @param requested the time in the form, or null when empty
 */
export function decideUnpublishAt(
  intent: SaveIntent,
  decided: { status: StoredStatus; publishedAt: Date | null },
  stored: Date | null,
  requested: Date | null,
  mayUnpublish: boolean,
  now: Date,
): UnpublishDecision {
  const changed = (stored?.getTime() ?? null) !== (requested?.getTime() ?? null);
  if (changed && !mayUnpublish) return { ok: false, message: UNPUBLISH_MESSAGES.forbidden };
  // Unpublished now: a time to unpublish has nothing left to do.
  if (intent === "unpublish") return { ok: true, unpublishAt: null };
  if (requested === null) return { ok: true, unpublishAt: null };
  if (!changed && requested.getTime() <= now.getTime()) {
    // It has passed: the story was withdrawn. Publishing it again ends that; a save keeps it off.
    return { ok: true, unpublishAt: intent === "publish" || intent === "schedule" ? null : requested };
  }
  if (changed && requested.getTime() <= now.getTime())
    return { ok: false, message: UNPUBLISH_MESSAGES.inPast };
  if (decided.publishedAt && requested.getTime() <= decided.publishedAt.getTime())
    return { ok: false, message: UNPUBLISH_MESSAGES.beforePublish };
  return { ok: true, unpublishAt: requested };
}
