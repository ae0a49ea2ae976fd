/**
 * Class of the elements that hold stored HTML (a story's sanitized Markdown). Scripts inside them
 * are never allowed by a cached page's Content-Security-Policy (lib/security/script-policy.ts).
 */
export const USER_HTML_CLASS = "story-body";
