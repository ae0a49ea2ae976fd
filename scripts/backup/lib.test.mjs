// Backup and restore against the test run's migrated temporary database (lib/testing/global-setup.ts).
import { appendFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import {
  backupName,
  databasePath,
  describeDatabase,
  manifestProblems,
  restoreBackup,
  takeBackup,
  uploadsPath,
  verifyBackup,
} from "./lib.mjs";

const work = mkdtempSync(path.join(tmpdir(), "difang-backup-test-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("paths and names", () => {
  it("resolves DATABASE_URL and UPLOAD_DIR like the app, relative to the working directory", () => {
    expect(databasePath({}, "/srv/difang")).toBe("/srv/difang/data/difang.db");
    expect(databasePath({ DATABASE_URL: "file:/var/lib/difang/x.db" }, "/srv")).toBe("/var/lib/difang/x.db");
    expect(() => databasePath({ DATABASE_URL: "postgres://x" }, "/srv")).toThrow(/file: URL/);
    expect(uploadsPath({}, "/srv/difang")).toBe("/srv/difang/data/uploads");
    expect(backupName(new Date("2026-11-30T10:15:00.123Z"))).toBe("difang-20261130-101500");
  });

  it("lists what makes a manifest unusable", () => {
    expect(manifestProblems({ format: "x" })).toEqual([
      'unknown format "x"',
      "database.sha256 missing",
      "the backup's database did not pass its check",
      "uploads.files missing",
    ]);
  });
});

describe("takeBackup / restoreBackup", () => {
  it("copies a live database and the uploads, and restores them into a fresh place", async () => {
    const source = databasePath();
    const uploads = path.join(work, "uploads");
    mkdirSync(path.join(uploads, "202611"), { recursive: true });
    writeFileSync(path.join(uploads, "202611", "a.webp"), "image bytes");
    // A write held open by another connection while the backup runs does not get in its way.
    const writer = new Database(source);
    writer.prepare("BEGIN IMMEDIATE").run();
    writer.prepare(`INSERT INTO "Tag" ("name") VALUES (?)`).run(`备份中${Date.now()}`);
    const secrets = `${source}.secrets.json`;
    const hadSecrets = existsSync(secrets);
    if (!hadSecrets) writeFileSync(secrets, '{"appSecret":"a","ipHashSalt":"b"}', { mode: 0o600 });
    const out = path.join(work, "backup");
    const manifest = await takeBackup({ dbFile: source, uploadsDir: uploads, outDir: out });
    if (!hadSecrets) rmSync(secrets);
    writer.prepare("ROLLBACK").run();
    writer.close();
    expect(manifest.database.integrity).toBe("ok");
    expect(manifest.uploads).toMatchObject({ files: 1, bytes: 11 });
    expect(existsSync(`${out}.partial`)).toBe(false);

    const target = path.join(work, "restored");
    const dbFile = path.join(target, "difang.db");
    const restoredUploads = path.join(target, "uploads");
    await restoreBackup({ backupDir: out, dbFile, uploadsDir: restoredUploads });
    expect(describeDatabase(dbFile)).toMatchObject({ integrity: "ok", tables: manifest.database.tables });
    expect(existsSync(path.join(restoredUploads, "202611", "a.webp"))).toBe(true);
    // The generated secrets come back with the database, readable by their owner only.
    expect(manifest.secrets).toBe("secrets.json");
    expect(statSync(`${dbFile}.secrets.json`).mode & 0o777).toBe(0o600);

    // Something is there now: refused without --force, kept aside with it.
    await expect(restoreBackup({ backupDir: out, dbFile, uploadsDir: restoredUploads })).rejects.toThrow(
      /--force/,
    );
    const now = new Date("2026-11-30T11:00:00Z");
    const again = await restoreBackup({
      backupDir: out,
      dbFile,
      uploadsDir: restoredUploads,
      force: true,
      now,
    });
    expect(again.keptAside).toContain(`${dbFile}.before-restore-20261130-110000`);
    expect(existsSync(`${restoredUploads}.before-restore-20261130-110000`)).toBe(true);
  });

  it("refuses a backup whose database no longer matches its checksum", async () => {
    const out = path.join(work, "tampered");
    await takeBackup({ dbFile: databasePath(), uploadsDir: path.join(work, "none"), outDir: out });
    appendFileSync(path.join(out, "difang.db"), "x");
    await expect(verifyBackup(out)).rejects.toThrow(/checksum/);
  });
});
