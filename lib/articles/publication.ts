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
