// npm run db:backup [-- --out <dir>]
//
// Online backup of the portal named by DATABASE_URL and UPLOAD_DIR (same defaults as the app),
// safe while it runs: SQLite's backup API for the database, then a copy of the uploads, and a
// manifest (scripts/backup/lib.mjs). Default destination: ./data/backups/difang-<UTC time>.
// Copy the directory off the machine afterwards; restore with `npm run db:restore -- <dir>`.
import path from "node:path";
import { parseArgs } from "node:util";
import { backupName, databasePath, takeBackup, uploadsPath } from "./lib.mjs";

const { values } = parseArgs({ options: { out: { type: "string" } } });
const now = new Date();
const outDir = path.resolve(values.out ?? path.join("data", "backups", backupName(now)));
try {
  const manifest = await takeBackup({ dbFile: databasePath(), uploadsDir: uploadsPath(), outDir, now });
  const t = manifest.database.tables;
  console.log(`backup written to ${outDir}`);
  console.log(
    `  database: ${(manifest.database.bytes / 1048576).toFixed(1)} MB in ${manifest.database.copyMs} ms, integrity ${manifest.database.integrity}, ` +
      `${t.Article} stories, ${t.Comment} comments, ${t.Image} images, ${t.User} users`,
  );
  console.log(
    `  uploads: ${manifest.uploads.files} files, ${(manifest.uploads.bytes / 1048576).toFixed(1)} MB`,
  );
} catch (e) {
  console.error(`db:backup failed: ${e instanceof Error ? e.message : e}`);
  process.exit(1);
}
