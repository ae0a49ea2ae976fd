import { STATUS_LABELS, type DisplayStatus } from "@/lib/articles/status";

/** A story's status as a small coloured label (text, so it does not rely on colour). */
export function StatusBadge({ status }: { status: DisplayStatus }) {
  return <span className={`adm-status adm-status-${status}`}>{STATUS_LABELS[status]}</span>;
}
