// Autosave slots against the real temporary database (SQLite, or PostgreSQL with
// TEST_POSTGRES_URL): one slot per story and user, overwritten, bounded, offered back only when it
// holds something the story does not, and cleared by a real save; never a revision.
import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { makeChannel, uniq } from "@/lib/testing/fixtures";
import { EMPTY_ARTICLE_FORM, parseArticleForm, type ArticleFormValues } from "@/lib/articles/form";
import { LIMITS } from "@/lib/articles/limits";
import type { Role } from "@/lib/auth/schemas";
import { saveArticle } from "@/lib/articles/service";
import {
  AUTOSAVE_MESSAGES,
  autosaveFields,
  autosaveOffer,
  discardAutosave,
  readAutosave,
  writeAutosave,
} from "@/lib/drafts/autosave";

const T0 = new Date("2026-05-01T02:00:30Z");
const at = (ms: number) => new Date(T0.getTime() + ms);

async function makeUser(role: Role = "editor") {
  const db = await getDb();
  const user = await db.user.create({ data: { username: uniq("u"), passwordHash: "x", role } });
  return { id: user.id, role };
}

function form(channelId: number, values: Partial<ArticleFormValues> = {}): ArticleFormValues {
  return {
    ...EMPTY_ARTICLE_FORM,
    channelId: String(channelId),
    title: uniq("标题"),
    body: "<p>正文第一段。</p>\n",
    ...values,
  };
}

async function story(editorId: { id: number; role: Role }, channelId: number, values: ArticleFormValues) {
  const db = await getDb();
  const parsed = parseArticleForm(values);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  const saved = await saveArticle(
    db,
    editorId,
    { id: null, version: null, intent: "save", input: parsed.data },
    T0,
  );
  if (!saved.ok) throw new Error(saved.message);
  return saved;
}

