/** @type {import('next').NextConfig} */
// Reader pages are rendered per request (they call connection()) from data cached in-process by
// lib/cache/memo.ts; see README § Architecture for why Cache Components is not used.
const nextConfig = {
  poweredByHeader: false,
  // forbidden() answers 403 (editors opening admin-only pages).
  experimental: { authInterrupts: true },
  // The test command runs `tsc --noEmit` and ESLint over the whole repo (scripts, tests, e2e too);
  // the build does not repeat that work.
  typescript: { ignoreBuildErrors: true },
  serverExternalPackages: [
    "better-sqlite3",
    "@prisma/adapter-better-sqlite3",
    "sharp",
    "@node-rs/jieba",
    "@node-rs/argon2",
  ],
};

export default nextConfig;
