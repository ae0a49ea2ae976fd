// The sensitive-word check where it matters: saving a story that readers will see
// (lib/articles/service.ts), against the real temporary database (SQLite, or PostgreSQL with
// TEST_POSTGRES_URL). Drafts are not checked; an editor cannot publish a hit; an admin can, having
// acknowledged it (audited); a story already out is held only to words it did not have.
import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { EMPTY_ARTICLE_FORM, parseArticleForm, type ArticleInput } from "@/lib/articles/form";
import { SERVICE_MESSAGES, saveArticle, type SaveResult } from "@/lib/articles/service";
import { addWords } from "@/lib/sensitive/service";
import { makeChannel, uniq } from "@/lib/testing/fixtures";

async function makeUser(role: "admin" | "editor") {
  const db = await getDb();
  const user = await db.user.create({ data: { username: uniq("u"), passwordHash: "x", role } });
  return { id: user.id, role };
}

function input(
  channelId: number,
  body: string,
  title = uniq("标题"),
  base = EMPTY_ARTICLE_FORM,
): ArticleInput {
  const parsed = parseArticleForm({ ...base, channelId: String(channelId), title, body });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.data;
}

function ok(result: SaveResult) {
  if (!result.ok) throw new Error(`${result.error}: ${result.message}`);
  return result;
}

describe("publishing against the sensitive-word lists", () => {
  it("holds back a hit: drafts pass, editors are refused, an admin acknowledges; only new hits count later", async () => {
    const db = await getDb();
    const admin = await makeUser("admin");
    const editor = await makeUser("editor");
    const ch = await makeChannel();
    const word = `刷单${uniq("返利").slice(-6)}`;
    await addWords(db, admin, { kind: "block", category: "诈骗", words: [word] }, new Date());
    const body = `<p>警方提醒：所谓“${word}”都是骗局。</p>`;

    // A draft is not checked.
    const draft = ok(
      await saveArticle(
        db,
        editor,
        { id: null, version: null, intent: "save", input: input(ch.id, body) },
        new Date(),
      ),
    );
    expect(draft.status).toBe("draft");

    // Publishing it: the editor is refused, with the hit, its field and position.
    const refused = await saveArticle(
      db,
      editor,
      { id: draft.id, version: draft.updatedAt.getTime(), intent: "publish", input: input(ch.id, body) },
      new Date(),
    );
    expect(refused).toMatchObject({
      ok: false,
      error: "sensitive",
      message: SERVICE_MESSAGES.sensitiveBlocked,
      canAcknowledge: false,
      hits: [{ field: "body", label: "正文", word: word.toLowerCase(), position: 9, category: "诈骗" }],
    });
    // Even an editor's acknowledgement does not count.
    expect(
      await saveArticle(
        db,
        editor,
        {
          id: draft.id,
          version: draft.updatedAt.getTime(),
          intent: "publish",
          input: input(ch.id, body),
          acknowledgeSensitive: true,
        },
        new Date(),
      ),
    ).toMatchObject({ ok: false, error: "sensitive" });
    expect((await db.article.findUniqueOrThrow({ where: { id: draft.id } })).status).toBe("draft");

    // An admin is asked to acknowledge, then publishes; the audit row names what was acknowledged.
    expect(
      await saveArticle(
        db,
        admin,
        { id: draft.id, version: draft.updatedAt.getTime(), intent: "publish", input: input(ch.id, body) },
        new Date(),
      ),
    ).toMatchObject({
      ok: false,
      error: "sensitive",
      canAcknowledge: true,
      message: SERVICE_MESSAGES.sensitiveAcknowledge,
    });
    const published = ok(
      await saveArticle(
        db,
        admin,
        {
          id: draft.id,
          version: draft.updatedAt.getTime(),
          intent: "publish",
          input: input(ch.id, body),
          acknowledgeSensitive: true,
        },
        new Date(),
      ),
    );
    expect(published.status).toBe("published");
    const audit = await db.auditLog.findFirstOrThrow({
      where: { articleId: draft.id, action: "article_published" },
    });
    expect(JSON.parse(audit.detail).sensitiveAcknowledged).toEqual([
      { field: "body", word: word.toLowerCase(), position: 9 },
    ]);

    // The editor fixes a typo elsewhere: the word was there already, nothing to acknowledge.
    const title = uniq("新标题");
    const edited = ok(
      await saveArticle(
        db,
        editor,
        {
          id: draft.id,
          version: published.updatedAt.getTime(),
          intent: "save",
          input: input(ch.id, body, title, published.values),
        },
        new Date(),
      ),
    );
    // A second occurrence is new: refused again.
    expect(
      await saveArticle(
        db,
        editor,
        {
          id: draft.id,
          version: edited.updatedAt.getTime(),
          intent: "save",
          input: input(ch.id, `${body}<p>再说一遍：${word}</p>`, title, published.values),
        },
        new Date(),
      ),
    ).toMatchObject({ ok: false, error: "sensitive" });
  });
});
