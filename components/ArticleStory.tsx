import Link from "next/link";
import { linkedByline, type BylineAuthor } from "@/lib/authors/byline";
import type { ReactNode } from "react";
import type { ImageRef } from "@/lib/data/types";
import type { StoryCorrection } from "@/lib/data/corrections";
import { LeadImage } from "@/components/LeadImage";
import { StoryCorrections } from "@/components/StoryCorrections";
import { TimeText } from "@/components/TimeText";
import { StoryBody } from "@/components/StoryBody";

export interface StoryView {
  title: string;
  source: string;
  publishedAt: Date | null;
  image: ImageRef | null;
  /** Sanitized HTML (lib/body/render.ts renders it when the story is saved). */
  bodyHtml: string;
  byline: string;
  /** Profiles the byline names, whose names become links to their pages (none in the preview). */
  authors?: readonly BylineAuthor[];
  tags: { name: string; href: string }[];
  /** 更正 and 更新说明 added after publication (none in the preview of a draft). */
  corrections?: readonly StoryCorrection[];
}

/**
 * The story itself: title, meta line (来源 · time · site address), lead image, body, byline,
 * tags. Shared by the reader page and the editors' preview so that the preview is exact.
 */
export function ArticleStory({
  story,
  siteName,
  siteHost,
  gallery,
}: {
  story: StoryView;
  siteName: string;
  siteHost: string;
  /** A gallery story's <Gallery>, shown where the lead image would be (which then only covers lists). */
  gallery?: ReactNode;
}) {
  return (
    <article className="story" aria-labelledby="story-title">
      <header>
        <h1 id="story-title">{story.title}</h1>
        <p className="story-meta">
          <span>来源：{story.source || siteName}</span>
          {story.publishedAt ? <TimeText date={story.publishedAt} /> : <span>（未定发布时间）</span>}
          <span>{siteHost}</span>
        </p>
      </header>
      {gallery ? (
        gallery
      ) : story.image ? (
        <figure className="story-figure">
          <LeadImage image={story.image} sizes="(max-width: 960px) 100vw, 760px" priority />
          {story.image.caption || story.image.credit ? (
            <figcaption>
              {story.image.caption}
              {story.image.credit ? <span className="credit">（{story.image.credit}）</span> : null}
            </figcaption>
          ) : null}
        </figure>
      ) : null}
      <StoryBody html={story.bodyHtml} />
      {story.byline ? (
        <p className="byline">
          {linkedByline(story.byline, story.authors ?? []).map((part, i) =>
            part.href ? (
              <Link key={i} href={part.href} rel="author">
                {part.text}
              </Link>
            ) : (
              part.text
            ),
          )}
        </p>
      ) : null}
      <StoryCorrections items={story.corrections ?? []} />
      {story.tags.length > 0 ? (
        <ul className="story-tags" aria-label="标签">
          {story.tags.map((t) => (
            <li key={t.name}>
              <Link href={t.href}>{t.name}</Link>
            </li>
          ))}
        </ul>
      ) : null}
    </article>
  );
}
