// Addresses whose percent-encoding is not UTF-8 (`/%ff`, the overlong dot `/%c0%ae`, a lone `%`).
//
// Next decodes every dynamic route parameter with decodeURIComponent while matching routes, before
// any code of ours runs; on such an address that throws, and Next 16.4 then looks for the Pages
// Router's `/_error` to answer 400, which an App-Router-only build does not have, so the answer is
// a bare "Internal Server Error" 500 (vercel/next.js#94278). A `beforeFiles` rewrite in
// lib/http/routing.mjs sends these addresses to app/api/bad-request/route.ts (400) before any dynamic
// route is matched. The test is one regular expression over the raw path (no proxy: a proxy on
// the reader path costs about half its throughput).

/**
 * One character of a path that decodes: anything but `%`, or a percent-encoded UTF-8 sequence
 * that is well formed (RFC 3629 table 3-7: no overlong forms, no surrogates, nothing past
 * U+10FFFF), exactly what decodeURIComponent accepts. Hex digits match either case (Next compiles
 * rewrite sources case-insensitively).
 */
const DECODABLE = [
  "[^%]",
  "%[0-7][0-9a-f]",
  "%(?:c[2-9a-f]|d[0-9a-f])%[89ab][0-9a-f]",
  "%e0%[ab][0-9a-f]%[89ab][0-9a-f]",
  "%(?:e[1-9a-c]|e[ef])%[89ab][0-9a-f]%[89ab][0-9a-f]",
  "%ed%[89][0-9a-f]%[89ab][0-9a-f]",
  "%f0%[9ab][0-9a-f]%[89ab][0-9a-f]%[89ab][0-9a-f]",
  "%f[1-3]%[89ab][0-9a-f]%[89ab][0-9a-f]%[89ab][0-9a-f]",
  "%f4%8[0-9a-f]%[89ab][0-9a-f]%[89ab][0-9a-f]",
].join("|");

/** Rewrite source (path-to-regexp) matching every path that decodeURIComponent refuses. */
export const MALFORMED_PATH_SOURCE = `/:malformed((?!(?:${DECODABLE})*$).*)`;

/** Where those addresses are answered. */
export const BAD_REQUEST_PATH = "/api/bad-request";
