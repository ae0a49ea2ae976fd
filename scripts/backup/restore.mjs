// npm run db:restore -- <backup dir> [--force]
//
// Stop the portal first. Checks the backup (manifest, checksum, integrity_check), then puts its
// database at DATABASE_URL and its uploads at UPLOAD_DIR. Anything already there is refused
// without --force, and kept beside as *.before-restore-<UTC time> with it. Start the portal again
// afterwards (`npm run portal` also applies migrations newer than the backup).
import path from "node:path";
import { parseArgs } from "node:util";
import { databasePath, restoreBackup, uploadsPath } from "./lib.mjs";

const { values, positionals } = parseArgs({
  options: { force: { type: "boolean", default: false } },
  allowPositionals: true,
});
if (positionals.length !== 1) {
  console.error("usage: npm run db:restore -- <backup dir> [--force]");
  process.exit(2);
}
try {
  const dbFile = databasePath();
  const uploadsDir = uploadsPath();
  const { manifest, keptAside } = await restoreBackup({
    backupDir: path.resolve(positionals[0]),
    dbFile,
    uploadsDir,
    force: values.force,
  });
  const t = manifest.database.tables;
  console.log(`restored the backup of ${manifest.createdAt}`);
  console.log(`  database → ${dbFile}: ${t.Article} stories, ${t.Comment} comments, ${t.Image} images`);
  console.log(`  uploads → ${uploadsDir}: ${manifest.uploads.files} files`);
  for (const p of keptAside) console.log(`  kept the previous ${p}`);
} catch (e) {
  console.error(`db:restore failed: ${e instanceof Error ? e.message : e}`);
  process.exit(1);
}
