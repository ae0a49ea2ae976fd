// The review flow (三审) against the real database, through the functions the server actions
// call: every transition, and the refused ones (wrong desk, wrong role, wrong state, own copy,
// one person approving two steps, a return without a note, a stale click).
import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { makeChannel, makeUser, storyInput } from "@/lib/testing/fixtures";
import type { ArticleInput } from "@/lib/articles/form";
import { saveArticle, type SaveRequest, type SaveResult } from "@/lib/articles/service";
import type { Actor } from "@/lib/articles/permissions";
import { WORKFLOW_MESSAGES } from "@/lib/workflow/rules";
import { inboxFor, reviewStory, reviewTimeline, type ReviewRequest } from "@/lib/workflow/service";

const T0 = new Date("2026-06-01T02:00:00Z");
const at = (min: number) => new Date(T0.getTime() + min * 60_000);

async function desk(steps: number) {
  const db = await getDb();
  const ch = await makeChannel();
  await db.channel.update({ where: { id: ch.id }, data: { reviewSteps: steps } });
  return ch;
}

async function save(actor: Actor, req: Partial<SaveRequest> & { input: ArticleInput }, now = T0) {
  return saveArticle(await getDb(), actor, { id: null, version: null, intent: "save", ...req }, now);
}

function ok(result: SaveResult) {
  if (!result.ok) throw new Error(`${result.error}: ${result.message}`);
  return result;
}

async function state(id: number) {
  const db = await getDb();
  return db.article.findUniqueOrThrow({
    where: { id },
    select: { status: true, reviewState: true, reviewStep: true, updatedAt: true },
  });
}

async function review(actor: Actor, id: number, action: ReviewRequest["action"], note = "") {
  const s = await state(id);
  return reviewStory(
    await getDb(),
    actor,
    {
      articleId: id,
      action,
      note,
      seenState: s.reviewState as ReviewRequest["seenState"],
      seenStep: s.reviewStep,
    },
    at(5),
  );
}

