// The view writer of the configured store (lib/views/writing.ts describes what every one does).
import { isPostgres } from "@/lib/database-url";
import { openPostgresViewWriter } from "@/lib/postgres/views";
import { openSqliteViewWriter } from "@/lib/sqlite";
import type { ViewWriter, ViewWriterOptions } from "@/lib/views/writing";

export function openViewWriter(databaseUrl: string, options?: ViewWriterOptions): ViewWriter {
  return isPostgres(databaseUrl)
    ? openPostgresViewWriter(databaseUrl, options)
    : openSqliteViewWriter(databaseUrl, options);
}
