// The Markdown → stored-HTML data step (lib/body/convert.ts) on the real temporary database:
// batched, restartable, idempotent; the reader HTML keeps its bytes where nothing changed.
import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { renderMarkdown } from "@/lib/markdown";
import { markdownToText } from "@/lib/text";
import { convertStoredBodies } from "@/lib/body/convert";
import { makeChannel, uniq } from "@/lib/testing/fixtures";

/** A story as written before the editor: Markdown body, rendered by markdown-it. */
async function markdownStory(channelId: number, body: string) {
  const db = await getDb();
  return db.article.create({
    data: {
      channelId,
      title: uniq("旧稿"),
      body,
      bodyFormat: "markdown",
      bodyHtml: renderMarkdown(body),
      bodyText: markdownToText(body),
      status: "published",
      publishedAt: new Date(),
    },
  });
}

describe("convertStoredBodies", () => {
  it("converts every Markdown story and revision in batches, keeping the reader HTML, once", async () => {
    const db = await getDb();
    const ch = await makeChannel();
    const plain = [
      "**导语：**正文。\n\n第二段。",
      "## 小标题\n\n- 一\n- 二\n\n> 引用",
      "| a | b |\n|--|--|\n| 1 | 2 |",
    ];
    const stories = [];
    for (const body of plain) stories.push(await markdownStory(ch.id, body));
    const withImage = await markdownStory(ch.id, "图：\n\n![现场](/media/202611/abcdef0123456789-640.webp)");
    const user = await db.user.create({ data: { username: uniq("u"), passwordHash: "x", role: "editor" } });
    const first = stories[0];
    if (!first) throw new Error("no story");
    const revision = await db.articleRevision.create({
      data: {
        articleId: first.id,
        userId: user.id,
        snapshot: JSON.stringify({ v: 1, title: "t", body: "**旧**版本" }),
        createdAt: new Date(),
      },
    });
    const since = (await db.cacheInvalidation.findFirst({ orderBy: { id: "desc" } }))?.id ?? 0;

    const dry = await convertStoredBodies(db, { batch: 2, dryRun: true });
    expect(dry.stories).toBeGreaterThanOrEqual(4);
    expect(await db.article.count({ where: { bodyFormat: "markdown" } })).toBeGreaterThanOrEqual(4);

    const stats = await convertStoredBodies(db, { batch: 2 });
    expect(stats.stories).toBe(dry.stories);
    expect(stats.htmlChanged).toBe(dry.htmlChanged);
    expect(await db.article.count({ where: { bodyFormat: "markdown" } })).toBe(0);

    for (const [i, story] of stories.entries()) {
      const row = await db.article.findUniqueOrThrow({ where: { id: story.id } });
      expect(row.bodyFormat).toBe("html");
      expect(row.bodyHtml).toBe(renderMarkdown(plain[i] ?? ""));
      expect(row.body).not.toContain("**");
    }
    const img = await db.article.findUniqueOrThrow({ where: { id: withImage.id } });
    expect(img.body).toContain(
      '<figure><img src="/media/202611/abcdef0123456789-640.webp" alt="现场"></figure>',
    );
    expect(img.bodyHtml).toContain("srcset=");
    expect(stats.reasons["body images: now <figure> with srcset/sizes/decoding"]).toBeGreaterThanOrEqual(1);
    // The changed page is dropped from every process's cache.
    const tags = await db.cacheInvalidation.findMany({ where: { id: { gt: since } }, select: { tag: true } });
    expect(tags.map((t) => t.tag)).toContain(`article:${withImage.id}`);
    expect(tags.map((t) => t.tag)).not.toContain(`article:${first.id}`);

    const snap = JSON.parse(
      (await db.articleRevision.findUniqueOrThrow({ where: { id: revision.id } })).snapshot,
    ) as {
      body: string;
      bodyFormat: string;
    };
    expect(snap).toMatchObject({ body: "<p><strong>旧</strong>版本</p>\n", bodyFormat: "html" });

    // Nothing left: a second run (a restart) changes nothing.
    const again = await convertStoredBodies(db, { batch: 2 });
    expect(again).toMatchObject({ stories: 0, revisions: 0 });
    // Long: in the whole suite it also converts every story other test files wrote straight into
    // the shared database (taken to be Markdown, as any row written without saying).
  }, 120_000);
});
