// The sensitive-word lists against the real temporary database (SQLite, or PostgreSQL with
// TEST_POSTGRES_URL): adding pasted lists, duplicates across lists, removal, audit, and the
// checker built from what is stored.
import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { EDITORIAL_AUDIT } from "@/lib/articles/audit-actions";
import { WORDS_SERVICE_MESSAGES, addWords, loadChecker, removeWords } from "@/lib/sensitive/service";
import { listSensitiveWords } from "@/lib/data/admin-sensitive-words";
import { uniq } from "@/lib/testing/fixtures";

async function makeUser(role: "admin" | "editor") {
  const db = await getDb();
  const user = await db.user.create({ data: { username: uniq("u"), passwordHash: "x", role } });
  return { id: user.id, role };
}

describe("sensitive-word lists", () => {
  it("adds a pasted list once, names what was listed already, and checks stories against it", async () => {
    const db = await getDb();
    const admin = await makeUser("admin");
    const tag = uniq("词").slice(-6);
    const block = [`赌${tag}`, `代开${tag}`];
    const first = await addWords(db, admin, { kind: "block", category: "测试", words: block }, new Date());
    expect(first).toEqual({ ok: true, added: 2, existing: [] });
    const again = await addWords(
      db,
      admin,
      { kind: "allow", category: "", words: [`赌${tag}`, `打击赌${tag}`] },
      new Date(),
    );
    expect(again).toEqual({ ok: true, added: 1, existing: [`赌${tag}`] });
    // A word stays in the list it was first added to.
    expect((await db.sensitiveWord.findUniqueOrThrow({ where: { word: `赌${tag}` } })).kind).toBe("block");

    const hits = (await loadChecker(db)).check([
      { field: "body", label: "正文", text: `开展打击赌${tag}行动；有人代开${tag}。` },
    ]);
    expect(hits.map((h) => h.word)).toEqual([`代开${tag}`]);

    const listed = await listSensitiveWords({ kind: "block", q: tag, page: 1 });
    expect(listed.items.map((w) => w.word).sort()).toEqual([...block].sort());
    expect(listed.counts.block).toBeGreaterThanOrEqual(2);

    const audit = await db.auditLog.findMany({
      where: { userId: admin.id, action: EDITORIAL_AUDIT.sensitiveWordsAdded },
    });
    expect(audit.map((a) => JSON.parse(a.detail).count)).toEqual([2, 1]);
  });

  it("removes words by id, audited; editors may not change the lists", async () => {
    const db = await getDb();
    const admin = await makeUser("admin");
    const editor = await makeUser("editor");
    const word = uniq("删");
    expect(await addWords(db, editor, { kind: "block", category: "", words: [word] }, new Date())).toEqual({
      ok: false,
      message: WORDS_SERVICE_MESSAGES.forbidden,
    });
    await addWords(db, admin, { kind: "block", category: "", words: [word] }, new Date());
    const row = await db.sensitiveWord.findUniqueOrThrow({ where: { word } });
    expect(await removeWords(db, editor, [row.id], new Date())).toMatchObject({ ok: false });
    expect(await removeWords(db, admin, [row.id], new Date())).toMatchObject({ ok: true, removed: 1 });
    expect(await db.sensitiveWord.count({ where: { word } })).toBe(0);
    expect(
      await db.auditLog.count({ where: { userId: admin.id, action: EDITORIAL_AUDIT.sensitiveWordsRemoved } }),
    ).toBe(1);
  });
});
