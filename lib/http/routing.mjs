// Next's redirects and rewrites (next.config.mjs); plain JavaScript because next.config.mjs loads
// it with Node's own loader.
import { BAD_REQUEST_PATH, MALFORMED_PATH_SOURCE } from "./malformed-path.mjs";

/** First path segments that are not channels (routes of their own). */
const NOT_CHANNELS = "admin|api|media|search|tag|author|rank|sitemaps|zhuanti|corrections|_next";
/** A channel's path segment. */
const CHANNEL_SEGMENT = `(?!(?:${NOT_CHANNELS})$)[^/.]+`;
/** Paths of the paged lists, before `/page/N` (path-to-regexp: no capturing groups inside). */
const PAGED_LISTS = [
  CHANNEL_SEGMENT,
  // A story (its comments), whatever segment after the channel's.
  `(?!(?:${NOT_CHANNELS})/)[^/.]+/\\d+`,
  "tag/[^/]+",
  "author/[^/]+",
  "zhuanti",
  "zhuanti/[^/.]+/\\d+",
  "corrections",
].join("|");

// The ranking page's choices are path segments (/rank/7d/rongan, lib/rank-url.ts); addresses in
// the older query form (/rank?window=7d&channel=rongan) are sent there. Only values that can be a
// window or a channel slug become path segments (a value such as `../admin` would otherwise
// leave /rank); anything else is ignored like other query strings. Redirects cost nothing on
// other addresses: Next's router matches them with patterns compiled once (rewrites, below, are
// compiled again by every page's route module on every request).
export function redirectRules() {
  const rankWindow = { type: "query", key: "window", value: "(?<window>[0-9a-z]{1,8})" };
  const rankChannel = { type: "query", key: "channel", value: "(?<channel>[a-z][a-z0-9-]{0,40})" };
  return [
    // The first rule that matches wins: both parameters, then each alone (24 hours by default).
    {
      source: "/rank",
      has: [rankWindow, rankChannel],
      destination: "/rank/:window/:channel",
      permanent: true,
    },
    { source: "/rank", has: [rankWindow], destination: "/rank/:window", permanent: true },
    { source: "/rank", has: [rankChannel], destination: "/rank/24h/:channel", permanent: true },
  ];
}

// Page numbers stay query parameters in public addresses (/liujiang?page=2; a story's comments
// /liujiang/5?page=2), but a cached page is keyed by its path, so they are mapped onto path
// segments.
// Keep these few: each page's route module compiles every rewrite's pattern again on each
// request (Next 16.4 server-utils handleRewrites), which cost the story page about 10 % of its
// throughput when there were fourteen (`npm run bench`; README § Benchmarks).
export function rewriteRules() {
  const page = [{ type: "query", key: "page", value: "(?<page>.*)" }];
  return {
    beforeFiles: [
      // Addresses that are not valid percent-encoded UTF-8 answer 400 here: matching a dynamic
      // route would fail to decode them and Next would answer 500 (lib/http/malformed-path.mjs).
      { source: MALFORMED_PATH_SOURCE, destination: BAD_REQUEST_PATH },
      // Every paged list: a channel, a story's comments, a tag, an author, the 专题 list, a 专题
      // section and 更正与更新 (/liujiang?page=2 is served by /liujiang/page/2, /liujiang/5?page=2
      // by /liujiang/5/page/2).
      { source: `/:paged(${PAGED_LISTS})`, has: page, destination: "/:paged/page/:page" },
      // Plain /zhuanti is the list's first page, served by a dynamic route: a static route would
      // be reused by the client router for every query string (a static page cannot depend on
      // one). (/rank and /corrections are optional catch-all routes, which need no rewrite; the
      // list cannot be one beside /zhuanti/[slug].)
      { source: "/zhuanti", destination: "/zhuanti/page/1" },
    ],
  };
}
