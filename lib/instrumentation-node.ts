// The Node.js part of instrumentation.ts: runs once when a `next start` process starts, before
// requests.
// 1. Reads the configuration (lib/env.ts) and stops the process with a readable message when it is
//    bad, instead of answering the first request with a 500.
// 2. Has the process record each request's socket address and scheme (lib/client-address.ts).
// 3. Installs the page store behind the cache handler (lib/cache/next-cache-handler.mjs).
import type { Env } from "@/lib/env";

export async function registerNode(): Promise<void> {
  let env: Env;
  try {
    ({ env } = await import("@/lib/env"));
  } catch (error) {
    console.error(`difang: cannot start.\n${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
  const [{ PageStore, installPageStore }, { installPeerHeaders }] = await Promise.all([
    import("@/lib/cache/page-store"),
    import("@/lib/client-address"),
  ]);
  installPeerHeaders();
  // On PostgreSQL: connect the invalidation listener before the first request is answered.
  await (await import("@/lib/cache/shared")).cacheReady();
  installPageStore(
    new PageStore({
      maxBytes: env.PAGE_CACHE_MB * 1024 * 1024,
      // Only if code calls Next's revalidateTag()/revalidatePath(); difang's writes record their
      // tags themselves (lib/cache/invalidate.ts).
      onRevalidateTag: async (tags) => {
        const [{ getDb }, { recordInvalidation }] = await Promise.all([
          import("@/lib/db"),
          import("@/lib/cache/invalidate"),
        ]);
        await recordInvalidation(await getDb(), tags, new Date());
      },
    }),
  );
}
