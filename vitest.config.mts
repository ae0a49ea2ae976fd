import path from "node:path";
import { defineConfig } from "vitest/config";

const root = import.meta.dirname;

export default defineConfig({
  resolve: {
    alias: [
      { find: /^@\//, replacement: `${root}/` },
      // The marker package throws outside React Server Components; tests import server modules directly.
      { find: /^server-only$/, replacement: path.join(root, "lib/testing/server-only-stub.ts") },
    ],
  },
  test: {
    include: ["lib/**/*.test.ts", "prisma/**/*.test.ts", "app/**/*.test.ts", "scripts/**/*.test.mjs"],
    globalSetup: ["lib/testing/global-setup.ts"],
    setupFiles: ["lib/testing/setup-file.ts"],
    // Integration tests share one migrated temporary SQLite file; run files one after another.
    fileParallelism: false,
    testTimeout: 20_000,
    env: { NODE_ENV: "test", TZ: "America/New_York" },
  },
});
