import { describe, expect, it } from "vitest";
import { describeWriteError, isStorageFull } from "@/lib/storage-full";

const sqliteFull = Object.assign(new Error("database or disk is full"), { code: "SQLITE_FULL" });

describe("isStorageFull", () => {
  it("recognises a full disk from Node, better-sqlite3 and a wrapped (Prisma) error", () => {
    expect(isStorageFull(Object.assign(new Error("write failed"), { code: "ENOSPC" }))).toBe(true);
    expect(isStorageFull(sqliteFull)).toBe(true);
    expect(
      isStorageFull(new Error("Invalid `db.comment.create()` invocation: database or disk is full")),
    ).toBe(true);
    expect(isStorageFull(new Error("wrapped", { cause: new Error("inner", { cause: sqliteFull }) }))).toBe(
      true,
    );
  });

  it("does not mistake other failures for it", () => {
    expect(isStorageFull(Object.assign(new Error("database is locked"), { code: "SQLITE_BUSY" }))).toBe(
      false,
    );
    expect(isStorageFull(new Error("Unique constraint failed"))).toBe(false);
    expect(isStorageFull(null)).toBe(false);
    expect(isStorageFull("ENOSPC")).toBe(false);
  });
});

describe("describeWriteError", () => {
  it("names a full disk plainly and keeps the code of anything else", () => {
    expect(describeWriteError(sqliteFull)).toBe("the disk is full (SQLITE_FULL / ENOSPC)");
    expect(describeWriteError(Object.assign(new Error("database is locked"), { code: "SQLITE_BUSY" }))).toBe(
      "SQLITE_BUSY: database is locked",
    );
  });
});
