import { STATUS_LABELS, type DisplayStatus } from "@/lib/articles/status";

/**
 * A story's status as a small coloured label (text, so it does not rely on colour), with its
 * pending 定时撤稿 (lib/articles/status.ts unpublishNote) beside it.
 */
export function StatusBadge({ status, note = null }: { status: DisplayStatus; note?: string | null }) {
  return (
    <>
      <span className={`adm-status adm-status-${status}`}>{STATUS_LABELS[status]}</span>
      {note ? <span className="adm-status adm-status-unpublish-at">{note}</span> : null}
    </>
  );
}
