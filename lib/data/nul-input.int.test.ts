// U+0000 in what people and clients send. PostgreSQL text cannot hold it (SQLite can): a NUL that
// reached a query would fail it ("invalid byte sequence for encoding UTF8: 0x00"), a 500. Text is
// cleaned where it comes in (lib/text.ts), and lookups by a name from the address answer "none".
import { beforeEach, describe, expect, it } from "vitest";
import { submitComment } from "@/lib/comments/submit";
import { EMPTY_ARTICLE_FORM, parseArticleForm } from "@/lib/articles/form";
import { saveArticle } from "@/lib/articles/service";
import { clearCache } from "@/lib/cache/memo";
import { MIN_FILL_MS, issueFormToken } from "@/lib/comments/policy";
import { getDb } from "@/lib/db";
import { getChannelRedirect } from "@/lib/data/channels";
import { searchArticles } from "@/lib/data/search";
import { getTagByName } from "@/lib/data/tags";
import { env } from "@/lib/env";
import { parseSearchQuery } from "@/lib/search-text";
import { makeArticle, makeChannel, uniq } from "@/lib/testing/fixtures";

const NUL = "\u0000";

beforeEach(() => clearCache());

describe("NUL in input", () => {
  it("is dropped from a reader's comment", async () => {
    const ch = await makeChannel();
    const article = await makeArticle({ channelId: ch.id });
    const now = Date.now();
    const token = issueFormToken(article.id, now - MIN_FILL_MS - 1000, env.APP_SECRET);
    const body = `写${NUL}得好${uniq()}`;
    const state = await submitComment(
      { articleId: String(article.id), nickname: `老${NUL}柳州`, body, token },
      { address: "198.51.100.77" },
      now,
    );
    expect(state.status).toBe("pending");
    const rows = await (await getDb()).comment.findMany({ where: { articleId: article.id } });
    expect(rows.map((r) => [r.nickname, r.body])).toEqual([["老柳州", body.replace(NUL, "")]]);
  });

  it("is dropped from every text field of a saved story", async () => {
    const db = await getDb();
    const ch = await makeChannel();
    const editor = await db.user.create({ data: { username: uniq("u"), passwordHash: "x", role: "editor" } });
    const parsed = parseArticleForm({
      ...EMPTY_ARTICLE_FORM,
      channelId: String(ch.id),
      title: `标${NUL}题${uniq()}`,
      summary: `摘${NUL}要`,
      body: `正${NUL}文\n\n第二段${NUL}。`,
      source: `来${NUL}源`,
      byline: `署${NUL}名`,
      tags: `柳${NUL}江、测试${NUL}`,
    });
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    const saved = await saveArticle(
      db,
      { id: editor.id, role: "editor" },
      { id: null, version: null, intent: "publish", input: parsed.data },
      new Date(),
    );
    if (!saved.ok) throw new Error(saved.message);
    const row = await db.article.findUniqueOrThrow({
      where: { id: saved.id },
      include: { tags: { include: { tag: true } }, revisions: true },
    });
    const texts = [row.title, row.summary, row.body, row.bodyHtml, row.bodyText, row.source, row.byline];
    texts.push(...row.tags.map((t) => t.tag.name), ...row.revisions.map((r) => r.snapshot));
    for (const text of texts) expect(text).not.toContain(NUL);
    expect(row.summary).toBe("摘要");
  });

  it("in a name from the address finds nothing instead of failing", async () => {
    expect(await getTagByName(`柳江${NUL}`)).toBeNull();
    expect(await getChannelRedirect(`liujiang${NUL}`)).toBeNull();
  });

  it("in a search query is dropped", async () => {
    const parsed = parseSearchQuery(`融${NUL}安`);
    expect(parsed).toMatchObject({ kind: "ok", terms: ["融安"] });
    const r = await searchArticles({ terms: ["融安"], channelId: null, page: 1, nowMs: Date.now() });
    expect(Number.isInteger(r.total)).toBe(true);
  });
});
