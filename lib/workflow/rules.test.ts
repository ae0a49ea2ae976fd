// The review flow's pure rules and the buttons they offer.
import { describe, expect, it } from "vitest";
import type { Actor } from "@/lib/articles/permissions";
import { formButtons } from "@/lib/workflow/buttons";
import {
  WORKFLOW_MESSAGES,
  mayApprove,
  mayEdit,
  mayReturn,
  maySignOff,
  reviewLabel,
  reviewOutcome,
  maySubmit,
  stepLabel,
  type ReviewedStory,
} from "@/lib/workflow/rules";

const reporter: Actor = { id: 1, role: "reporter", channels: [10] };
const editor: Actor = { id: 2, role: "editor", channels: [10] };
const editor2: Actor = { id: 3, role: "editor", channels: [10] };
const countyEditor: Actor = { id: 4, role: "editor", channels: [20] };
const chief: Actor = { id: 5, role: "chief", channels: [] };
const anyDesk: Actor = { id: 6, role: "editor" };

const story = (over: Partial<ReviewedStory> = {}): ReviewedStory => ({
  channelId: 10,
  authorId: reporter.id,
  writtenByReporter: true,
  status: "draft",
  reviewState: "draft",
  reviewStep: 0,
  reviewSteps: 2,
  ...over,
});

const intents = (actor: Actor, s: ReviewedStory | null, status: Parameters<typeof formButtons>[2]) =>
  formButtons(actor, s, status).map((b) => `${b.intent}${b.primary ? "*" : ""}`);

describe("review rules", () => {
  it("labels the steps and says what a review did", () => {
    expect([1, 2, 3].map(stepLabel)).toEqual(["一审", "二审", "三审"]);
    expect(reviewOutcome("approve", 1, "submitted")).toBe("一审已通过，稿件进入二审");
    expect(reviewOutcome("approve", 2, "approved")).toBe("二审已通过，稿件进入待签发");
    expect(reviewOutcome("return", 1, "returned")).toMatch(/^已退回修改/);
    expect(reviewLabel("submitted", 2)).toBe("待审（二审）");
    expect(reviewLabel("approved", 0)).toBe("待签发");
    expect(reviewLabel("signed", 0)).toBeNull();
  });

  it("a reporter edits and submits their own copy in their channel, only while it is with them", () => {
    expect(mayEdit(reporter, story()).ok).toBe(true);
    expect(maySubmit(reporter, story())).toEqual({ ok: true, step: 1 });
    expect(maySubmit(reporter, story({ reviewState: "returned" })).ok).toBe(true);
    expect(mayEdit(reporter, story({ reviewState: "submitted", reviewStep: 1 }))).toMatchObject({
      reason: "state",
    });
    expect(mayEdit(reporter, story({ channelId: 20 }))).toMatchObject({ reason: "desk" });
    expect(mayEdit(reporter, story({ authorId: 99 }))).toMatchObject({ reason: "role" });
    expect(mayEdit(reporter, story({ status: "published" }))).toMatchObject({ reason: "role" });
    expect(maySignOff(reporter, story({ reviewState: "approved" }))).toMatchObject({ reason: "role" });
  });

  it("steps advance one reviewer at a time, up to the channel's count", () => {
    const s1 = story({ reviewState: "submitted", reviewStep: 1 });
    expect(mayApprove(editor, s1, [])).toEqual({
      ok: true,
      next: { reviewState: "submitted", reviewStep: 2 },
    });
    const s2 = story({ reviewState: "submitted", reviewStep: 2 });
    expect(mayApprove(editor2, s2, [editor.id])).toEqual({
      ok: true,
      next: { reviewState: "approved", reviewStep: 0 },
    });
    expect(mayApprove(editor, s2, [editor.id])).toMatchObject({ reason: "same_reviewer" });
    const oneStep = story({ reviewState: "submitted", reviewStep: 1, reviewSteps: 1 });
    expect(mayApprove(editor, oneStep, [])).toMatchObject({ next: { reviewState: "approved" } });
    // Misconfigured counts are held to 1–3.
    const three = story({ reviewState: "submitted", reviewStep: 3, reviewSteps: 9 });
    expect(mayApprove(chief, three, [editor.id, editor2.id])).toMatchObject({
      next: { reviewState: "approved" },
    });
    expect(mayApprove(countyEditor, s1, [])).toMatchObject({ reason: "desk" });
    expect(mayApprove(anyDesk, s1, []).ok).toBe(true);
    expect(
      mayApprove(editor, story({ reviewState: "submitted", reviewStep: 1, authorId: editor.id }), []),
    ).toMatchObject({
      reason: "own_copy",
    });
    expect(mayApprove(editor, story({ reviewState: "approved" }), [])).toMatchObject({ reason: "state" });
  });

  it("a return needs a note and a story in review", () => {
    const s = story({ reviewState: "approved" });
    expect(mayReturn(editor, s, "请核实数字").ok).toBe(true);
    expect(mayReturn(editor, s, " \n ")).toMatchObject({ message: WORKFLOW_MESSAGES.note_required });
    expect(mayReturn(editor, story(), "x")).toMatchObject({ reason: "state" });
    expect(mayReturn(reporter, s, "x")).toMatchObject({ reason: "role" });
  });

  it("only a sign-off publishes, and only after the steps for reporters' copy", () => {
    expect(maySignOff(editor, story({ reviewState: "approved" })).ok).toBe(true);
    expect(maySignOff(editor, story())).toMatchObject({ reason: "needs_review" });
    expect(maySignOff(editor, story({ reviewState: "submitted", reviewStep: 2 }))).toMatchObject({
      reason: "needs_review",
    });
    expect(maySignOff(editor, story({ authorId: editor.id, writtenByReporter: false })).ok).toBe(true);
    expect(maySignOff(editor, story({ status: "unpublished", reviewState: "signed" })).ok).toBe(true);
    expect(maySignOff(countyEditor, story({ reviewState: "approved" }))).toMatchObject({ reason: "desk" });
    expect(maySignOff(chief, story({ reviewState: "approved", channelId: 77 })).ok).toBe(true);
  });
});

describe("form buttons", () => {
  it("offers each person what the server would accept", () => {
    expect(intents(reporter, null, null)).toEqual(["save", "submit*"]);
    expect(intents(editor, null, null)).toEqual(["save", "submit", "publish*", "schedule"]);
    expect(intents(reporter, story({ reviewState: "submitted", reviewStep: 1 }), "draft")).toEqual([]);
    expect(intents(editor, story({ reviewState: "submitted", reviewStep: 1 }), "draft")).toEqual(["save*"]);
    expect(intents(editor, story({ reviewState: "approved" }), "draft")).toEqual([
      "save",
      "publish*",
      "schedule",
    ]);
    expect(intents(editor, story({ status: "published", reviewState: "signed" }), "published")).toEqual([
      "save*",
      "unpublish",
    ]);
    expect(intents(countyEditor, story({ status: "published", reviewState: "signed" }), "published")).toEqual(
      [],
    );
  });
});
