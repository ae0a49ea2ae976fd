import type { ReactNode } from "react";

/**
 * One block of the desk dashboard: a titled section with an optional count and a link to the
 * full list. The dashboard is a column of these (two on wide screens), so a new block, such as
 * the review inbox (待我处理), is one more <DashboardPanel> placed first.
 */
export function DashboardPanel({
  id,
  title,
  count,
  more,
  wide = false,
  children,
}: {
  /** Unique on the page: the heading's id and the section's data-panel (tests). */
  id: string;
  title: string;
  count?: number;
  more?: ReactNode;
  /** Spans both columns on wide screens (charts). */
  wide?: boolean;
  children: ReactNode;
}) {
  return (
    <section
      aria-labelledby={`${id}-heading`}
      className={wide ? "adm-panel adm-dash-panel adm-dash-wide" : "adm-panel adm-dash-panel"}
      data-panel={id}
    >
      <div className="adm-dash-head">
        <h2 id={`${id}-heading`}>
          {title}
          {count !== undefined ? <span className="adm-dash-count">{count}</span> : null}
        </h2>
        {more}
      </div>
      {children}
    </section>
  );
}
