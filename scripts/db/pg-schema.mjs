// prisma/postgresql/schema.prisma is generated from prisma/schema.prisma: the same models, the
// PostgreSQL provider, its own client (lib/generated/prisma-pg). Prisma allows one provider per
// schema, so the one source of truth is prisma/schema.prisma and this copy is never edited by hand.
// Usage: node scripts/db/pg-schema.mjs [--check]   (--check: fail when the copy is out of date)
import { readFileSync, writeFileSync, existsSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "../..");
const source = path.join(root, "prisma/schema.prisma");
const target = path.join(root, "prisma/postgresql/schema.prisma");

export function postgresSchema(text) {
  const replaced = text
    .replace(/provider\s*=\s*"sqlite"/, 'provider = "postgresql"')
    .replace(/output\s*=\s*"\.\.\/lib\/generated\/prisma"/, 'output     = "../../lib/generated/prisma-pg"');
  if (!replaced.includes('"postgresql"') || !replaced.includes("prisma-pg")) {
    throw new Error("prisma/schema.prisma: datasource provider or generator output not found");
  }
  return (
    "// GENERATED from prisma/schema.prisma by scripts/db/pg-schema.mjs: do not edit by hand.\n" +
    "// The PostgreSQL twin of the schema (README § Operations › PostgreSQL).\n" +
    replaced
  );
}

function main() {
  const wanted = postgresSchema(readFileSync(source, "utf8"));
  if (process.argv.includes("--check")) {
    if (!existsSync(target) || readFileSync(target, "utf8") !== wanted) {
      console.error("prisma/postgresql/schema.prisma is out of date: run node scripts/db/pg-schema.mjs");
      process.exit(1);
    }
  } else if (!existsSync(target) || readFileSync(target, "utf8") !== wanted) {
    writeFileSync(target, wanted);
    console.log("wrote prisma/postgresql/schema.prisma");
  }
}

if (import.meta.url === `file://${process.argv[1]}`) main();
