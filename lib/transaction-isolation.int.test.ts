// SQLite: the process has one connection (the better-sqlite3 adapter). While an interactive
// transaction waits on something (here: a timer, as a transaction body awaiting anything but
// Prisma would), queries of other requests must not run inside it (lib/serialized-adapter.ts).
// PostgreSQL: each transaction holds a connection of the pool; other queries run beside it
// (READ COMMITTED) and must not see its rows before it commits.
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { isPostgres } from "@/lib/database-url";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { createPrismaClient } from "@/lib/prisma-factory";
import { uniq } from "@/lib/testing/fixtures";

const postgres = isPostgres(env.DATABASE_URL);

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

  it.skipIf(postgres)("shows a committed transaction's rows only after the commit (reads wait)", async () => {
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

  it.skipIf(!postgres)(
    "shows a committed transaction's rows only after the commit (reads run beside it)",
    async () => {
      const db = await getDb();
      const name = uniq("提交");
      let inserted!: () => void;
      const insertedInTx = new Promise<void>((resolve) => (inserted = resolve));
      let read!: () => void;
      const readDone = new Promise<void>((resolve) => (read = resolve));
      const transaction = db.$transaction(async (tx) => {
        await tx.tag.create({ data: { name } });
        inserted();
        await readDone; // commits only after the other read has answered
        expect(await tx.tag.count({ where: { name } })).toBe(1); // its own row, uncommitted
        return "committed";
      });
      await insertedInTx;
      const during = await db.tag.count({ where: { name } });
      read();
      expect(during).toBe(0);
      expect(await transaction).toBe("committed");
      expect(await db.tag.count({ where: { name } })).toBe(1);
    },
  );

  it("keeps serving queries after a transaction whose body throws at once", async () => {
    const db = await getDb();
    await expect(
      db.$transaction(async () => {
        throw new Error("nothing to do");
      }),
    ).rejects.toThrow("nothing to do");
    await expect(db.tag.count()).resolves.toBeGreaterThanOrEqual(0);
  });

  it.skipIf(postgres)(
    "lets go of the connection when COMMIT itself fails (the transaction is rolled back)",
    async () => {
      const db = await getDb();
      const name = uniq("提交失败");
      // A deferred foreign key is checked at COMMIT, as a full disk would fail it there.
      await expect(
        db.$transaction(async (tx) => {
          await tx.tag.create({ data: { name } });
          await tx.$executeRawUnsafe("PRAGMA defer_foreign_keys = ON");
          await tx.$executeRawUnsafe(
            `INSERT INTO "ArticleTag" ("articleId", "tagId") VALUES (999999, 999999)`,
          );
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
    },
  );

  it.skipIf(!postgres)(
    "gives the connection back when COMMIT itself fails (the transaction is rolled back)",
    async () => {
      // A client of one connection: a connection kept by the failed transaction would stall it.
      const db = await createPrismaClient(env.DATABASE_URL, { poolSize: 1 });
      try {
        const name = uniq("提交失败");
        // A deferred constraint is checked at COMMIT, as a full disk would fail it there.
        await expect(
          db.$transaction(async (tx) => {
            await tx.tag.create({ data: { name } });
            await tx.$executeRawUnsafe(
              `CREATE TEMP TABLE "commit_check" ("x" int UNIQUE DEFERRABLE INITIALLY DEFERRED) ON COMMIT DROP`,
            );
            await tx.$executeRawUnsafe(`INSERT INTO "commit_check" VALUES (1), (1)`);
          }),
        ).rejects.toThrow(/UniqueConstraintViolation/);
        const after = uniq("之后");
        await db.tag.create({ data: { name: after } });
        expect(await db.tag.count({ where: { name: { in: [name, after] } } })).toBe(1);
      } finally {
        await db.$disconnect();
      }
    },
  );
});
