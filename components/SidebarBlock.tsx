import type { ReactNode } from "react";

/** A titled block of the page (sidebar or below the story), one <section> with its own heading. */
export function SidebarBlock({
  title,
  id,
  children,
  more,
}: {
  title: string;
  id: string;
  children: ReactNode;
  more?: ReactNode;
}) {
  const headingId = `${id}-title`;
  return (
    <section className="block" aria-labelledby={headingId} data-block={id}>
      <div className="block-head">
        <h2 id={headingId}>{title}</h2>
        {more}
      </div>
      {children}
    </section>
  );
}
