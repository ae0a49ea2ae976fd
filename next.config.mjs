import path from "node:path";
import { BAD_REQUEST_PATH, MALFORMED_PATH_SOURCE } from "./lib/http/malformed-path.mjs";
import { securityHeaderRules } from "./lib/security/headers.mjs";

// Reader pages are cached whole (Next's ISR: `revalidate` in each page) in a store shared by the
// process and invalidated exactly by editorial writes on any process; see README § Architecture.
// Keep PAGE_EXPIRE_S in lib/data/cache-tags.ts equal to expireTime.
const READER_PAGE_EXPIRE_S = 40;

/** First path segments that are not channels (routes of their own). */
const NOT_CHANNELS = "admin|api|media|search|tag|author|rank|sitemaps|zhuanti|corrections|_next";

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
  // forbidden() answers 403 (editors opening admin-only pages).
  experimental: { authInterrupts: true },
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
  // Page numbers stay query parameters in public addresses (/liujiang?page=2, ?cpage=2 for
  // comments, /rank?window=7d&channel=rongan), but a cached page is keyed by its path, so they are
  // mapped onto path segments.
  async rewrites() {
    const page = [{ type: "query", key: "page", value: "(?<page>.*)" }];
    // Only values that can be a window or a channel slug become path segments (a value such as
    // `../admin` would otherwise leave /rank); anything else is ignored like other query strings.
    const rankWindow = { type: "query", key: "window", value: "(?<window>[0-9a-z]{1,8})" };
    const rankChannel = { type: "query", key: "channel", value: "(?<channel>[a-z][a-z0-9-]{0,40})" };
    return {
      beforeFiles: [
        // Addresses that are not valid percent-encoded UTF-8 answer 400 here: matching a dynamic
        // route would fail to decode them and Next would answer 500 (lib/http/malformed-path.mjs).
        { source: MALFORMED_PATH_SOURCE, destination: BAD_REQUEST_PATH },
        { source: "/tag/:name", has: page, destination: "/tag/:name/page/:page" },
        { source: "/author/:slug", has: page, destination: "/author/:slug/page/:page" },
        // The first rule that matches wins: both parameters, then each alone (24 hours by default).
        { source: "/rank", has: [rankWindow, rankChannel], destination: "/rank/:window/:channel" },
        { source: "/rank", has: [rankWindow], destination: "/rank/:window" },
        { source: "/rank", has: [rankChannel], destination: "/rank/24h/:channel" },
        // Plain /rank too: a static /rank route would be reused by the client router for every
        // query string (a static page cannot depend on one), so every variant is a dynamic route.
        { source: "/rank", destination: "/rank/24h" },
        // 专题: the list (plain /zhuanti is page 1, a dynamic route for the same reason as /rank) and
        // a section's pages.
        { source: "/zhuanti", has: page, destination: "/zhuanti/page/:page" },
        { source: "/zhuanti", destination: "/zhuanti/page/1" },
        // 更正与更新: plain /corrections is page 1 (a dynamic route, as for /zhuanti).
        { source: "/corrections", has: page, destination: "/corrections/page/:page" },
        { source: "/corrections", destination: "/corrections/page/1" },
        {
          source: "/zhuanti/:slug/:section(\\d+)",
          has: page,
          destination: "/zhuanti/:slug/:section/page/:page",
        },
        {
          source: `/:channel((?!(?:${NOT_CHANNELS})$)[^/.]+)`,
          has: page,
          destination: "/:channel/page/:page",
        },
        {
          source: `/:channel((?!(?:${NOT_CHANNELS})$)[^/.]+)/:id(\\d+)`,
          has: [{ type: "query", key: "cpage", value: "(?<cpage>.*)" }],
          destination: "/:channel/:id/comments/:cpage",
        },
      ],
    };
  },
};

export default nextConfig;
