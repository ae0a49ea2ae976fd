import Link from "next/link";
import type { RankedStory } from "@/lib/data/admin-dashboard";

/** A reading ranking: numbered, views on the right; stories readers no longer see are marked. */
export function RankingList({ stories, label }: { stories: readonly RankedStory[]; label: string }) {
  if (stories.length === 0) return <p className="adm-muted">这段时间还没有阅读记录。</p>;
  return (
    <ol className="adm-dash-rank" aria-label={label}>
      {stories.map((s) => (
        <li key={s.id}>
          <span className="adm-dash-main">
            <Link href={`/admin/articles/${s.id}`}>{s.title}</Link>
            <span className="adm-dash-meta">
              {s.channelName}
              {" · "}
              {s.live ? (
                <a href={s.href}>
                  读者页<span className="adm-visually-hidden">：{s.title}</span>
                </a>
              ) : (
                "读者已看不到"
              )}
            </span>
          </span>
          <span className="adm-dash-views">{s.views} 次</span>
        </li>
      ))}
    </ol>
  );
}
