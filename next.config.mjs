import path from "node:path";
import { redirectRules, rewriteRules } from "./lib/http/routing.mjs";
import { securityHeaderRules } from "./lib/security/headers.mjs";

// Reader pages are cached whole (Next's ISR: `revalidate` in each page) in a store shared by the
// process and invalidated exactly by editorial writes on any process; see README § Architecture.
// Keep PAGE_EXPIRE_S in lib/data/cache-tags.ts equal to expireTime.
const READER_PAGE_EXPIRE_S = 40;

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // Next hashes a page's whole HTML on every request to make its ETag: a fifth of the cost of
  // answering a cached 80 KB page. nginx's micro-cache answers repeat readers in front of it.
  generateEtags: false,
  cacheHandler: path.resolve(import.meta.dirname, "lib/cache/next-cache-handler.mjs"),
  // The handler keeps its own bounded memory (PAGE_CACHE_MB); Next's default one is not used.
  cacheMaxMemorySize: 0,
  // A cached page older than this is never served: the next request waits for a fresh render.
  expireTime: READER_PAGE_EXPIRE_S,
  // The test command runs `tsc --noEmit` and ESLint over the whole repo (scripts, tests, e2e too);
  // the build does not repeat that work.
  typescript: { ignoreBuildErrors: true },
  serverExternalPackages: [
    "better-sqlite3",
    "@prisma/adapter-better-sqlite3",
    "@prisma/adapter-pg",
    "pg",
    "sharp",
    "@node-rs/jieba",
    "@node-rs/argon2",
  ],
  // nosniff, framing, referrer and the outer Content-Security-Policy on every answer.
  async headers() {
    return securityHeaderRules();
  },
  // Redirects and rewrites: lib/http/routing.mjs (kept few; it says why).
  redirects: async () => redirectRules(),
  rewrites: async () => rewriteRules(),
};

export default nextConfig;
