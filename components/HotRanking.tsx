import Link from "next/link";
import type { RankedCard } from "@/lib/data/types";
import type { HotWindow } from "@/lib/ranking";
import { HOT_WINDOWS, formatHeat, heatLegend } from "@/lib/ranking";
import { RankingTabs } from "@/components/RankingTabs";

/**
 * A numbered hot list. The figure is 热度, what the list is ordered by (lib/ranking.ts heatOf),
 * so it never increases down the list; the legend and each figure's tooltip say what it is.
 */
export function RankList({
  items,
  window,
  showChannel = false,
  empty = "暂无阅读数据",
}: {
  items: RankedCard[];
  window: HotWindow;
  showChannel?: boolean;
  empty?: string;
}) {
  if (items.length === 0) return <p className="empty">{empty}</p>;
  const legend = heatLegend(window);
  return (
    <>
      <ol className="ranking">
        {items.map((a, i) => (
          <li key={a.id}>
            <span className={i < 3 ? "rank top" : "rank"} aria-hidden="true">
              {i + 1}
            </span>
            <Link href={a.href}>{a.title}</Link>
            {showChannel ? (
              <Link href={`/${a.channel.slug}`} className="rank-channel">
                {a.channel.name}
              </Link>
            ) : null}
            <span className="heat" title={legend}>
              <span className="sr-only">热度</span>
              {formatHeat(a.heat)}
            </span>
          </li>
        ))}
      </ol>
      <p className="rank-legend">{legend}</p>
    </>
  );
}

/** 热点排行: numbered lists with 热度 for 24 hours, a week and a month. */
export function HotRanking({ lists }: { lists: Record<HotWindow, RankedCard[]> }) {
  const windows = Object.keys(HOT_WINDOWS) as HotWindow[];
  return (
    <RankingTabs
      tabs={windows.map((w) => ({ id: w, label: HOT_WINDOWS[w].label }))}
      panels={windows.map((w) => (
        <RankList key={w} items={lists[w]} window={w} />
      ))}
    />
  );
}
