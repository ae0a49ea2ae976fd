// Images in a body that point to another site (http/https) or carry their bytes (data:) are
// fetched at save time and stored as uploads, so that no reader's browser ever contacts another
// site (item 4 of issue 12). Server-only.
//
//   storeRemoteImages(html, { storeUpload, maxImages?, timeoutMs?, maxBytes? })
//     → { html, errors }
//
// `html` is the body with every stored image's src replaced by its site address (and its width
// and height set); `errors` has one Chinese sentence per image refused ("图片 https://… 无法获取：
// 服务器返回 404"), whose <img> is left as it was. A caller saving a story refuses the save when
// `errors` is not empty (the form keeps everything typed) and then runs normalizeBody on `html`.
// Call it before normalizeBody, which drops off-site images.
//
// Safety: http and https only, no user name or password in the address; the host's addresses
// are resolved and every one must be public (no loopback, private, link-local, CGNAT, multicast,
// reserved or documentation range, IPv4-mapped forms included). The check sits in the socket's
// own lookup, so the address connected to is the address checked (no DNS rebinding between
// check and use), and it runs again on every redirect (at most 3). One deadline (10 s) covers a
// whole image, redirects included; more than `maxBytes` (the upload limit) is refused as soon as
// it arrives; the declared Content-Type must be JPEG, PNG or WebP, and the bytes then go through
// the upload checks anyway (real format, pixel count). At most `maxImages` images per save.
//
// Tests reach a local server with `allowLoopback: ALLOW_LOOPBACK_IN_TESTS`: a symbol, which nothing
// parsed from a request can produce, refused outside NODE_ENV=test, and opening loopback only
// (127.0.0.0/8, ::1), so that the tests still see every other private address refused.
import "server-only";
import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import http from "node:http";
import https from "node:https";
import { BlockList, isIP, type LookupFunction } from "node:net";
import { DomUtils, parseDocument } from "htmlparser2";
import { MAX_IMAGE_BYTES } from "@/lib/images/upload";
import { env } from "@/lib/env";
import type { StoreUpload } from "@/lib/body/import/store-upload";

export const ALLOW_LOOPBACK_IN_TESTS: unique symbol = Symbol("allow loopback (tests only)");

export interface RemoteImageOptions {
  storeUpload: StoreUpload;
  /** Most images fetched in one save (default MAX_REMOTE_IMAGES). */
  maxImages?: number;
  /** Deadline for one image, redirects included (default 10 s). */
  timeoutMs?: number;
  /** Largest image accepted (default: the upload limit). */
  maxBytes?: number;
  /** Tests only: let the fetch reach a server on 127.0.0.1. */
  allowLoopback?: typeof ALLOW_LOOPBACK_IN_TESTS;
}

export const MAX_REMOTE_IMAGES = 20;
const MAX_REDIRECTS = 3;
const DEFAULT_TIMEOUT_MS = 10_000;
const ACCEPTED_TYPES = new Set(["image/jpeg", "image/jpg", "image/png", "image/webp"]);

/** Addresses no fetch may reach: this machine, its networks, and ranges that are not the internet. */
const FORBIDDEN = new BlockList();
for (const [net, prefix] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.0.2.0", 24],
  ["192.88.99.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["198.51.100.0", 24],
  ["203.0.113.0", 24],
  ["224.0.0.0", 4],
  ["240.0.0.0", 4],
] as const)
  FORBIDDEN.addSubnet(net, prefix, "ipv4");
for (const [net, prefix] of [
  ["::", 128],
  ["::1", 128],
  ["64:ff9b::", 96],
  ["64:ff9b:1::", 48],
  ["100::", 64],
  ["2001::", 23],
  ["2001:db8::", 32],
  ["2002::", 16],
  ["fc00::", 7],
  ["fe80::", 10],
  ["fec0::", 10],
  ["ff00::", 8],
] as const)
  FORBIDDEN.addSubnet(net, prefix, "ipv6");

const LOOPBACK = new BlockList();
LOOPBACK.addSubnet("127.0.0.0", 8, "ipv4");
LOOPBACK.addAddress("::1", "ipv6");

/** Whether `address` (an IP literal) may be fetched from. IPv4-mapped IPv6 counts as its IPv4. */
export function isPublicAddress(address: string, allowLoopback = false): boolean {
  const family = isIP(address);
  if (family === 0) return false;
  const type = family === 4 ? "ipv4" : "ipv6";
  return !FORBIDDEN.check(address, type) || (allowLoopback && LOOPBACK.check(address, type));
}

