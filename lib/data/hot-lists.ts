import "server-only";
// Reads of the hot lists' running totals (table HotScore, kept by the view writer; README §
// Architecture › Hot lists). Every read here is the top of one index, (list, weight desc, views
// desc, articleId), never the view buckets.
import { maintainHotLists } from "@/lib/views/record-view";
import { getDb } from "@/lib/db";
import { listCardsByIds } from "@/lib/data/articles";
import { isVisible } from "@/lib/data/visibility";
import { HOT_LISTS, heatOf, type HotList } from "@/lib/ranking";
import type { RankedCard } from "@/lib/data/types";

const ORDER = [{ weight: "desc" }, { views: "desc" }, { articleId: "asc" }] as const;

interface ScoreRow {
  articleId: number;
  weight: number;
  views: number;
}

/** The list's epoch hour, after bringing the list up to `nowMs` (hours that left its window). */
async function epochOf(list: HotList, nowMs: number): Promise<number> {
  await maintainHotLists(nowMs);
  const db = await getDb();
  const state = await db.hotListState.findUnique({ where: { list }, select: { epochHour: true } });
  // No state row means no totals either: any epoch gives the same (empty) list.
  return state?.epochHour ?? Math.floor(nowMs / 3_600_000);
}

/** Cards for `rows` (in their order, visible stories only), with views and 热度. */
async function rankedCards(
  list: HotList,
  rows: readonly ScoreRow[],
  epochHour: number,
  limit: number,
  nowMs: number,
): Promise<RankedCard[]> {
  const cards = await listCardsByIds(
    rows.map((r) => r.articleId),
    nowMs,
  );
  const byId = new Map(rows.map((r) => [r.articleId, r]));
  const { halfLifeHours } = HOT_LISTS[list];
  return cards.slice(0, limit).map((c) => {
    const row = byId.get(c.id);
    return {
      ...c,
      views: row?.views ?? 0,
      heat: row ? heatOf(row.weight, epochHour, nowMs, halfLifeHours) : 0,
    };
  });
}

/**
 * The top of a hot list, site-wide: the first rows of one index, whatever the traffic and
 * history. Reads twice as many as needed: a ranked story may have been unpublished since it was read.
 */
export async function topOfHotList(list: HotList, limit: number, nowMs: number): Promise<RankedCard[]> {
  const epochHour = await epochOf(list, nowMs);
  const db = await getDb();
  const rows = await db.hotScore.findMany({
    where: { list },
    orderBy: [...ORDER],
    take: limit * 2,
    select: { articleId: true, weight: true, views: true },
  });
  return rankedCards(list, rows, epochHour, limit, nowMs);
}

/**
 * How far down a list a channel's top is looked for: the list's index is read in growing chunks
 * (offsets 0, 200, 1,000), so a channel with a fair share of the traffic is found in the first
 * chunk, and a quiet one costs at most HOT_CHANNEL_SCAN index entries (the index covers weight,
 * views and articleId: no table row is read) plus as many primary-key lookups of Article (its
 * channel and visibility), about a millisecond on SQLite. Stories of the channel ranked below
 * that are not shown; at a million stories that is far below the first 50 of any channel with
 * readers.
 */
const HOT_CHANNEL_CHUNKS = [200, 800, 3_000] as const;
export const HOT_CHANNEL_SCAN = HOT_CHANNEL_CHUNKS.reduce((a, b) => a + b, 0);

/**
 * The top of a hot list within some channels (one channel: /rank; a city's channels: its pages'
 * sidebars). HotScore has no channel column (the view writer keeps it per story), so the list is
 * walked from the top, HOT_CHANNEL_CHUNKS at a time, keeping the channels' visible stories until
 * `limit` are found or HOT_CHANNEL_SCAN rows were read: bounded whatever the table's size.
 */
export async function topOfHotListInChannels(
  list: HotList,
  channelIds: readonly number[],
  limit: number,
  nowMs: number,
): Promise<RankedCard[]> {
  const epochHour = await epochOf(list, nowMs);
  const db = await getDb();
  const found: ScoreRow[] = [];
  let offset = 0;
  for (const size of HOT_CHANNEL_CHUNKS) {
    const rows = await db.hotScore.findMany({
      where: { list },
      orderBy: [...ORDER],
      skip: offset,
      take: size,
      select: { articleId: true, weight: true, views: true },
    });
    offset += rows.length;
    const inChannel = new Set(
      // By primary key, channel and visibility checked here (see listCardsByIds).
      (
        await db.article.findMany({
          where: { id: { in: rows.map((r) => r.articleId) } },
          select: { id: true, channelId: true, status: true, publishedAt: true, unpublishAt: true },
        })
      )
        .filter((a) => channelIds.includes(a.channelId) && isVisible(a, nowMs))
        .map((a) => a.id),
    );
    found.push(...rows.filter((r) => inChannel.has(r.articleId)));
    if (found.length >= limit || rows.length < size) break;
  }
  return rankedCards(list, found.slice(0, limit), epochHour, limit, nowMs);
}
