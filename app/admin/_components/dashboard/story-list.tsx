import Link from "next/link";
import type { DashboardStory } from "@/lib/data/admin-dashboard";
import { formatDateTime, toBeijingIso } from "@/lib/time";

const DAY_MS = 86_400_000;

/** `HH:mm`, or `明天 HH:mm` for a time on the Beijing day after `dayStart`. */
function when(at: Date, dayStart: Date): string {
  const time = formatDateTime(at).slice(11, 16);
  return at.getTime() >= dayStart.getTime() + DAY_MS ? `明天 ${time}` : time;
}

/** Stories with their time, channel and views; the title opens the editor, 读者页 the reader page. */
export function StoryList({
  stories,
  dayStart,
  empty,
  showViews,
}: {
  stories: readonly DashboardStory[];
  dayStart: Date;
  empty: string;
  /** Published stories: their lifetime views. */
  showViews: boolean;
}) {
  if (stories.length === 0) return <p className="adm-muted">{empty}</p>;
  return (
    <ul className="adm-dash-list">
      {stories.map((s) => (
        <li key={s.id}>
          <time dateTime={toBeijingIso(s.publishedAt)} className="adm-dash-time">
            {when(s.publishedAt, dayStart)}
          </time>
          <span className="adm-dash-main">
            <Link href={`/admin/articles/${s.id}`}>{s.title}</Link>
            <span className="adm-dash-meta">
              {s.channelName}
              {showViews ? ` · 阅读 ${s.viewCount}` : null}
              {showViews ? (
                <>
                  {" · "}
                  <a href={s.href}>
                    读者页<span className="adm-visually-hidden">：{s.title}</span>
                  </a>
                </>
              ) : null}
            </span>
          </span>
        </li>
      ))}
    </ul>
  );
}
