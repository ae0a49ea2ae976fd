// Edit locks against the real temporary database (SQLite, or PostgreSQL with TEST_POSTGRES_URL):
// taken, kept by the heartbeat, expiring without one, taken over (audited), and refusing a save
// by anyone but the holder while it lives.
import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { makeChannel, makeUser, storyInput } from "@/lib/testing/fixtures";
import { restoreRevision, saveArticle } from "@/lib/articles/service";
import { keepLock, lockRefusal, readLock, releaseLock, takeOverLock } from "@/lib/locks/edit-lock";
import { LOCK_TTL_MS } from "@/lib/locks/timing";

const T0 = new Date("2026-05-01T02:00:30Z");
const at = (ms: number) => new Date(T0.getTime() + ms);
const SEC = 1000;

async function setup() {
  const db = await getDb();
  const a = await makeUser("editor", { displayName: "甲编辑" });
  const b = await makeUser("editor", { displayName: "乙编辑" });
  const ch = await makeChannel();
  const saved = await saveArticle(
    db,
    a,
    { id: null, version: null, intent: "save", input: storyInput(ch.id) },
    T0,
  );
  if (!saved.ok) throw new Error(saved.message);
  return { db, a, b, ch, id: saved.id, version: saved.updatedAt.getTime() };
}