describe("autosave slots", () => {
  it("one slot per story and user: overwritten, never a revision, the story untouched", async () => {
    const db = await getDb();
    const [a, b] = [await makeUser(), await makeUser()];
    const ch = await makeChannel();
    const saved = await story(a, ch.id, form(ch.id, { title: "原标题" }));
    const before = await db.article.findUniqueOrThrow({ where: { id: saved.id } });

    expect(
      await writeAutosave(db, a, saved.id, { ...saved.values, title: "改了一次" }, at(1000)),
    ).toMatchObject({
      ok: true,
      cleared: false,
    });
    await writeAutosave(db, a, saved.id, { ...saved.values, title: "改了两次" }, at(5000));
    await writeAutosave(db, b, saved.id, { ...saved.values, title: "乙的改动" }, at(6000));

    expect(await db.articleAutosave.count({ where: { articleId: saved.id } })).toBe(2);
    const mine = await readAutosave(db, a.id, saved.id);
    expect(mine?.values.title).toBe("改了两次");
    expect(mine?.savedAt.toISOString()).toBe(at(5000).toISOString());
    expect((await readAutosave(db, b.id, saved.id))?.values.title).toBe("乙的改动");
    const after = await db.article.findUniqueOrThrow({ where: { id: saved.id } });
    expect(after).toEqual(before);
    expect(await db.articleRevision.count({ where: { articleId: saved.id } })).toBe(1);
  });

  it("a new story has one slot per user, apart from the stories", async () => {
    const db = await getDb();
    const a = await makeUser("reporter");
    const ch = await makeChannel();
    await writeAutosave(db, a, null, form(ch.id, { title: "新稿一" }), T0);
    await writeAutosave(db, a, null, form(ch.id, { title: "新稿二" }), at(4000));
    expect(await db.articleAutosave.count({ where: { userId: a.id } })).toBe(1);
    expect((await readAutosave(db, a.id, null))?.values.title).toBe("新稿二");
    // An untouched new form (a channel preset at most) has nothing to keep.
    await writeAutosave(db, a, null, { ...EMPTY_ARTICLE_FORM, channelId: String(ch.id) }, at(8000));
    expect(await readAutosave(db, a.id, null)).toBeNull();
  });

  it("is bounded: an over-long field is refused with a message, the slot keeps the last good one", async () => {
    const db = await getDb();
    const a = await makeUser();
    const ch = await makeChannel();
    await writeAutosave(db, a, null, form(ch.id, { title: "能保存" }), T0);
    const huge = await writeAutosave(
      db,
      a,
      null,
      form(ch.id, { body: "字".repeat(LIMITS.bodyHtml * 2 + 1) }),
      at(1),
    );
    expect(huge).toEqual({ ok: false, status: 413, message: AUTOSAVE_MESSAGES.tooLarge("正文") });
    const title = await writeAutosave(
      db,
      a,
      null,
      form(ch.id, { title: "题".repeat(LIMITS.title * 2 + 1) }),
      at(2),
    );
    expect(title).toMatchObject({ ok: false, status: 413 });
    expect((await readAutosave(db, a.id, null))?.values.title).toBe("能保存");
    // At the bound it is kept whole (the form reports the length when it is really saved).
    const long = "题".repeat(LIMITS.title * 2);
    expect(await writeAutosave(db, a, null, form(ch.id, { title: long }), at(3))).toMatchObject({ ok: true });
    expect((await readAutosave(db, a.id, null))?.values.title).toBe(long);
  });

  it("refuses a story that does not exist, and an account that cannot write", async () => {
    const db = await getDb();
    const a = await makeUser();
    const ch = await makeChannel();
    expect(await writeAutosave(db, a, 2_000_000_000, form(ch.id), T0)).toMatchObject({
      ok: false,
      status: 404,
    });
    expect(
      await writeAutosave(db, { id: a.id, role: "reader" as Role }, null, form(ch.id), T0),
    ).toMatchObject({ ok: false, status: 403 });
  });

  it("a real save clears the saver's slot (and a new story's slot), not another user's", async () => {
    const db = await getDb();
    const [a, b] = [await makeUser(), await makeUser()];
    const ch = await makeChannel();
    await writeAutosave(db, a, null, form(ch.id, { title: "写到一半" }), T0);
    const saved = await story(a, ch.id, form(ch.id, { title: "写完了" }));
    expect(await readAutosave(db, a.id, null)).toBeNull();

    await writeAutosave(db, a, saved.id, { ...saved.values, title: "甲又改" }, at(1000));
    await writeAutosave(db, b, saved.id, { ...saved.values, title: "乙也改" }, at(1000));
    const parsed = parseArticleForm({ ...saved.values, title: "甲保存" });
    if (!parsed.ok) throw new Error("form");
    const again = await saveArticle(
      db,
      a,
      { id: saved.id, version: saved.updatedAt.getTime(), intent: "save", input: parsed.data },
      at(2000),
    );
    expect(again.ok).toBe(true);
    expect(await readAutosave(db, a.id, saved.id)).toBeNull();
    expect((await readAutosave(db, b.id, saved.id))?.values.title).toBe("乙也改");
  });

  it("fields equal to the saved story clear the slot; the page offers only what differs", async () => {
    const db = await getDb();
    const a = await makeUser();
    const ch = await makeChannel();
    const saved = await story(a, ch.id, form(ch.id));
    const current = { values: saved.values, updatedAt: saved.updatedAt };
    await writeAutosave(db, a, saved.id, { ...saved.values, summary: "新摘要" }, at(60_000));
    expect(await autosaveOffer(db, a.id, saved.id, current)).toMatchObject({
      values: { summary: "新摘要" },
      olderThanStory: false,
    });
    // The same body as the editor writes it (no trailing newline) is the same story.
    const same = await writeAutosave(
      db,
      a,
      saved.id,
      { ...saved.values, body: saved.values.body.trim() },
      at(61_000),
    );
    expect(same).toMatchObject({ ok: true, cleared: true });
    expect(await autosaveOffer(db, a.id, saved.id, current)).toBeNull();
    // An autosave older than the story's last save is still offered, with a warning.
    await writeAutosave(db, a, saved.id, { ...saved.values, summary: "旧的" }, at(-1000));
    expect(await autosaveOffer(db, a.id, saved.id, current)).toMatchObject({ olderThanStory: true });
    await discardAutosave(db, a.id, saved.id);
    expect(await autosaveOffer(db, a.id, saved.id, current)).toBeNull();
  });

  it("autosaveFields reads the form as sent: checkboxes by presence, nothing cut", () => {
    const long = "长".repeat(LIMITS.title * 3);
    expect(autosaveFields({ title: long, isHeadline: "on", body: 5 })).toEqual({
      ...EMPTY_ARTICLE_FORM,
      title: long,
      isHeadline: true,
    });
  });
});
