// The last view flush of an app process on PostgreSQL, run as a child process because the parent
// is inside process.on("exit"), where no I/O callback runs any more (lib/postgres/views.ts
// writeAtExit waits for this with spawnSync). Reads {url, terminate, sql, params} as JSON on
// stdin: the statement and its arguments come from the app, so both paths run the same SQL.
// Prints the statement's first row as JSON; any failure exits non-zero with the reason on stderr.
import { readFileSync } from "node:fs";
import pg from "pg";

const { url, terminate, sql, params } = JSON.parse(readFileSync(0, "utf8"));
const client = new pg.Client({ connectionString: url, application_name: "difang-views-exit" });
await client.connect();
try {
  // The parent's writer connections (application name `terminate`): one may be inside a flush
  // holding the views lock that the blocked parent will never finish. Ending them rolls that
  // back; its views are part of this batch.
  await client.query(
    `SELECT pg_terminate_backend("pid") FROM pg_stat_activity
     WHERE "application_name" = $1 AND "pid" <> pg_backend_pid()`,
    [terminate],
  );
  const { rows } = await client.query(sql, params);
  process.stdout.write(JSON.stringify(rows[0] ?? null));
} finally {
  await client.end();
}
