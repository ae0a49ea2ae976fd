// CSRF check for the upload route handler (server actions get Next's own Origin check). Pure.

interface HeaderSource {
  get(name: string): string | null;
}

/**
 * True when the request's Origin names this host. Like Next's server-action check, the host is
 * `x-forwarded-host` when a proxy sets it, else `host`. A request without Origin is refused:
 * every browser sends Origin on a cross-origin or POST fetch, so only non-browser clients omit it,
 * and those have no business uploading with a session cookie.
 */
export function isSameOrigin(headers: HeaderSource): boolean {
  const origin = headers.get("origin");
  if (!origin || origin === "null") return false;
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    return false;
  }
  const host = (headers.get("x-forwarded-host") ?? headers.get("host") ?? "").split(",")[0]?.trim() ?? "";
  return host !== "" && originHost.toLowerCase() === host.toLowerCase();
}
