import "server-only";
import { authorHref } from "@/lib/authors/byline";
import { cached } from "@/lib/cache/memo";
import { getDb } from "@/lib/db";
import { TAGS, TTL } from "@/lib/data/cache-tags";
import { listCardsByIds } from "@/lib/data/articles";
import { linkVisibleWhere } from "@/lib/data/visibility";
import { withdrawnIds } from "@/lib/data/withdrawn";
import type { ArticleCard, ImageRef } from "@/lib/data/types";
import { imageRef } from "@/lib/images/urls";
import { PAGE_SIZE } from "@/lib/pagination";

/** A reporter's profile as the author page shows it. */
export interface AuthorProfile {
  id: number;
  slug: string;
  href: string;
  name: string;
  desk: string;
  bio: string;
  photo: ImageRef | null;
}

export interface AuthorStoriesPage {
  items: ArticleCard[];
  total: number;
}

/** A profile by its slug; profile writes drop the `authors` tag (lib/authors/service.ts). */
export const getAuthorBySlug = cached(
  "getAuthorBySlug",
  { ttlMs: TTL.editorial, tags: () => [TAGS.authors] },
  async (slug: string): Promise<AuthorProfile | null> => {
    // Slugs are lower-case ASCII (lib/authors/rules.ts): anything else names no one, without a query.
    if (!/^[a-z][a-z0-9-]{1,39}$/.test(slug)) return null;
    const db = await getDb();
    const row = await db.author.findUnique({
      where: { slug },
      select: {
        id: true,
        slug: true,
        name: true,
        desk: true,
        bio: true,
        photo: { select: { key: true, width: true, height: true, alt: true, caption: true, credit: true } },
      },
    });
    if (!row) return null;
    return {
      ...row,
      href: authorHref(row.slug),
      // The photo shows the reporter, whatever the image was uploaded with.
      photo: row.photo ? imageRef({ ...row.photo, alt: row.name }) : null,
    };
  },
);

/**
 * One page of a reporter's visible stories, newest first: one range of the (authorId, status,
 * publishedAt, articleId) index of the byline links, which carry their story's status and time.
 */
export const listAuthorArticles = cached(
  "listAuthorArticles",
  {
    ttlMs: TTL.lists,
    tags: () => [TAGS.site, TAGS.authors],
    // A page number past the end (a scanner counting up) is not kept: it would push real pages out.
    keep: (page) => page.items.length > 0,
  },
  async (authorId: number, page: number, nowMs: number): Promise<AuthorStoriesPage> => {
    const db = await getDb();
    const where = { authorId, ...linkVisibleWhere(nowMs, await withdrawnIds(nowMs)) };
    const [total, links] = await Promise.all([
      db.articleAuthor.count({ where }),
      db.articleAuthor.findMany({
        where,
        orderBy: [{ publishedAt: "desc" }, { articleId: "desc" }],
        skip: (page - 1) * PAGE_SIZE,
        take: PAGE_SIZE,
        select: { articleId: true },
      }),
    ]);
    return {
      items: await listCardsByIds(
        links.map((l) => l.articleId),
        nowMs,
      ),
      total,
    };
  },
);

/** Most author pages the sitemap lists (a newsroom has dozens). */
const SITEMAP_AUTHORS_MAX = 2_000;

/** Reporters with a visible story, each with the time of their newest one (sitemap). */
export const listSitemapAuthors = cached(
  "listSitemapAuthors",
  { ttlMs: TTL.lists, tags: () => [TAGS.site, TAGS.authors] },
  async (nowMs: number): Promise<{ href: string; lastModified: Date }[]> => {
    const db = await getDb();
    const withdrawn = await withdrawnIds(nowMs);
    const rows = await db.author.findMany({
      orderBy: { id: "asc" },
      take: SITEMAP_AUTHORS_MAX,
      select: {
        slug: true,
        articles: {
          where: linkVisibleWhere(nowMs, withdrawn),
          orderBy: [{ publishedAt: "desc" }, { articleId: "desc" }],
          take: 1,
          select: { publishedAt: true },
        },
      },
    });
    return rows.flatMap((r) => {
      const newest = r.articles[0]?.publishedAt;
      return newest ? [{ href: authorHref(r.slug), lastModified: newest }] : [];
    });
  },
);
