import { formatDateTime, formatMonthDay, toBeijingIso } from "@/lib/time";

/** A <time> in Beijing time: `YYYY-MM-DD HH:mm` or `MM-DD` in compact lists. */
export function TimeText({ date, compact = false }: { date: Date; compact?: boolean }) {
  return <time dateTime={toBeijingIso(date)}>{compact ? formatMonthDay(date) : formatDateTime(date)}</time>;
}
