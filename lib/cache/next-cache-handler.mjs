// Next.js `cacheHandler` (next.config.mjs). Next loads this file with Node's own loader, outside
// the app bundles, and creates one instance per request; it only forwards to the process's page
// store (lib/cache/page-store.ts), which the instrumentation hook installs at start. Without it
// (during `next build`) nothing is cached: reader pages are rendered when first asked for.
const KEY = Symbol.for("difang.pageStore");

export default class DifangCacheHandler {
  async get(key, ctx) {
    return globalThis[KEY]?.get(key, ctx) ?? null;
  }

  async set(key, data, ctx) {
    globalThis[KEY]?.set(key, data, ctx);
  }

  async revalidateTag(tags) {
    await globalThis[KEY]?.revalidateTag(tags);
  }

  resetRequestCache() {}
}
