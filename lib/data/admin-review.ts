// Review-flow reads for the editor area (lib/workflow/service.ts on the request's database): the
// inbox (待我处理) and what the edit page shows of a story's place in the flow. Never cached.
import "server-only";
import { getDb } from "@/lib/db";
import type { Actor } from "@/lib/articles/permissions";
import { bodyToText } from "@/lib/body/text";
import type { ArticleFormValues } from "@/lib/articles/form";
import { storyTexts, type SensitiveHit } from "@/lib/sensitive/check";
import { loadChecker } from "@/lib/sensitive/service";
import type { ReviewState } from "@/lib/workflow/rules";
import {
  approversThisRound,
  inboxFor,
  reviewTimeline,
  type InboxItem,
  type TimelineEvent,
} from "@/lib/workflow/service";

/** 待我处理 for this person. */
export async function listInbox(actor: Actor): Promise<InboxItem[]> {
  return inboxFor(await getDb(), actor);
}

export interface StoryReview {
  timeline: TimelineEvent[];
  /** Who approved a step of the current round. */
  approvers: number[];
  /** Sensitive-word hits while the story is in the flow (submitted, returned, 待签发); none otherwise. */
  hits: SensitiveHit[];
}

export async function getStoryReview(
  articleId: number,
  reviewState: ReviewState,
  values: ArticleFormValues,
): Promise<StoryReview> {
  const db = await getDb();
  const inFlow = reviewState !== "draft" && reviewState !== "signed";
  const [timeline, approvers, checker] = await Promise.all([
    reviewTimeline(db, articleId),
    approversThisRound(db, [articleId]),
    inFlow ? loadChecker(db) : null,
  ]);
  const hits = checker
    ? checker.check(
        storyTexts({
          title: values.title,
          summary: values.summary,
          bodyText: bodyToText(values.body),
          alt: values.leadImageId ? values.leadImageAlt : "",
          caption: values.leadImageId ? values.leadImageCaption : "",
        }),
      )
    : [];
  return { timeline, approvers: approvers.get(articleId) ?? [], hits };
}
