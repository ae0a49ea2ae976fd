// The `next` parameter of /admin/login: where to go after signing in. Only same-site relative
// paths are followed, so the login page cannot be used as an open redirect.

export const ADMIN_HOME = "/admin";
export const LOGIN_PATH = "/admin/login";

const BASE = "http://difang.invalid";

/** The path to redirect to, or null when `raw` is missing or not a safe relative path. */
export function safeNextPath(raw: unknown): string | null {
  if (typeof raw !== "string" || raw.length === 0 || raw.length > 2000) return null;
  // "//host" and "/\host" are protocol-relative in browsers; anything else must start with "/".
  if (!raw.startsWith("/") || raw.startsWith("//") || raw.includes("\\")) return null;
  for (let i = 0; i < raw.length; i++) {
    const code = raw.charCodeAt(i);
    // Control characters (tab, newline…) are stripped by URL parsers and could reshape the URL.
    if (code < 0x20 || code === 0x7f) return null;
  }
  let url: URL;
  try {
    url = new URL(raw, BASE);
  } catch {
    return null;
  }
  if (url.origin !== BASE) return null;
  // Back to the login page would only show the form again.
  if (url.pathname === LOGIN_PATH) return null;
  return `${url.pathname}${url.search}${url.hash}`;
}

/** /admin/login, with `next` when the path is worth coming back to. */
export function loginUrl(next?: string | null): string {
  const safe = safeNextPath(next);
  if (!safe || safe === ADMIN_HOME) return LOGIN_PATH;
  return `${LOGIN_PATH}?next=${encodeURIComponent(safe)}`;
}
