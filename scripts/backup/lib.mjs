// Online backup and restore of a difang portal: the SQLite database through SQLite's backup API
// (better-sqlite3 `db.backup()`, safe while the portal runs and writes), the uploads directory,
// and a manifest. Used by backup.mjs / restore.mjs (npm run db:backup / db:restore) and the
// backup drill. A backup is a directory:
//
//   difang-20261130-101500/
//     manifest.json   what was copied, from where, row counts, sha256 and integrity of the database
//     difang.db       the database, one consistent snapshot, WAL already folded in
//     uploads/        UPLOAD_DIR as it was right after the snapshot
import { createHash } from "node:crypto";
import {
  chmodSync,
  copyFileSync,
  cpSync,
  createReadStream,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";

export const MANIFEST_FORMAT = "difang-backup/1";
export const DB_FILE = "difang.db";
/** The secrets generated on first start (lib/secrets.ts): `<database file>.secrets.json`. */
export const SECRETS_FILE = "secrets.json";
export const UPLOADS_DIR = "uploads";
const COUNTED_TABLES = ["Article", "Comment", "Image", "User", "ArticleRevision", "AuditLog"];

/** The database file named by DATABASE_URL (same default and same relative base as the app). */
export function databasePath(env = process.env, cwd = process.cwd()) {
  const url = env.DATABASE_URL || "file:./data/difang.db";
  if (!url.startsWith("file:")) throw new Error(`DATABASE_URL must be a file: URL, got ${url}`);
  return path.resolve(cwd, url.slice("file:".length));
}

/** UPLOAD_DIR (same default as lib/env.ts). */
export function uploadsPath(env = process.env, cwd = process.cwd()) {
  return path.resolve(cwd, env.UPLOAD_DIR || "./data/uploads");
}

/** `difang-YYYYMMDD-HHMMSS` in UTC. */
export function backupName(date) {
  const s = date.toISOString();
  return `difang-${s.slice(0, 10).replaceAll("-", "")}-${s.slice(11, 19).replaceAll(":", "")}`;
}

/** Problems of a parsed manifest (empty when usable). */
export function manifestProblems(manifest) {
  const problems = [];
  if (typeof manifest !== "object" || manifest === null) return ["manifest.json is not an object"];
  if (manifest.format !== MANIFEST_FORMAT) problems.push(`unknown format ${JSON.stringify(manifest.format)}`);
  if (typeof manifest.database?.sha256 !== "string" || !/^[0-9a-f]{64}$/.test(manifest.database.sha256))
    problems.push("database.sha256 missing");
  if (manifest.database?.integrity !== "ok") problems.push("the backup's database did not pass its check");
  if (!Number.isInteger(manifest.uploads?.files)) problems.push("uploads.files missing");
  return problems;
}

export async function sha256File(file) {
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(file)) hash.update(chunk);
  return hash.digest("hex");
}

/** Files and bytes under a directory (0 when it does not exist). */
export function treeSize(dir) {
  let files = 0;
  let bytes = 0;
  if (!existsSync(dir)) return { files, bytes };
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    files++;
    bytes += statSync(path.join(entry.parentPath ?? entry.path, entry.name)).size;
  }
  return { files, bytes };
}

/** integrity_check, row counts and the last applied migration of a database file. */
export function describeDatabase(file) {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const integrity = db
      .pragma("integrity_check")
      .map((r) => r.integrity_check)
      .join("; ");
    const tables = {};
    for (const t of COUNTED_TABLES) tables[t] = db.prepare(`SELECT count(*) FROM "${t}"`).pluck().get();
    const lastMigration = db
      .prepare(`SELECT "migration_name" FROM "_prisma_migrations" ORDER BY "finished_at" DESC LIMIT 1`)
      .pluck()
      .get();
    return { integrity, tables, lastMigration: lastMigration ?? null };
  } finally {
    db.close();
  }
}

/** Copy a file readable by its owner only (secrets). */
function copyPrivate(from, to) {
  copyFileSync(from, to);
  chmodSync(to, 0o600);
}

/**
 * Takes a backup into `outDir` (which must not exist). The database is copied first, in one
 * backup step (a read transaction: writers go on, and a write by another process cannot restart
 * the copy); the uploads after it, so every image the snapshot names has its files (files are
 * written before their row). Written to `<outDir>.partial` and renamed at the end: a directory
 * without that suffix is a complete backup.
 */
