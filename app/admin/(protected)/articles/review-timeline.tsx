import { formatDateTime } from "@/lib/time";
import { REVIEW_ACTION_LABELS, stepLabel } from "@/lib/workflow/rules";
import type { TimelineEvent } from "@/lib/workflow/service";

/** The story's way through the review flow: who did what, when, and what they wrote. */
export function ReviewTimeline({ events }: { events: TimelineEvent[] }) {
  return (
    <section className="adm-panel" aria-labelledby="timeline-heading">
      <h2 id="timeline-heading">审核记录</h2>
      <ol className="adm-timeline">
        {events.map((e) => (
          <li key={e.id} className={`adm-timeline-item adm-timeline-${e.action}`}>
            <time dateTime={e.createdAt.toISOString()}>{formatDateTime(e.createdAt)}</time>
            <span>
              <strong>{e.user}</strong>{" "}
              {e.action === "approve" ? `${stepLabel(e.step)}通过` : REVIEW_ACTION_LABELS[e.action]}
            </span>
            {e.note ? <blockquote className="adm-review-note">{e.note}</blockquote> : null}
          </li>
        ))}
      </ol>
    </section>
  );
}
