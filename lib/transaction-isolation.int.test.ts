// The process has one SQLite connection (the better-sqlite3 adapter). While an interactive
// transaction waits on something (here: a timer, as a transaction body awaiting anything but
// Prisma would), queries of other requests must not run inside it (lib/serialized-adapter.ts).
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { uniq } from "@/lib/testing/fixtures";

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const start = <T>(query: PromiseLike<T>): Promise<T> => Promise.resolve(query);

describe("interactive transactions on the shared connection", () => {
  it("keeps uncommitted rows from concurrent reads and concurrent writes out of a rollback", async () => {
    const db = await getDb();
    const uncommitted = uniq("未提交");
    const unrelated = uniq("无关写入");
    let inserted!: () => void;
    const insertedInTx = new Promise<void>((resolve) => (inserted = resolve));

    const transaction = db.$transaction(async (tx) => {
      await tx.tag.create({ data: { name: uncommitted } });
      inserted();
      await pause(100); // yields to the event loop: other requests run meanwhile
      throw new Error("roll back");
    });
    await insertedInTx;
    // Another request reads and writes while the transaction is open (a Prisma query runs when
    // its promise is first awaited: start both now).
    const read = start(db.tag.findUnique({ where: { name: uncommitted } }));
    const write = start(db.tag.create({ data: { name: unrelated } }));

    await expect(transaction).rejects.toThrow("roll back");
    expect(await read).toBeNull();
    const acknowledged = await write;
    expect(acknowledged.name).toBe(unrelated);
    expect(await db.tag.findUnique({ where: { name: unrelated } })).not.toBeNull();
    expect(await db.tag.findUnique({ where: { name: uncommitted } })).toBeNull();
  });

  it("shows a committed transaction's rows only after the commit", async () => {
    const db = await getDb();
    const name = uniq("提交");
    let inserted!: () => void;
    const insertedInTx = new Promise<void>((resolve) => (inserted = resolve));
    const transaction = db.$transaction(async (tx) => {
      await tx.tag.create({ data: { name } });
      inserted();
      await pause(50);
      return "committed";
    });
    await insertedInTx;
    const during = start(db.tag.count({ where: { name } }));
    const committed = await transaction;
    expect(committed).toBe("committed");
    // The read issued during the transaction waited for it, so it sees the committed row.
    expect(await during).toBe(1);
  });

  it("keeps serving queries after a transaction whose body throws at once", async () => {
    const db = await getDb();
    await expect(
      db.$transaction(async () => {
        throw new Error("nothing to do");
      }),
    ).rejects.toThrow("nothing to do");
    await expect(db.tag.count()).resolves.toBeGreaterThanOrEqual(0);
  });

  it("lets go of the connection when COMMIT itself fails (the transaction is rolled back)", async () => {
    const db = await getDb();
    const name = uniq("提交失败");
    // A deferred foreign key is checked at COMMIT, as a full disk would fail it there.
    await expect(
      db.$transaction(async (tx) => {
        await tx.tag.create({ data: { name } });
        await tx.$executeRawUnsafe("PRAGMA defer_foreign_keys = ON");
        await tx.$executeRawUnsafe(`INSERT INTO "ArticleTag" ("articleId", "tagId") VALUES (999999, 999999)`);
      }),
    ).rejects.toThrow(/ForeignKey/);

    const after = uniq("之后");
    await db.tag.create({ data: { name: after } });
    // Committed for every other connection, not left inside the failed transaction.
    const other = new Database(process.env.DATABASE_URL!.replace(/^file:/, ""), { readonly: true });
    try {
      const count = other.prepare(`SELECT count(*) FROM "Tag" WHERE "name" IN (?, ?)`).pluck();
      expect(count.get(after, name)).toBe(1);
    } finally {
      other.close();
    }
    await expect(db.$transaction((tx) => tx.tag.count({ where: { name: after } }))).resolves.toBe(1);
  });
});
