import Link from "next/link";
import type { RankedCard } from "@/lib/data/types";
import type { HotWindow } from "@/lib/ranking";
import { HOT_WINDOWS } from "@/lib/ranking";
import { RankingTabs } from "@/components/RankingTabs";

function RankList({ items }: { items: RankedCard[] }) {
  if (items.length === 0) return <p className="empty">暂无阅读数据</p>;
  return (
    <ol className="ranking">
      {items.map((a, i) => (
        <li key={a.id}>
          <span className={i < 3 ? "rank top" : "rank"} aria-hidden="true">
            {i + 1}
          </span>
          <Link href={a.href}>{a.title}</Link>
          <span className="views" title="阅读数">
            {a.views.toLocaleString("zh-CN")}
            <span className="sr-only">次阅读</span>
          </span>
        </li>
      ))}
    </ol>
  );
}

/** 热点排行: numbered lists with view counts for 24 hours, a week and a month. */
export function HotRanking({ lists }: { lists: Record<HotWindow, RankedCard[]> }) {
  const windows = Object.keys(HOT_WINDOWS) as HotWindow[];
  return (
    <RankingTabs
      tabs={windows.map((w) => ({ id: w, label: HOT_WINDOWS[w].label }))}
      panels={windows.map((w) => (
        <RankList key={w} items={lists[w]} />
      ))}
    />
  );
}
