// Secrets that are never in the repository: APP_SECRET (HMAC key of the comment form tokens) and
// IP_HASH_SALT (salt of stored address hashes). When they are not configured, the first start
// generates random ones and keeps them with the data, in a file next to the SQLite database
// (`<database>.secrets.json`, mode 0600), as WordPress and Ghost do at install. Every later start
// and every other process on the same database reads the same file.
import { randomBytes } from "node:crypto";
import {
  closeSync,
  fsyncSync,
  linkSync,
  mkdirSync,
  openSync,
  readFileSync,
  unlinkSync,
  writeSync,
} from "node:fs";
import path from "node:path";

export interface GeneratedSecrets {
  APP_SECRET: string;
  IP_HASH_SALT: string;
}

/** The development defaults this repository once shipped: refused wherever they are configured. */
export const PUBLISHED_SECRETS: readonly string[] = [
  "difang-development-salt",
  "difang-development-secret-change-me",
];

/** The secrets file of a `file:` DATABASE_URL (relative paths from the working directory). */
export function secretsFileFor(databaseUrl: string): string {
  const file = databaseUrl.replace(/^file:/, "").replace(/\?.*$/, "");
  return `${path.resolve(file)}.secrets.json`;
}

function fresh(): GeneratedSecrets {
  return {
    APP_SECRET: randomBytes(32).toString("base64url"),
    IP_HASH_SALT: randomBytes(32).toString("base64url"),
  };
}

function read(file: string): GeneratedSecrets {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") throw error;
    throw new Error(
      `${file} is not valid JSON; restore it from a backup or delete it to generate new secrets`,
    );
  }
  const d = data as Partial<GeneratedSecrets> | null;
  if (
    typeof d?.APP_SECRET !== "string" ||
    d.APP_SECRET.length < 32 ||
    typeof d.IP_HASH_SALT !== "string" ||
    d.IP_HASH_SALT.length < 32
  ) {
    throw new Error(`${file} lacks APP_SECRET or IP_HASH_SALT; restore it from a backup or delete it`);
  }
  return { APP_SECRET: d.APP_SECRET, IP_HASH_SALT: d.IP_HASH_SALT };
}

/**
 * The secrets kept in `file`, created with random values when it does not exist. Creation is
 * atomic: the values are written to a temporary file of this process, flushed, then hard-linked
 * to `file`, which fails when another process got there first; then everyone reads the one file
 * that won. So two processes starting together agree, and nobody ever reads a half-written file.
 */
export function loadOrCreateSecrets(file: string): GeneratedSecrets {
  try {
    return read(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  mkdirSync(path.dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.${randomBytes(6).toString("hex")}.tmp`;
  const fd = openSync(temp, "wx", 0o600);
  try {
    writeSync(fd, `${JSON.stringify(fresh(), null, 2)}\n`);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  try {
    linkSync(temp, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  } finally {
    unlinkSync(temp);
  }
  return read(file);
}
