// Which store a DATABASE_URL selects: `file:…` is the embedded SQLite file, `postgresql://…` (or
// `postgres://…`) a PostgreSQL server. The one switch between the two (README § Configuration).
export type Dialect = "sqlite" | "postgresql";

export function dialectOf(url: string): Dialect {
  if (/^postgres(ql)?:\/\//i.test(url)) return "postgresql";
  if (url.startsWith("file:")) return "sqlite";
  throw new Error(
    `DATABASE_URL must start with file: (SQLite) or postgresql:// (PostgreSQL), not ${JSON.stringify(url.slice(0, 20))}`,
  );
}

export const isPostgres = (url: string): boolean => dialectOf(url) === "postgresql";
