import Link from "next/link";
import type { ArticleCard } from "@/lib/data/types";
import { excerpt } from "@/lib/text";
import { TimeText } from "@/components/TimeText";
import { LeadImage } from "@/components/LeadImage";

/** Headline + ~100-character excerpt (新闻推荐, channel pages, home blocks). */
export function StoryTeasers({
  items,
  withImages = false,
  headingLevel = 3,
}: {
  items: ArticleCard[];
  withImages?: boolean;
  headingLevel?: 2 | 3;
}) {
  if (items.length === 0) return <p className="empty">暂无内容</p>;
  const H = headingLevel === 2 ? "h2" : "h3";
  return (
    <ul className="teasers">
      {items.map((a) => (
        <li key={a.id} className={withImages && a.image ? "teaser with-image" : "teaser"}>
          {withImages && a.image ? (
            <Link href={a.href} className="teaser-image" tabIndex={-1} aria-hidden="true">
              <LeadImage image={a.image} sizes="(max-width: 640px) 100vw, 200px" />
            </Link>
          ) : null}
          <div className="teaser-text">
            <H className="teaser-title">
              <Link href={a.href}>{a.title}</Link>
            </H>
            <p className="teaser-excerpt">{excerpt(a.summary, 110, 60)}</p>
            <p className="teaser-meta">
              <span>{a.channel.name}</span> <TimeText date={a.publishedAt} />
            </p>
          </div>
        </li>
      ))}
    </ul>
  );
}
