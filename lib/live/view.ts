// What readers get of a live coverage: the same plain object in the story page (server-rendered
// into the HTML) and in its JSON endpoint (/api/live/<id>, polled by components/LiveCoverage.tsx).
// Types and constants only: the client component imports this file.
import type { ImageRef } from "@/lib/data/types";

/** The newest entries a page and the endpoint carry (the pinned one is always included). */
export const LIVE_ENTRY_LIMIT = 50;
/** How often an open page asks for news while the coverage runs. */
export const LIVE_POLL_MS = 12_000;

export interface LiveEntryView {
  id: number;
  /** ISO 8601 with +08:00 (`<time dateTime>`). */
  at: string;
  /** What readers read: `14:32`, or `11-30 14:32` when the coverage spans several days. */
  time: string;
  /** Plain-text paragraphs. */
  body: string[];
  quote: string;
  quoteBy: string;
  image: ImageRef | null;
  pinned: boolean;
  /** When corrected (ISO), shown as 已更正. */
  correctedAt: string | null;
}

export interface LiveView {
  live: boolean;
  startedAt: string;
  endedAt: string | null;
  /** Newest first; the pinned entry is also among them (readers see it on top). */
  entries: LiveEntryView[];
}

export function liveEntryAnchor(id: number): string {
  return `live-${id}`;
}
