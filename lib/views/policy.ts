// Which requests count as a view (pure rules, unit-tested).
import { createHash } from "node:crypto";
import { ExpiringMap } from "@/lib/expiring-map";

/** A reader refreshing a story within this window counts once (on every process: table ViewSeen). */
export const VIEW_DEDUPE_WINDOW_MS = 30 * 60_000;

/**
 * Clients that identify themselves as crawlers, headless browsers, HTTP libraries or benchmark
 * tools are not counted. A missing User-Agent is not a reader either.
 */
const NOT_A_READER =
  /bot\b|bot\/|crawl|spider|slurp|headless|lighthouse|phantomjs|puppeteer|playwright|selenium|curl\/|wget|python-|httpclient|okhttp|java\/|go-http|node-fetch|undici|axios|autocannon|wrk\/|apachebench|feedfetcher|preview|monitor/i;

/**
 * The device model of an Android browser, `(Linux; Android 10; CUBOT X30 Build/QP1A…)` or
 * `(Linux; U; Android 4.4.2; zh-cn; CUBOT X9 Build/…)`: a phone brand may end in "bot" (Cubot), so
 * the model is left out before looking for crawler names. A crawler's own name is never there
 * (Googlebot's smartphone agent names a Nexus 5X, then itself after it).
 */
const ANDROID_MODEL = /(\(Linux;(?: U;)? Android [^;)]*;(?: [a-z]{2}[-_][a-z]{2};)?)[^;)]*/i;

export function isCountableUserAgent(ua: string | null | undefined): boolean {
  if (!ua || ua.length < 10) return false;
  return !NOT_A_READER.test(ua.replace(ANDROID_MODEL, "$1"));
}

/** Salted SHA-256 of the client (address + user agent); the raw address is never kept. */
export function clientKey(address: string, userAgent: string, salt: string): string {
  return createHash("sha256")
    .update(`${salt}\u0000${address}\u0000${userAgent}`)
    .digest("base64url")
    .slice(0, 22);
}

/** The (client, story) pair a view is deduplicated on: ViewDeduper's key and ViewSeen's. */
export function viewKey(client: string, articleId: number): string {
  return `${client}:${articleId}`;
}

/**
 * Remembers (client, article) pairs for `windowMs`: a reader refreshing a story a hundred times
 * counts once per window. Bounded: past `maxEntries` the oldest pairs are forgotten first, at a
 * constant cost per view (lib/expiring-map.ts). Only this process's first filter: the view writer
 * decides in the database (table ViewSeen), where the beacons of one reader that reach two
 * processes meet.
 */
export class ViewDeduper {
  private readonly seen: ExpiringMap<true>;

  constructor(
    private readonly windowMs: number,
    maxEntries = 500_000,
  ) {
    this.seen = new ExpiringMap(maxEntries);
  }

  /** True when this pair has not been counted within the window (and records it). */
  admit(client: string, articleId: number, now: number): boolean {
    const key = viewKey(client, articleId);
    if (this.seen.get(key, now)) return false;
    this.seen.set(key, true, now + this.windowMs, now);
    return true;
  }

  get size(): number {
    return this.seen.size;
  }
}
