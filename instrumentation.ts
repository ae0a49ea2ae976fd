// Runs once when a `next start` process starts (Next's instrumentation hook), before requests.
// Installs the page store behind the cache handler (lib/cache/next-cache-handler.mjs).
export async function register(): Promise<void> {
  // Next's documented runtime switch; the store needs Node (better-sqlite3).
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const [{ PageStore, installPageStore }, { env }] = await Promise.all([
    import("@/lib/cache/page-store"),
    import("@/lib/env"),
  ]);
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
