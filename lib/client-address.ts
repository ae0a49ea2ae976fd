// The client's network address and the scheme/host it asked for, and the only form in which an
// address is ever stored: a salted hash (LoginAttempt, Comment, CommentAttempt and Ban .ipHash).
// Shared by login limits, comments, views and the Origin checks (lib/same-origin.ts).
//
// Where the address comes from. Next gives route handlers, server actions and pages the request's
// headers but not its socket, and `next start` fills X-Forwarded-For from the socket only when the
// client sent none, so a client can name any address it likes. Therefore each `next start`
// process writes the socket's address and scheme into two headers of its own on every request,
// before Next reads them, overwriting whatever a client sent under those names
// (installPeerHeaders, called by instrumentation.ts; Node's `http.server.request.start`
// diagnostics channel). X-Forwarded-For and X-Forwarded-Proto/-Host are believed only when that
// socket address is one of TRUSTED_PROXIES, and then only as far as the chain of trusted proxies
// reaches (counted from the right: each proxy appends the address it saw).
import { createHash } from "node:crypto";
import { subscribe } from "node:diagnostics_channel";
import type { IncomingMessage } from "node:http";
import type { Socket } from "node:net";
import { env } from "@/lib/env";
import { canonicalIp, type ProxyList } from "@/lib/trusted-proxies";

interface HeaderSource {
  get(name: string): string | null;
}

/** The socket's address, set by this process for every request (never from the client). */
export const PEER_ADDRESS_HEADER = "x-difang-peer-address";
/** `https` when the socket is TLS, else `http`. */
export const PEER_PROTO_HEADER = "x-difang-peer-proto";
/** When the socket's address is unknown (a request that arrived before installPeerHeaders ran). */
export const UNKNOWN_ADDRESS = "unknown";

declare global {
  var __difangPeerHeaders: boolean | undefined;
}

/** Subscribe once per process: every incoming HTTP request gets the two peer headers. */
export function installPeerHeaders(): void {
  if (globalThis.__difangPeerHeaders) return;
  globalThis.__difangPeerHeaders = true;
  subscribe("http.server.request.start", (message) => {
    const { request, socket } = message as { request: IncomingMessage; socket: Socket };
    const tls = (socket as Socket & { encrypted?: boolean }).encrypted === true;
    request.headers[PEER_ADDRESS_HEADER] = canonicalIp(socket.remoteAddress ?? "") ?? UNKNOWN_ADDRESS;
    request.headers[PEER_PROTO_HEADER] = tls ? "https" : "http";
  });
}

/** TRUSTED_PROXIES of this process (parsed and validated with the rest of the configuration). */
export function trustedProxies(): ProxyList {
  return env.TRUSTED_PROXIES;
}

function peerAddress(headers: HeaderSource): string | null {
  const peer = headers.get(PEER_ADDRESS_HEADER);
  return peer === null ? null : canonicalIp(peer);
}

/** True when the request came straight from a trusted proxy (its forwarding headers count). */
export function fromTrustedProxy(headers: HeaderSource, trusted: ProxyList = trustedProxies()): boolean {
  const peer = peerAddress(headers);
  return peer !== null && trusted.has(peer);
}

/**
 * The client's address: the socket's, unless the socket is a trusted proxy; then X-Forwarded-For
 * is read from the right, skipping trusted proxies, and the first address that is not one is the
 * client (the address the nearest trusted proxy saw). When every entry is trusted, the leftmost
 * is taken; when an entry is not an address, the walk stops at the last trusted hop before it.
 * X-Real-IP is never read (one value, no chain; nginx's X-Forwarded-For says the same).
 */
export function clientAddress(headers: HeaderSource, trusted: ProxyList = trustedProxies()): string {
  const peer = peerAddress(headers);
  if (peer === null) return UNKNOWN_ADDRESS;
  if (!trusted.has(peer)) return peer;
  const chain = (headers.get("x-forwarded-for") ?? "").split(",").slice(-32);
  let address = peer;
  for (let i = chain.length - 1; i >= 0; i--) {
    const entry = chain[i]?.trim() ?? "";
    if (entry === "") continue;
    const ip = canonicalIp(entry);
    if (ip === null) return address;
    address = ip;
    if (!trusted.has(ip)) return ip;
  }
  return address;
}

/** A host name or address with an optional port, nothing else (no path, user or query). */
const HOST = /^(?:[a-z0-9](?:[a-z0-9.-]*[a-z0-9])?|\[[0-9a-f:.]+\])(?::\d{1,5})?$/;

/**
 * The origin this request was made to (`http://host:port`): scheme and host of the socket and its
 * Host header, or, from a trusted proxy, X-Forwarded-Proto and X-Forwarded-Host (as the nginx
 * configuration in deploy/ sets them). Null when the host is missing or malformed.
 */
export function requestOrigin(headers: HeaderSource, trusted: ProxyList = trustedProxies()): string | null {
  const first = (name: string) => headers.get(name)?.split(",")[0]?.trim().toLowerCase() || null;
  let proto = headers.get(PEER_PROTO_HEADER) === "https" ? "https" : "http";
  let host = first("host");
  if (fromTrustedProxy(headers, trusted)) {
    const forwardedProto = first("x-forwarded-proto");
    if (forwardedProto === "http" || forwardedProto === "https") proto = forwardedProto;
    host = first("x-forwarded-host") ?? host;
  }
  if (!host || !HOST.test(host)) return null;
  try {
    return new URL(`${proto}://${host}`).origin;
  } catch {
    return null;
  }
}

/** SHA-256 of salt + address, hex. The raw address is never stored. */
export function hashClientAddress(address: string, salt: string): string {
  return createHash("sha256").update(`${salt}\u0000${address}`).digest("hex");
}
