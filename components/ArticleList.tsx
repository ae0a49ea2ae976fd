import Link from "next/link";
import type { ArticleCard } from "@/lib/data/types";
import { TimeText } from "@/components/TimeText";

/** Headlines with publish dates: 相关新闻, channel blocks, simple lists. */
export function ArticleList({
  items,
  showTime = true,
  showChannel = false,
  empty = "暂无内容",
}: {
  items: ArticleCard[];
  showTime?: boolean;
  showChannel?: boolean;
  empty?: string;
}) {
  if (items.length === 0) return <p className="empty">{empty}</p>;
  return (
    <ul className="list">
      {items.map((a) => (
        <li key={a.id}>
          {showChannel ? <span className="tagline">[{a.channel.name.replace(/新闻$/, "")}]</span> : null}
          <Link href={a.href}>{a.title}</Link>
          {showTime ? <TimeText date={a.publishedAt} compact /> : null}
        </li>
      ))}
    </ul>
  );
}

/** Bulleted headline list without dates: 频道推荐, 热点阅读, 乡里乡亲. */
export function BulletList({ items, empty = "暂无内容" }: { items: ArticleCard[]; empty?: string }) {
  if (items.length === 0) return <p className="empty">{empty}</p>;
  return (
    <ul className="bullets">
      {items.map((a) => (
        <li key={a.id}>
          <Link href={a.href}>{a.title}</Link>
        </li>
      ))}
    </ul>
  );
}
