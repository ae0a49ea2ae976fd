import { CORRECTION_LABELS } from "@/lib/corrections/rules";
import type { StoryCorrection } from "@/lib/data/corrections";
import { TimeText } from "@/components/TimeText";

/** 更正 and 更新说明 at the end of a story, oldest first, each dated. */
export function StoryCorrections({ items }: { items: readonly StoryCorrection[] }) {
  if (items.length === 0) return null;
  return (
    <section className="story-notes" aria-label="更正与更新说明">
      {items.map((c) => (
        <p key={c.id} className={`story-note story-note-${c.kind}`}>
          <strong>{CORRECTION_LABELS[c.kind]}</strong>（<TimeText date={c.createdAt} />
          ）：{c.text}
        </p>
      ))}
    </section>
  );
}
