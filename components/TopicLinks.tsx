import Link from "next/link";
import type { TopicCard, TopicLink } from "@/lib/data/topics";
import { excerpt } from "@/lib/text";
import { LeadImage } from "@/components/LeadImage";
import { SidebarBlock } from "@/components/SidebarBlock";

/** The home page's 专题 block: the topics editors chose, nothing when there is none. */
export function HomeTopics({ items }: { items: TopicCard[] }) {
  if (items.length === 0) return null;
  return (
    <SidebarBlock
      title="专题"
      id="home-topics"
      more={
        <Link href="/zhuanti" className="more" aria-label="专题：更多">
          更多 ›
        </Link>
      }
    >
      <ul className="topic-cards topic-cards-home">
        {items.map((t) => (
          <li key={t.slug} className="topic-card">
            {t.image ? (
              <Link href={t.href} className="topic-card-image" tabIndex={-1} aria-hidden="true">
                <LeadImage image={t.image} sizes="120px" />
              </Link>
            ) : null}
            <div>
              <h3 className="teaser-title">
                <Link href={t.href}>{t.title}</Link>
              </h3>
              <p className="teaser-excerpt">{excerpt(t.intro, 60, 30)}</p>
            </div>
          </li>
        ))}
      </ul>
    </SidebarBlock>
  );
}

/** 本文所属专题: under a story, the published topics it belongs to. */
export function StoryTopics({ items }: { items: TopicLink[] }) {
  if (items.length === 0) return null;
  return (
    <p className="story-topics">
      本文所属专题：
      {items.map((t, i) => (
        <span key={t.href}>
          {i > 0 ? "、" : null}
          <Link href={t.href}>{t.title}</Link>
        </span>
      ))}
    </p>
  );
}