describe("edit locks", () => {
  it("the first to open takes it; the second sees who and since when; a heartbeat keeps it", async () => {
    const { db, a, b, id } = await setup();
    expect(await keepLock(db, a, id, at(SEC))).toEqual({ state: "mine", since: at(SEC) });
    expect(await keepLock(db, b, id, at(2 * SEC))).toEqual({
      state: "other",
      holder: { userId: a.id, name: "甲编辑", since: at(SEC) },
    });
    // Heartbeats well past the first TTL: still a's, since unchanged.
    for (let t = 10; t <= 120; t += 10) await keepLock(db, a, id, at(t * SEC));
    expect(await readLock(db, id, b.id, at(121 * SEC))).toMatchObject({
      state: "other",
      holder: { since: at(SEC) },
    });
    expect(await db.articleLock.count({ where: { articleId: id } })).toBe(1);
  });

  it("expires without a heartbeat: the next one to open takes it", async () => {
    const { db, a, b, id } = await setup();
    await keepLock(db, a, id, at(0));
    expect((await readLock(db, id, b.id, at(LOCK_TTL_MS - 1))).state).toBe("other");
    expect(await readLock(db, id, b.id, at(LOCK_TTL_MS))).toEqual({ state: "free" });
    expect(await keepLock(db, b, id, at(LOCK_TTL_MS + SEC))).toEqual({
      state: "mine",
      since: at(LOCK_TTL_MS + SEC),
    });
    // a's page comes back: it is b's now.
    expect((await keepLock(db, a, id, at(LOCK_TTL_MS + 2 * SEC))).state).toBe("other");
  });

  it("two opening at once: exactly one holds it", async () => {
    const { db, a, b, id } = await setup();
    const views = await Promise.all([keepLock(db, a, id, at(SEC)), keepLock(db, b, id, at(SEC))]);
    expect(views.map((v) => v.state).sort()).toEqual(["mine", "other"]);
  });

  it("take over: the taker holds it, the audit log says from whom, the first learns it on their heartbeat", async () => {
    const { db, a, b, id } = await setup();
    await keepLock(db, a, id, at(SEC));
    const taken = await takeOverLock(db, b, id, at(5 * SEC));
    expect(taken).toMatchObject({
      ok: true,
      view: { state: "mine", since: at(5 * SEC) },
      from: { userId: a.id, name: "甲编辑" },
    });
    expect(await keepLock(db, a, id, at(10 * SEC))).toMatchObject({
      state: "other",
      holder: { userId: b.id, name: "乙编辑", since: at(5 * SEC) },
    });
    const audit = await db.auditLog.findMany({ where: { articleId: id, action: "article_lock_taken" } });
    expect(audit.map((r) => [r.userId, JSON.parse(r.detail).fromUserId])).toEqual([[b.id, a.id]]);
    // Taking a free lock is no take-over: nothing to audit.
    const { db: db2, b: c, id: other } = await setup();
    expect(await takeOverLock(db2, c, other, at(SEC))).toMatchObject({ ok: true, from: null });
    expect(await db2.auditLog.count({ where: { articleId: other, action: "article_lock_taken" } })).toBe(0);
  });

  it("take over is for those who may edit the story: not a reporter on someone else's story", async () => {
    const { db, a, id } = await setup();
    await keepLock(db, a, id, at(SEC));
    const reporter = await makeUser("reporter");
    expect(await takeOverLock(db, reporter, id, at(2 * SEC))).toMatchObject({ ok: false, status: 403 });
    const chief = await makeUser("chief");
    expect(await takeOverLock(db, chief, id, at(3 * SEC))).toMatchObject({ ok: true });
    expect(await takeOverLock(db, chief, 2_000_000_000, at(3 * SEC))).toMatchObject({
      ok: false,
      status: 404,
    });
  });

  it("the server refuses a save (and a revision restore) by anyone but the live holder", async () => {
    const { db, a, b, ch, id, version } = await setup();
    await keepLock(db, a, id, at(SEC));
    await takeOverLock(db, b, id, at(5 * SEC));
    const refused = await saveArticle(
      db,
      a,
      { id, version, intent: "save", input: storyInput(ch.id, { title: "甲的改动" }) },
      at(6 * SEC),
    );
    expect(refused).toMatchObject({ ok: false, error: "locked" });
    expect(!refused.ok && refused.message).toContain("乙编辑 正在编辑这篇稿件");
    expect(await lockRefusal(db, id, a.id, at(6 * SEC))).toMatchObject({ userId: b.id });
    const revision = await db.articleRevision.findFirstOrThrow({ where: { articleId: id } });
    expect(await restoreRevision(db, a, id, revision.id, at(6 * SEC))).toMatchObject({ error: "locked" });
    // The story is as it was; the holder saves.
    expect((await db.article.findUniqueOrThrow({ where: { id } })).title).not.toBe("甲的改动");
    const held = await saveArticle(
      db,
      b,
      { id, version, intent: "save", input: storyInput(ch.id, { title: "乙的改动" }) },
      at(7 * SEC),
    );
    expect(held.ok).toBe(true);
    // The holder's save ends their lock: nothing unsaved is left; the version check still applies.
    expect(await readLock(db, id, a.id, at(7 * SEC))).toEqual({ state: "free" });
    const stale = await saveArticle(
      db,
      a,
      { id, version, intent: "save", input: storyInput(ch.id) },
      at(8 * SEC),
    );
    expect(stale).toMatchObject({ ok: false, error: "conflict" });
    const after = held.ok ? held.updatedAt.getTime() : 0;
    const fresh = await saveArticle(
      db,
      a,
      { id, version: after, intent: "save", input: storyInput(ch.id) },
      at(8 * SEC),
    );
    expect(fresh.ok).toBe(true);
  });

  it("an expired lock refuses nothing; a released one is gone at once", async () => {
    const { db, a, b, ch, id, version } = await setup();
    await keepLock(db, a, id, at(0));
    const later = at(LOCK_TTL_MS);
    expect(
      (await saveArticle(db, b, { id, version, intent: "save", input: storyInput(ch.id) }, later)).ok,
    ).toBe(true);
    await keepLock(db, b, id, at(LOCK_TTL_MS + SEC));
    await releaseLock(db, a.id, id);
    expect((await readLock(db, id, a.id, at(LOCK_TTL_MS + SEC))).state).toBe("other");
    await releaseLock(db, b.id, id);
    expect(await readLock(db, id, a.id, at(LOCK_TTL_MS + SEC))).toEqual({ state: "free" });
  });

  it("deleting the story deletes its lock and slots", async () => {
    const { db, a, id } = await setup();
    await keepLock(db, a, id, at(SEC));
    await db.articleAutosave.create({
      data: { userId: a.id, slot: String(id), articleId: id, fields: "{}", savedAt: at(SEC) },
    });
    await db.article.delete({ where: { id } });
    expect(await db.articleLock.count({ where: { articleId: id } })).toBe(0);
    expect(await db.articleAutosave.count({ where: { slot: String(id) } })).toBe(0);
  });
});
