// IP addresses and the TRUSTED_PROXIES list (pure; used by lib/env.ts to validate the setting and
// by lib/client-address.ts to walk X-Forwarded-For).
import { BlockList, isIP } from "node:net";

/**
 * The canonical text of an IP address, or null when `value` is not one: IPv4 dotted quad; IPv6
 * compressed and lower-case (`0:0::1` → `::1`), an IPv4-mapped IPv6 address as its IPv4
 * (`::ffff:127.0.0.1` → `127.0.0.1`, as a dual-stack socket reports IPv4 clients). Accepts the
 * forms proxies write into X-Forwarded-For besides the bare address: `[v6]`, `[v6]:port`,
 * `v4:port`. A zone id (`fe80::1%eth0`) is dropped.
 */
export function canonicalIp(value: string): string | null {
  let s = value.trim();
  if (s.length === 0 || s.length > 64) return null;
  const bracketed = /^\[([^\]]+)\](?::\d{1,5})?$/.exec(s);
  if (bracketed?.[1]) s = bracketed[1];
  else if (/^\d{1,3}(?:\.\d{1,3}){3}:\d{1,5}$/.test(s)) s = s.slice(0, s.lastIndexOf(":"));
  s = s.replace(/%[0-9A-Za-z._~-]+$/, "");
  const kind = isIP(s);
  if (kind === 4) return s;
  if (kind !== 6) return null;
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(s);
  if (mapped?.[1] && isIP(mapped[1]) === 4) return mapped[1];
  // The URL parser prints IPv6 hosts in the canonical form (RFC 5952).
  const host = new URL(`http://[${s}]/`).hostname.slice(1, -1);
  const mappedHex = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(host);
  if (mappedHex?.[1] && mappedHex[2]) {
    const hi = parseInt(mappedHex[1], 16);
    const lo = parseInt(mappedHex[2], 16);
    return `${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`;
  }
  return host;
}

export interface ProxyList {
  /** True when `address` (canonical, see canonicalIp) is one of the trusted proxies. */
  has(address: string): boolean;
  /** The entries as configured (for messages). */
  readonly entries: readonly string[];
}

/**
 * Parse TRUSTED_PROXIES: comma- or space-separated IPv4/IPv6 addresses and CIDR ranges
 * (`127.0.0.1, ::1, 10.0.0.0/8, fd00::/8`). Empty means no proxy is trusted. Throws an Error
 * naming every entry that is not an address or range.
 */
export function parseTrustedProxies(value: string): ProxyList {
  const list = new BlockList();
  const entries = value
    .split(/[\s,]+/)
    .map((e) => e.trim())
    .filter(Boolean);
  const bad: string[] = [];
  for (const entry of entries) {
    const [addr = "", prefix, extra] = entry.split("/");
    const ip = canonicalIp(addr);
    const family = ip === null ? 0 : isIP(ip);
    if (ip === null || family === 0 || extra !== undefined || addr.includes("[")) {
      bad.push(entry);
      continue;
    }
    const type = family === 4 ? "ipv4" : "ipv6";
    if (prefix === undefined) {
      list.addAddress(ip, type);
      continue;
    }
    const bits = /^\d{1,3}$/.test(prefix) ? Number(prefix) : NaN;
    if (!(bits >= 0 && bits <= (family === 4 ? 32 : 128))) {
      bad.push(entry);
      continue;
    }
    list.addSubnet(ip, bits, type);
  }
  if (bad.length > 0) {
    throw new Error(`not an IP address or CIDR range: ${bad.join(", ")}`);
  }
  return {
    entries,
    has(address: string): boolean {
      if (entries.length === 0) return false;
      const family = isIP(address);
      if (family === 0) return false;
      return list.check(address, family === 4 ? "ipv4" : "ipv6");
    },
  };
}
