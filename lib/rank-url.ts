// Addresses of the ranking page (pure). The window and the channel are path segments, because
// cached pages are keyed by path (app/(site)/rank/[[...choice]]); lib/http/routing.mjs redirects
// the older query form (/rank?window=7d&channel=rongan) here.
import { HOT_WINDOWS, type HotWindow } from "@/lib/ranking";

/** Stories on the ranking page. */
export const RANK_LIMIT = 50;

export const DEFAULT_RANK_WINDOW: HotWindow = "24h";

export function parseRankWindow(raw: string | undefined): HotWindow | null {
  if (raw === undefined) return DEFAULT_RANK_WINDOW;
  return Object.hasOwn(HOT_WINDOWS, raw) ? (raw as HotWindow) : null;
}

/** `/rank`, `/rank/7d`, `/rank/24h/rongan`, `/rank/7d/rongan`. */
export function rankHref(window: HotWindow, channelSlug: string | null): string {
  if (channelSlug) return `/rank/${window}/${encodeURIComponent(channelSlug)}`;
  return window === DEFAULT_RANK_WINDOW ? "/rank" : `/rank/${window}`;
}