export async function takeBackup({ dbFile, uploadsDir, outDir, now = new Date() }) {
  if (existsSync(outDir)) throw new Error(`${outDir} already exists`);
  if (!existsSync(dbFile)) throw new Error(`no database at ${dbFile} (DATABASE_URL)`);
  const partial = `${outDir}.partial`;
  rmSync(partial, { recursive: true, force: true });
  mkdirSync(partial, { recursive: true });
  const started = performance.now();
  const source = new Database(dbFile, { readonly: true, fileMustExist: true });
  try {
    // The first step copies nothing (better-sqlite3 starts at 0); then everything in one step.
    await source.backup(path.join(partial, DB_FILE), { progress: () => 0x7fffffff });
  } finally {
    source.close();
  }
  const dbMs = performance.now() - started;
  // Without its secrets a restored portal would generate new ones: open comment forms would fail
  // and bans and login limits would no longer match earlier addresses.
  const secrets = existsSync(`${dbFile}.secrets.json`);
  if (secrets) copyPrivate(`${dbFile}.secrets.json`, path.join(partial, SECRETS_FILE));
  const copiedUploads = existsSync(uploadsDir);
  if (copiedUploads) cpSync(uploadsDir, path.join(partial, UPLOADS_DIR), { recursive: true });
  else mkdirSync(path.join(partial, UPLOADS_DIR));
  const described = describeDatabase(path.join(partial, DB_FILE));
  const manifest = {
    format: MANIFEST_FORMAT,
    createdAt: now.toISOString(),
    source: { database: dbFile, uploads: uploadsDir },
    database: {
      file: DB_FILE,
      bytes: statSync(path.join(partial, DB_FILE)).size,
      sha256: await sha256File(path.join(partial, DB_FILE)),
      ...described,
      copyMs: Math.round(dbMs),
    },
    uploads: { dir: UPLOADS_DIR, ...treeSize(path.join(partial, UPLOADS_DIR)), sourceExisted: copiedUploads },
    secrets: secrets ? SECRETS_FILE : null,
  };
  writeFileSync(path.join(partial, "manifest.json"), `${JSON.stringify(manifest, null, 2)}\n`);
  if (described.integrity !== "ok")
    throw new Error(`the copy failed its integrity check: ${described.integrity}`);
  renameSync(partial, outDir);
  return manifest;
}

/** Reads and checks a backup directory: manifest, checksum and integrity of its database. */
export async function verifyBackup(backupDir) {
  const manifestFile = path.join(backupDir, "manifest.json");
  if (!existsSync(manifestFile)) throw new Error(`${backupDir} has no manifest.json: not a difang backup`);
  const manifest = JSON.parse(readFileSync(manifestFile, "utf8"));
  const problems = manifestProblems(manifest);
  const dbFile = path.join(backupDir, DB_FILE);
  if (!existsSync(dbFile)) problems.push(`${DB_FILE} missing`);
  else if ((await sha256File(dbFile)) !== manifest.database?.sha256)
    problems.push(`${DB_FILE} does not match its checksum`);
  else if (describeDatabase(dbFile).integrity !== "ok") problems.push(`${DB_FILE} fails integrity_check`);
  const uploads = treeSize(path.join(backupDir, UPLOADS_DIR));
  if (uploads.files !== manifest.uploads?.files)
    problems.push(`uploads: ${uploads.files} files, the manifest says ${manifest.uploads?.files}`);
  if (problems.length > 0) throw new Error(`backup ${backupDir} is not usable: ${problems.join("; ")}`);
  return manifest;
}

/**
 * Puts a verified backup in place of the portal's database and uploads. What is there already
 * is kept beside it as `<name>.before-restore-<stamp>` (refused without `force`). The portal must
 * be stopped: a running process would keep writing to the file it has open.
 */
export async function restoreBackup({ backupDir, dbFile, uploadsDir, force = false, now = new Date() }) {
  const manifest = await verifyBackup(backupDir);
  const existing = [dbFile, `${dbFile}-wal`, `${dbFile}-shm`, `${dbFile}.secrets.json`].filter((f) =>
    existsSync(f),
  );
  const uploadsInUse = existsSync(uploadsDir) && readdirSync(uploadsDir).length > 0;
  if ((existing.length > 0 || uploadsInUse) && !force) {
    throw new Error(
      `${existing.length > 0 ? dbFile : uploadsDir} already exists. Stop the portal, then run again with --force: ` +
        "the current database and uploads are kept beside them as *.before-restore-<time>.",
    );
  }
  const stamp = backupName(now).replace("difang-", "before-restore-");
  const keptAside = [];
  for (const f of existing) {
    renameSync(f, `${f}.${stamp}`);
    keptAside.push(`${f}.${stamp}`);
  }
  if (uploadsInUse) {
    renameSync(uploadsDir, `${uploadsDir}.${stamp}`);
    keptAside.push(`${uploadsDir}.${stamp}`);
  } else rmSync(uploadsDir, { recursive: true, force: true }); // empty, or absent
  mkdirSync(path.dirname(dbFile), { recursive: true });
  const incoming = `${dbFile}.restoring`;
  cpSync(path.join(backupDir, DB_FILE), incoming);
  renameSync(incoming, dbFile);
  if (manifest.secrets) copyPrivate(path.join(backupDir, manifest.secrets), `${dbFile}.secrets.json`);
  mkdirSync(path.dirname(uploadsDir), { recursive: true });
  cpSync(path.join(backupDir, UPLOADS_DIR), uploadsDir, { recursive: true });
  return { manifest, keptAside };
}