/** A refusal whose message is shown to the editor after "无法获取：". */
class Refused extends Error {}

const MESSAGES = {
  scheme: "只能获取 http 或 https 地址的图片",
  credentials: "图片地址中不能包含用户名或密码",
  privateHost: "地址指向内部网络，已拒绝",
  tooManyRedirects: `重定向超过 ${MAX_REDIRECTS} 次`,
  timeout: (ms: number) => `${Math.round(ms / 1000)} 秒内没有下载完成`,
  status: (code: number) => `对方服务器返回 ${code}`,
  type: (type: string) => `不是 JPEG、PNG 或 WebP 图片（${type || "未说明类型"}）`,
  tooLarge: (max: number) => `图片超过 ${Math.round(max / 1024 / 1024)} MB`,
  network: "无法连接对方服务器",
  dataUri: "图片数据无法识别（仅支持 JPEG、PNG、WebP）",
  tooMany: (max: number) => `一次保存最多自动获取 ${max} 张外站图片，请分几次保存或先上传`,
} as const;

function checkUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Refused(MESSAGES.scheme);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") throw new Refused(MESSAGES.scheme);
  if (url.username !== "" || url.password !== "") throw new Refused(MESSAGES.credentials);
  return url;
}

/** dns.lookup that fails for any non-public address; the socket connects to what it returns. */
function guardedLookup(allowLoopback: boolean): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
      if (error) return callback(error, "", 4);
      if (addresses.some((a) => !isPublicAddress(a.address, allowLoopback)))
        return callback(new Refused(MESSAGES.privateHost), "", 4);
      const first = addresses[0];
      if (!first) return callback(new Refused(MESSAGES.network), "", 4);
      if (options.all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses);
      callback(null, first.address, first.family);
    });
  };
}

interface Hop {
  status: number;
  location: string | null;
  type: string;
  body: Buffer | null;
}

