// Security headers for every response (next.config.mjs `headers()`); plain JavaScript because
// next.config.mjs loads it with Node's own loader. README § Security headers explains the policy.
//
// The Content-Security-Policy set here is the outer bound for every answer: only this site's own
// scripts, styles, images, fonts and connections; no plugins, no <base>, forms post only here.
// Inline scripts are allowed by this outer policy because a cached page cannot carry a
// per-request nonce; a second policy narrows them on every page that reaches a browser:
// - cached reader pages carry `script-src` with the SHA-256 of each inline script Next rendered
//   (lib/security/script-policy.ts, added when the page is stored: lib/cache/page-store.ts);
// - pages rendered per request (/admin, /search) get one policy instead, the same with a fresh
//   nonce in place of 'unsafe-inline' (proxy.ts).
// A browser enforces every policy it receives, so an inline script runs only where both allow it.

/** Images the editor area needs besides the site's: pasted (data:) and chosen files' previews (blob:). */
export const EDITOR_IMAGES = "'self' data: blob:";

/**
 * @param {string} frameAncestors
 * @param {string} [scriptSources] what scripts may run; by default the site's files and inline code
 * @param {string} [imageSources] where images may come from; by default the site's and the editor's
 */
export function sitePolicy(
  frameAncestors,
  scriptSources = "'self' 'unsafe-inline'",
  imageSources = EDITOR_IMAGES,
) {
  return [
    "default-src 'self'",
    `script-src ${scriptSources}`,
    // React writes style attributes (e.g. image sizes); no third-party styles.
    "style-src 'self' 'unsafe-inline'",
    `img-src ${imageSources}`,
    "font-src 'self'",
    "connect-src 'self'",
    "media-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    `frame-ancestors ${frameAncestors}`,
  ].join("; ");
}

/** Headers on every answer, reader and editor alike. */
const COMMON = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=()" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
];

// Reader pages show only the site's own images. Keeping `data:` and `blob:` out of this policy also
// keeps every value of the rule for all addresses free of ':', which Next's router would otherwise
// compile as a pattern on every request (prepare-destination compileNonPath), about 5 % of a cached
// page's throughput (`npm run bench`).
export const READER_POLICY = sitePolicy("'self'", undefined, "'self'");
export const ADMIN_POLICY = sitePolicy("'none'");
export const MEDIA_POLICY = "default-src 'none'; sandbox";

/** The `headers()` rules of next.config.mjs. Later rules override earlier ones for the same key. */
export function securityHeaderRules() {
  return [
    {
      source: "/:path*",
      headers: [
        ...COMMON,
        { key: "X-Frame-Options", value: "SAMEORIGIN" },
        { key: "Content-Security-Policy", value: READER_POLICY },
      ],
    },
    {
      source: "/admin/:path*",
      headers: [
        { key: "X-Frame-Options", value: "DENY" },
        { key: "Content-Security-Policy", value: ADMIN_POLICY },
      ],
    },
    // Uploaded images: nothing in them may run or load anything, even opened on their own.
    { source: "/media/:path*", headers: [{ key: "Content-Security-Policy", value: MEDIA_POLICY }] },
  ];
}
