"use client";
import { useId, useState, type ReactNode } from "react";

/**
 * Accessible tabs (WAI-ARIA tab pattern). All panels are rendered on the server; without
 * JavaScript the first panel shows and the others stay hidden, which is an acceptable fallback.
 */
export function RankingTabs({
  tabs,
  panels,
}: {
  tabs: { id: string; label: string }[];
  panels: ReactNode[];
}) {
  const [active, setActive] = useState(0);
  const base = useId();
  return (
    <div className="tabs">
      <div role="tablist" aria-label="统计时段" className="tablist">
        {tabs.map((t, i) => (
          <button
            key={t.id}
            type="button"
            role="tab"
            id={`${base}-tab-${i}`}
            aria-selected={i === active}
            aria-controls={`${base}-panel-${i}`}
            tabIndex={i === active ? 0 : -1}
            onClick={() => setActive(i)}
            onKeyDown={(e) => {
              if (e.key === "ArrowRight") setActive((active + 1) % tabs.length);
              if (e.key === "ArrowLeft") setActive((active - 1 + tabs.length) % tabs.length);
            }}
          >
            {t.label}
          </button>
        ))}
      </div>
      {panels.map((p, i) => (
        <div
          key={tabs[i]?.id ?? i}
          role="tabpanel"
          id={`${base}-panel-${i}`}
          aria-labelledby={`${base}-tab-${i}`}
          hidden={i !== active}
        >
          {p}
        </div>
      ))}
    </div>
  );
}
