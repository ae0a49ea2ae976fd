// Prisma CLI configuration. Selects the WebAssembly schema engine through the better-sqlite3
// driver adapter so that no native engine binary is ever downloaded (see ../shared/STACK.md).
import { defineConfig } from "prisma/config";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";

// prisma.config.ts does not read .env files, and an unset DATABASE_URL makes Prisma 6.19 fall back
// to downloading a native engine. Keep this default identical to lib/env.ts.
process.env.DATABASE_URL ??= "file:./data/difang.db";
const url = process.env.DATABASE_URL;

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  async adapter() {
    return new PrismaBetterSQLite3({ url });
  },
});
