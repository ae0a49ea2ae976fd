// The store behind Next's `cacheHandler` (lib/cache/next-cache-handler.mjs): whole reader pages
// and feeds, as Next renders them (HTML and RSC payload together), kept in this process's memory.
// A page is served while none of its tags (lib/cache/page-tags.ts) has been invalidated by any
// process since its render started (lib/cache/shared.ts); Next itself handles the time-based
// part (revalidate / expireTime). Answers other than 200 (404s of unknown stories, redirects)
// live in a separate, smaller LRU, so made-up URLs never push real pages out.
import type { Stamp } from "@/lib/cache/registry";
import { isStale, stampNow } from "@/lib/cache/shared";
import { pageTags, pathOfCacheKey } from "@/lib/cache/page-tags";
import { cachedPagePolicy } from "@/lib/security/script-policy";

/** What Next's IncrementalCache passes to and expects from a cache handler (the parts used). */
export interface HandlerContext {
  kind?: string;
  cacheControl?: { revalidate?: number | false; expire?: number };
}

interface CachedValue {
  kind: string;
  status?: number;
  headers?: Record<string, string | string[] | number | undefined>;
  html?: unknown;
  rscData?: unknown;
  body?: unknown;
}

export interface HandlerEntry {
  value: CachedValue;
  lastModified: number;
  cacheControl?: HandlerContext["cacheControl"];
}

interface PageEntry extends HandlerEntry {
  tags: readonly string[];
  stamp: Stamp;
  bytes: number;
}

const CACHED_KINDS = new Set(["APP_PAGE", "APP_ROUTE"]);

/** A render that started more than this long ago without storing its result has failed. */
const PENDING_MS = 10_000;
const MAX_PENDING = 10_000;

function byteSize(v: unknown): number {
  if (typeof v === "string") return v.length * 2;
  if (v instanceof Uint8Array) return v.byteLength;
  return 0;
}

class Lru {
  private readonly map = new Map<string, PageEntry>();
  private bytes = 0;
  constructor(
    private readonly maxBytes: number,
    private readonly maxEntries: number,
  ) {}
  get(key: string): PageEntry | undefined {
    const e = this.map.get(key);
    if (e) {
      this.map.delete(key);
      this.map.set(key, e);
    }
    return e;
  }
  delete(key: string): void {
    const e = this.map.get(key);
    if (!e) return;
    this.map.delete(key);
    this.bytes -= e.bytes;
  }
  set(key: string, e: PageEntry): void {
    this.delete(key);
    if (e.bytes > this.maxBytes) return;
    this.map.set(key, e);
    this.bytes += e.bytes;
    while (this.bytes > this.maxBytes || this.map.size > this.maxEntries) {
      const oldest = this.map.keys().next().value;
      if (oldest === undefined) break;
      this.delete(oldest);
    }
  }
  get size(): number {
    return this.map.size;
  }
}

export interface PageStoreOptions {
  /** Memory for 200 answers. */
  maxBytes: number;
  /** Entries for other answers (404, redirects). */
  maxOtherEntries?: number;
  /** Record an invalidation asked for through Next's revalidateTag()/revalidatePath(). */
  onRevalidateTag?: (tags: string[]) => Promise<void>;
  /** Whether a page's tags were invalidated since its render started: the shared log by default. */
  isStale?: typeof isStale;
}

export class PageStore {
  private readonly ok: Lru;
  private readonly other: Lru;
  /** Stamp of the render each key is waiting for: the first request that found it missing. */
  private readonly pending = new Map<string, Stamp>();

  constructor(private readonly options: PageStoreOptions) {
    this.ok = new Lru(options.maxBytes, Number.MAX_SAFE_INTEGER);
    this.other = new Lru(Math.max(1, options.maxBytes / 8), options.maxOtherEntries ?? 2000);
  }

  get(key: string, ctx: HandlerContext = {}): HandlerEntry | null {
    if (this.options.maxBytes === 0 || (ctx.kind && !CACHED_KINDS.has(ctx.kind))) return null;
    const now = Date.now();
    const entry = this.ok.get(key) ?? this.other.get(key);
    if (entry && !(this.options.isStale ?? isStale)(entry.tags, entry.stamp, now)) {
      const revalidate = entry.cacheControl?.revalidate;
      // Next re-renders an entry past its revalidate time in the background after serving it.
      if (typeof revalidate === "number" && entry.lastModified + revalidate * 1000 <= now)
        this.notePending(key, now);
      return { value: entry.value, lastModified: entry.lastModified, cacheControl: entry.cacheControl };
    }
    if (entry) {
      this.ok.delete(key);
      this.other.delete(key);
    }
    this.notePending(key, now);
    return null;
  }

  set(key: string, value: CachedValue | null, ctx: HandlerContext = {}): void {
    if (this.options.maxBytes === 0 || !value || !CACHED_KINDS.has(value.kind)) return;
    const now = Date.now();
    const started = this.pending.get(key);
    this.pending.delete(key);
    const stamp = started && now - started.at < PENDING_MS ? started : stampNow(now);
    const status = value.status ?? 200;
    // A browser keeps a permanent redirect for good unless told otherwise; a channel renamed back
    // would then loop. A Cache-Control header set here wins over the one Next derives from
    // `revalidate` (this store still keeps the redirect; nginx's micro-cache ignores the header).
    if (status >= 300 && status < 400) value.headers = { ...value.headers, "cache-control": "no-cache" };
    // Next sends a stored page's headers with it (also to the request whose render this is): the
    // page's inline scripts are allowed by hash (lib/security/headers.mjs explains the two policies).
    if (value.kind === "APP_PAGE" && typeof value.html === "string")
      value.headers = { ...value.headers, "content-security-policy": cachedPagePolicy(value.html) };
    // The HTML is kept as UTF-8 bytes, not as the string Next rendered: Next answers a string page
    // with Buffer.byteLength and res.end(string), which measures and encodes the whole string (a
    // two-byte one: the page holds Chinese) again on every request, about three times the cost of
    // writing bytes (README § Caching, "Bytes, not strings"). The value Next passed in keeps its
    // string: the request whose render this is is answered from it.
    const stored = typeof value.html === "string" ? { ...value, html: Buffer.from(value.html) } : value;
    const entry: PageEntry = {
      value: stored,
      lastModified: now,
      cacheControl: ctx.cacheControl,
      tags: pageTags(pathOfCacheKey(key)),
      stamp,
      bytes: byteSize(stored.html) + byteSize(stored.rscData) + byteSize(stored.body) + 512,
    };
    (status === 200 ? this.ok : this.other).set(key, entry);
    (status === 200 ? this.other : this.ok).delete(key);
  }

  async revalidateTag(tags: string | string[]): Promise<void> {
    await this.options.onRevalidateTag?.(Array.isArray(tags) ? tags : [tags]);
  }

  stats(): { pages: number; others: number } {
    return { pages: this.ok.size, others: this.other.size };
  }

  private notePending(key: string, now: number): void {
    const current = this.pending.get(key);
    if (current && now - current.at < PENDING_MS) return;
    // Renders that failed never store their result: forget them rather than grow without bound.
    if (this.pending.size >= MAX_PENDING) {
      for (const [k, stamp] of this.pending) if (now - stamp.at >= PENDING_MS) this.pending.delete(k);
    }
    this.pending.set(key, stampNow(now));
  }
}

const GLOBAL_KEY = Symbol.for("difang.pageStore");

/** Make the store reachable from the cache handler, which Next loads outside the app bundles. */
export function installPageStore(store: PageStore): void {
  (globalThis as Record<symbol, unknown>)[GLOBAL_KEY] = store;
}
