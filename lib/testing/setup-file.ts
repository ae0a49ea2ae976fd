// Vitest setup for every test file: on PostgreSQL, wait until the process follows the cache
// invalidation log (lib/cache/shared.ts cacheReady), as `next start` does before its first request.
import { beforeAll } from "vitest";

beforeAll(async () => {
  if (!/^postgres/.test(process.env.DATABASE_URL ?? "")) return;
  const { cacheReady } = await import("@/lib/cache/shared");
  await cacheReady();
});
