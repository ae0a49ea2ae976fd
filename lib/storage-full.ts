// Recognising "the disk is full" wherever it surfaces: Node file writes (ENOSPC, EDQUOT),
// better-sqlite3 (SqliteError code SQLITE_FULL), or Prisma, which wraps the driver's error and
// keeps SQLite's message ("database or disk is full") or its code somewhere in the cause chain.
// Writers use it to answer "no space left, nothing was saved, try later" instead of a 500.

const CODES = new Set(["ENOSPC", "EDQUOT", "SQLITE_FULL"]);
const MESSAGES = /database or disk is full|SQLITE_FULL|ENOSPC|no space left on device/i;

export function isStorageFull(error: unknown): boolean {
  let e: unknown = error;
  for (let depth = 0; depth < 5 && typeof e === "object" && e !== null; depth++) {
    const { code, message, cause } = e as { code?: unknown; message?: unknown; cause?: unknown };
    if (typeof code === "string" && CODES.has(code)) return true;
    if (typeof message === "string" && MESSAGES.test(message)) return true;
    e = cause;
  }
  return false;
}

/** One line for the operator: what failed and why, without a stack. */
export function describeWriteError(error: unknown): string {
  if (isStorageFull(error)) return "the disk is full (SQLITE_FULL / ENOSPC)";
  const code = typeof error === "object" && error !== null ? (error as { code?: unknown }).code : undefined;
  const message = error instanceof Error ? error.message : String(error);
  return typeof code === "string" ? `${code}: ${message}` : message;
}