describe("review flow", () => {
  it("reporter submits, editor returns with a note, reporter revises, two steps, 主编 signs off", async () => {
    const db = await getDb();
    const ch = await desk(2);
    const reporter = await makeUser("reporter", { channels: [ch.id] });
    const editorA = await makeUser("editor", { channels: [ch.id] });
    const editorB = await makeUser("editor", { channels: [ch.id] });
    const chief = await makeUser("chief");

    const draft = ok(await save(reporter, { input: storyInput(ch.id, { title: "记者初稿" }) }));
    expect(draft.reviewState).toBe("draft");
    const submitted = ok(
      await save(
        reporter,
        {
          id: draft.id,
          version: draft.updatedAt.getTime(),
          intent: "submit",
          input: storyInput(ch.id, { title: "记者初稿" }),
        },
        at(1),
      ),
    );
    expect(submitted).toMatchObject({ status: "draft", reviewState: "submitted" });
    expect(await state(draft.id)).toMatchObject({ reviewState: "submitted", reviewStep: 1 });
    expect((await inboxFor(db, editorA)).map((i) => [i.id, i.task])).toContainEqual([draft.id, "review"]);
    expect((await inboxFor(db, reporter)).map((i) => i.id)).not.toContain(draft.id);

    // While the desk has it, the reporter cannot change it.
    const locked = await save(
      reporter,
      { id: draft.id, version: null, input: storyInput(ch.id, { title: "偷偷改" }) },
      at(2),
    );
    expect(locked).toMatchObject({ ok: false, error: "forbidden", message: WORKFLOW_MESSAGES.state });

    expect(await review(editorA, draft.id, "return", "  ")).toMatchObject({
      ok: false,
      message: WORKFLOW_MESSAGES.note_required,
    });
    const returned = await review(editorA, draft.id, "return", "导语太长，请压缩到一百字以内");
    expect(returned).toMatchObject({ ok: true, reviewState: "returned" });
    const inbox = await inboxFor(db, reporter);
    expect(inbox.map((i) => [i.id, i.task])).toContainEqual([draft.id, "revise"]);

    const revised = ok(
      await save(
        reporter,
        { id: draft.id, version: null, intent: "submit", input: storyInput(ch.id, { title: "记者修改稿" }) },
        at(6),
      ),
    );
    expect(revised.reviewState).toBe("submitted");

    const first = await review(editorA, draft.id, "approve");
    expect(first).toMatchObject({ ok: true, reviewState: "submitted", reviewStep: 2 });
    // One person, one step per round.
    expect(await review(editorA, draft.id, "approve")).toMatchObject({
      ok: false,
      message: WORKFLOW_MESSAGES.same_reviewer,
    });
    expect((await inboxFor(db, editorA)).map((i) => i.id)).not.toContain(draft.id);
    const second = await review(editorB, draft.id, "approve");
    expect(second).toMatchObject({ ok: true, reviewState: "approved", reviewStep: 0 });
    expect((await inboxFor(db, chief)).map((i) => [i.id, i.task])).toContainEqual([draft.id, "sign"]);

    const signed = ok(
      await save(
        chief,
        { id: draft.id, version: null, intent: "publish", input: storyInput(ch.id, { title: "记者修改稿" }) },
        at(10),
      ),
    );
    expect(signed).toMatchObject({ status: "published", reviewState: "signed" });
    expect((await inboxFor(db, chief)).map((i) => i.id)).not.toContain(draft.id);

    const timeline = await reviewTimeline(db, draft.id);
    expect(timeline.map((e) => [e.action, e.step])).toEqual([
      ["submit", 1],
      ["return", 1],
      ["submit", 1],
      ["approve", 1],
      ["approve", 2],
      ["sign", 0],
    ]);
    expect(timeline[1]?.note).toBe("导语太长，请压缩到一百字以内");
    const audit = await db.auditLog.findMany({
      where: { articleId: draft.id },
      orderBy: { id: "asc" },
      select: { action: true, userId: true },
    });
    expect(audit.map((a) => a.action)).toEqual([
      "article_created",
      "article_submitted",
      "article_returned",
      "article_submitted",
      "article_approved",
      "article_approved",
      "article_published",
    ]);
  });

  it("a reporter cannot publish, schedule or unpublish, nor write for another channel", async () => {
    const own = await desk(1);
    const other = await desk(1);
    const reporter = await makeUser("reporter", { channels: [own.id] });
    for (const intent of ["publish", "schedule"] as const) {
      const r = await save(reporter, { intent, input: { ...storyInput(own.id), publishedAt: at(60) } });
      expect(r).toMatchObject({ ok: false, error: "forbidden", message: WORKFLOW_MESSAGES.role });
    }
    const elsewhere = await save(reporter, { input: storyInput(other.id) });
    expect(elsewhere).toMatchObject({ ok: false, error: "forbidden", message: WORKFLOW_MESSAGES.desk });
    const draft = ok(await save(reporter, { input: storyInput(own.id) }));
    const moved = await save(reporter, { id: draft.id, version: null, input: storyInput(other.id) });
    expect(moved).toMatchObject({ ok: false, message: WORKFLOW_MESSAGES.desk });
    const unpublish = await save(reporter, {
      id: draft.id,
      version: null,
      intent: "unpublish",
      input: storyInput(own.id),
    });
    expect(unpublish).toMatchObject({ ok: false, message: WORKFLOW_MESSAGES.role });
    // Nor review: approving or returning anything.
    const editor = await makeUser("editor", { channels: [own.id] });
    const theirs = ok(await save(editor, { input: storyInput(own.id) }));
    ok(await save(editor, { id: theirs.id, version: null, intent: "submit", input: storyInput(own.id) }));
    expect(await review(reporter, theirs.id, "approve")).toMatchObject({
      ok: false,
      message: WORKFLOW_MESSAGES.role,
    });
    // Another reporter's copy in the same channel is not theirs to edit.
    const colleague = await makeUser("reporter", { channels: [own.id] });
    const copy = ok(await save(colleague, { input: storyInput(own.id) }));
    expect(await save(reporter, { id: copy.id, version: null, input: storyInput(own.id) })).toMatchObject({
      ok: false,
      message: WORKFLOW_MESSAGES.role,
    });
  });

  it("an editor reviews and signs off only in their channels; the 主编 anywhere", async () => {
    const mine = await desk(1);
    const theirs = await desk(1);
    const editor = await makeUser("editor", { channels: [mine.id] });
    const chief = await makeUser("chief");
    const reporter = await makeUser("reporter", { channels: [theirs.id] });
    const draft = ok(await save(reporter, { input: storyInput(theirs.id) }));
    ok(await save(reporter, { id: draft.id, version: null, intent: "submit", input: storyInput(theirs.id) }));
    expect(await review(editor, draft.id, "approve")).toMatchObject({
      ok: false,
      message: WORKFLOW_MESSAGES.desk,
    });
    expect((await inboxFor(await getDb(), editor)).map((i) => i.id)).not.toContain(draft.id);
    expect(await review(chief, draft.id, "approve")).toMatchObject({ ok: true, reviewState: "approved" });
    const signElsewhere = await save(editor, {
      id: draft.id,
      version: null,
      intent: "publish",
      input: storyInput(theirs.id),
    });
    expect(signElsewhere).toMatchObject({ ok: false, message: WORKFLOW_MESSAGES.desk });
  });

  it("no sign-off before the last step, nor of a returned story or a reporter's draft", async () => {
    const ch = await desk(2);
    const reporter = await makeUser("reporter", { channels: [ch.id] });
    const editor = await makeUser("editor", { channels: [ch.id] });
    const draft = ok(await save(reporter, { input: storyInput(ch.id) }));
    expect(
      await save(editor, { id: draft.id, version: null, intent: "publish", input: storyInput(ch.id) }),
    ).toMatchObject({ ok: false, message: WORKFLOW_MESSAGES.needs_review });
    ok(await save(reporter, { id: draft.id, version: null, intent: "submit", input: storyInput(ch.id) }));
    expect(await review(editor, draft.id, "approve")).toMatchObject({ ok: true, reviewStep: 2 });
    expect(
      await save(editor, { id: draft.id, version: null, intent: "publish", input: storyInput(ch.id) }),
    ).toMatchObject({ ok: false, message: WORKFLOW_MESSAGES.needs_review });
    expect(await review(editor, draft.id, "return", "补充信源")).toMatchObject({
      ok: true,
      reviewState: "returned",
    });
    expect(
      await save(editor, { id: draft.id, version: null, intent: "publish", input: storyInput(ch.id) }),
    ).toMatchObject({ ok: false, message: WORKFLOW_MESSAGES.needs_review });
    // Approving a returned story, or returning a draft, is refused too.
    expect(await review(editor, draft.id, "approve")).toMatchObject({
      ok: false,
      message: WORKFLOW_MESSAGES.state,
    });
    expect(
      await (await getDb()).article.findUniqueOrThrow({ where: { id: draft.id }, select: { status: true } }),
    ).toEqual({ status: "draft" });
  });

  it("nobody reviews their own copy; an editor's own copy is signed off directly", async () => {
    const ch = await desk(1);
    const editor = await makeUser("editor", { channels: [ch.id] });
    const own = ok(await save(editor, { input: storyInput(ch.id) }));
    ok(await save(editor, { id: own.id, version: null, intent: "submit", input: storyInput(ch.id) }));
    expect(await review(editor, own.id, "approve")).toMatchObject({
      ok: false,
      message: WORKFLOW_MESSAGES.own_copy,
    });
    const direct = ok(await save(editor, { intent: "publish", input: storyInput(ch.id) }));
    expect(direct).toMatchObject({ status: "published", reviewState: "signed" });
    // A story that went out once is edited and re-signed by the desk directly.
    ok(
      await save(
        editor,
        { id: direct.id, version: null, intent: "unpublish", input: storyInput(ch.id) },
        at(1),
      ),
    );
    expect(
      ok(
        await save(
          editor,
          { id: direct.id, version: null, intent: "publish", input: storyInput(ch.id) },
          at(2),
        ),
      ).status,
    ).toBe("published");
  });

  it("a stale click moves nothing: two reviewers at once", async () => {
    const ch = await desk(1);
    const reporter = await makeUser("reporter", { channels: [ch.id] });
    const a = await makeUser("editor", { channels: [ch.id] });
    const b = await makeUser("editor", { channels: [ch.id] });
    const draft = ok(await save(reporter, { input: storyInput(ch.id) }));
    ok(await save(reporter, { id: draft.id, version: null, intent: "submit", input: storyInput(ch.id) }));
    const db = await getDb();
    const seen = { articleId: draft.id, note: "", seenState: "submitted" as const, seenStep: 1 };
    const [ra, rb] = await Promise.all([
      reviewStory(db, a, { ...seen, action: "approve" }, at(3)),
      reviewStory(db, b, { ...seen, action: "return", note: "重写" }, at(3)),
    ]);
    expect([ra.ok, rb.ok].filter(Boolean)).toHaveLength(1);
    expect(
      await db.articleReviewEvent.count({
        where: { articleId: draft.id, action: { in: ["approve", "return"] } },
      }),
    ).toBe(1);
    expect(await reviewStory(db, a, { ...seen, action: "approve" }, at(4))).toMatchObject({
      ok: false,
      message: WORKFLOW_MESSAGES.state,
    });
  });

  it("returning from 待签发 and a note that is too long", async () => {
    const ch = await desk(1);
    const reporter = await makeUser("reporter", { channels: [ch.id] });
    const editor = await makeUser("editor", { channels: [ch.id] });
    const draft = ok(await save(reporter, { input: storyInput(ch.id) }));
    ok(await save(reporter, { id: draft.id, version: null, intent: "submit", input: storyInput(ch.id) }));
    expect(await review(editor, draft.id, "approve")).toMatchObject({ reviewState: "approved" });
    expect(await review(editor, draft.id, "return", "长".repeat(501))).toMatchObject({
      ok: false,
      message: WORKFLOW_MESSAGES.note_too_long,
    });
    expect(await review(editor, draft.id, "return", "标题与事实不符")).toMatchObject({
      ok: true,
      reviewState: "returned",
    });
    expect((await state(draft.id)).updatedAt).toEqual(T0);
  });
});
