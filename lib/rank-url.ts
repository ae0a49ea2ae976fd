// Addresses of the ranking page (pure). Public links carry the choice in the query, like `?page=N`
// elsewhere; next.config.mjs rewrites them onto path segments, because cached pages are keyed by path.
import { HOT_WINDOWS, type HotWindow } from "@/lib/ranking";

/** Stories on the ranking page. */
export const RANK_LIMIT = 50;

export const DEFAULT_RANK_WINDOW: HotWindow = "24h";

export function parseRankWindow(raw: string | undefined): HotWindow | null {
  if (raw === undefined) return DEFAULT_RANK_WINDOW;
  return Object.hasOwn(HOT_WINDOWS, raw) ? (raw as HotWindow) : null;
}

/** `/rank`, `/rank?window=7d`, `/rank?channel=rongan`, `/rank?window=7d&channel=rongan`. */
export function rankHref(window: HotWindow, channelSlug: string | null): string {
  const q = new URLSearchParams();
  if (window !== DEFAULT_RANK_WINDOW) q.set("window", window);
  if (channelSlug) q.set("channel", channelSlug);
  const s = q.toString();
  return s ? `/rank?${s}` : "/rank";
}