/** One GET, no redirect followed; the body only for a 200 with an accepted type. */
function get(url: URL, signal: AbortSignal, maxBytes: number, allowLoopback: boolean): Promise<Hop> {
  const host = url.hostname.replace(/^\[|\]$/g, "");
  // An IP literal never goes through lookup: checked here.
  if (isIP(host) !== 0 && !isPublicAddress(host, allowLoopback)) throw new Refused(MESSAGES.privateHost);
  const client = url.protocol === "https:" ? https : http;
  return new Promise<Hop>((resolve, reject) => {
    const request = client.get(
      url,
      {
        signal,
        // A fresh connection each time: a pooled socket would skip the lookup and its check.
        agent: false,
        lookup: guardedLookup(allowLoopback),
        headers: { accept: "image/webp,image/png,image/jpeg;q=0.9", "user-agent": "difang-image-fetch/1" },
      },
      (response) => {
        const status = response.statusCode ?? 0;
        const type = (response.headers["content-type"] ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
        const location = response.headers.location ?? null;
        if (status !== 200 || !ACCEPTED_TYPES.has(type)) {
          response.resume();
          return resolve({ status, location, type, body: null });
        }
        const declared = Number(response.headers["content-length"]);
        if (Number.isFinite(declared) && declared > maxBytes) {
          response.destroy();
          return reject(new Refused(MESSAGES.tooLarge(maxBytes)));
        }
        const chunks: Buffer[] = [];
        let size = 0;
        response.on("data", (chunk: Buffer) => {
          size += chunk.length;
          if (size > maxBytes) {
            response.destroy();
            reject(new Refused(MESSAGES.tooLarge(maxBytes)));
          } else chunks.push(chunk);
        });
        response.on("end", () => resolve({ status, location, type, body: Buffer.concat(chunks) }));
        response.on("error", reject);
      },
    );
    request.on("error", reject);
  });
}

async function download(
  src: string,
  options: Required<Omit<RemoteImageOptions, "allowLoopback">>,
  allowLoopback: boolean,
): Promise<Buffer> {
  const signal = AbortSignal.timeout(options.timeoutMs);
  let url = checkUrl(src);
  try {
    for (let redirects = 0; ; redirects++) {
      const hop = await get(url, signal, options.maxBytes, allowLoopback);
      if (hop.status >= 300 && hop.status < 400 && hop.location) {
        if (redirects >= MAX_REDIRECTS) throw new Refused(MESSAGES.tooManyRedirects);
        url = checkUrl(new URL(hop.location, url).href);
        continue;
      }
      if (hop.status !== 200) throw new Refused(MESSAGES.status(hop.status));
      if (!hop.body) throw new Refused(MESSAGES.type(hop.type));
      return hop.body;
    }
  } catch (error) {
    if (error instanceof Refused) throw error;
    if (signal.aborted) throw new Refused(MESSAGES.timeout(options.timeoutMs));
    throw new Refused(MESSAGES.network);
  }
}

/** The bytes of a `data:image/(jpeg|png|webp);base64,` source. */
function decodeDataUri(src: string, maxBytes: number): Buffer {
  const m = /^data:(image\/[a-z]+);base64,([a-z0-9+/=\s]*)$/i.exec(src);
  if (!m || !ACCEPTED_TYPES.has((m[1] ?? "").toLowerCase())) throw new Refused(MESSAGES.dataUri);
  const base64 = (m[2] ?? "").replace(/\s+/g, "");
  if ((base64.length * 3) / 4 > maxBytes + 3) throw new Refused(MESSAGES.tooLarge(maxBytes));
  return Buffer.from(base64, "base64");
}

/** How a source is named in a message: the address (shortened, no password), or "粘贴的图片数据". */
function describe(src: string): string {
  if (src.startsWith("data:")) return "（粘贴的图片数据）";
  const shown = src.replace(/^(https?:\/\/)[^/@]*@/i, "$1…@");
  return shown.length > 120 ? `${shown.slice(0, 117)}…` : shown;
}

/** A source this step handles: another site's http(s) address (also `//host/…`) or data:. */
function remoteSource(src: string): string | null {
  const s = src.trim();
  if (/^data:/i.test(s)) return s;
  if (/^https?:\/\//i.test(s)) return s;
  if (s.startsWith("//")) return `https:${s}`;
  return null;
}

export async function storeRemoteImages(
  html: string,
  options: RemoteImageOptions,
): Promise<{ html: string; errors: string[] }> {
  const allowLoopback = options.allowLoopback === ALLOW_LOOPBACK_IN_TESTS;
  if (allowLoopback && env.NODE_ENV !== "test") throw new Error("allowLoopback is for tests only");
  const settings = {
    storeUpload: options.storeUpload,
    maxImages: options.maxImages ?? MAX_REMOTE_IMAGES,
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    maxBytes: options.maxBytes ?? MAX_IMAGE_BYTES,
  };
  const doc = parseDocument(html, { decodeEntities: true });
  const images = DomUtils.getElementsByTagName("img", doc.children, true).filter(
    (img) => remoteSource(img.attribs.src ?? "") !== null,
  );
  if (images.length === 0) return { html, errors: [] };

  // Each distinct source once, one after another (the decode queue is serial anyway).
  const results = new Map<string, { src: string; width: number; height: number } | string>();
  const errors: string[] = [];
  for (const img of images) {
    const raw = img.attribs.src ?? "";
    const src = remoteSource(raw) ?? raw;
    if (!results.has(src)) {
      if (results.size >= settings.maxImages) {
        results.set(src, `图片 ${describe(src)} 未获取：${MESSAGES.tooMany(settings.maxImages)}`);
      } else {
        try {
          const bytes = src.startsWith("data:")
            ? decodeDataUri(src, settings.maxBytes)
            : await download(src, settings, allowLoopback);
          const stored = await settings.storeUpload(bytes, (img.attribs.alt ?? "").trim());
          results.set(src, stored.ok ? stored.image : `图片 ${describe(src)} 无法保存：${stored.message}`);
        } catch (error) {
          if (!(error instanceof Refused)) throw error;
          results.set(src, `图片 ${describe(src)} 无法获取：${error.message}`);
        }
      }
      const result = results.get(src);
      if (typeof result === "string") errors.push(result);
    }
    const result = results.get(src);
    if (result && typeof result !== "string") {
      img.attribs.src = result.src;
      img.attribs.width = String(result.width);
      img.attribs.height = String(result.height);
    }
  }
  return { html: DomUtils.getOuterHTML(doc, { encodeEntities: "utf8" }), errors };
}
