import "server-only";
// A story's live coverage as readers see it, read by the story page and by its JSON endpoint
// (app/api/live/[id]/route.ts). Cached under `article:<id>`, the tag every live write records
// (lib/live/service.ts), so a re-render of either after a write costs one read and the 20-second
// background re-renders of a warm endpoint cost none.
import { cached } from "@/lib/cache/memo";
import { getDb } from "@/lib/db";
import { TAGS, TTL } from "@/lib/data/cache-tags";
import { imageRef } from "@/lib/images/urls";
import { formatDate, formatDateTime, toBeijingIso } from "@/lib/time";
import { paragraphs } from "@/lib/live/rules";
import { LIVE_ENTRY_LIMIT, type LiveEntryView, type LiveView } from "@/lib/live/view";

const entrySelect = {
  id: true,
  body: true,
  quote: true,
  quoteBy: true,
  pinned: true,
  createdAt: true,
  correctedAt: true,
  image: { select: { key: true, width: true, height: true, alt: true, caption: true, credit: true } },
} as const;

// Null ("not a live story", the usual answer) is never kept by the cache (lib/cache/memo.ts):
// wrapped, so that it is kept like any other.
const readLive = cached(
  "getLiveCoverage",
  { ttlMs: TTL.editorial, tags: ([articleId]) => [TAGS.article(articleId)] },
  async (articleId: number): Promise<{ view: LiveView | null }> => {
    const db = await getDb();
    const coverage = await db.liveCoverage.findUnique({ where: { articleId } });
    if (!coverage) return { view: null };
    const where = { articleId, removedAt: null };
    const [newest, pinned] = await Promise.all([
      db.liveEntry.findMany({ where, orderBy: { id: "desc" }, take: LIVE_ENTRY_LIMIT, select: entrySelect }),
      db.liveEntry.findFirst({ where: { ...where, pinned: true }, select: entrySelect }),
    ]);
    // The pinned entry stays on top however old it is.
    const rows = pinned && !newest.some((e) => e.id === pinned.id) ? [...newest, pinned] : newest;
    const days = new Set(rows.map((e) => formatDate(e.createdAt)));
    const entries: LiveEntryView[] = rows.map((e) => ({
      id: e.id,
      at: toBeijingIso(e.createdAt),
      // `HH:mm`, with the date as well when the coverage spans several days.
      time: formatDateTime(e.createdAt).slice(days.size > 1 ? 5 : 11),
      body: paragraphs(e.body),
      quote: e.quote,
      quoteBy: e.quoteBy,
      image: e.image ? imageRef(e.image) : null,
      pinned: e.pinned,
      correctedAt: e.correctedAt ? toBeijingIso(e.correctedAt) : null,
    }));
    return {
      view: {
        live: coverage.endedAt === null,
        startedAt: toBeijingIso(coverage.startedAt),
        endedAt: coverage.endedAt ? toBeijingIso(coverage.endedAt) : null,
        entries,
      },
    };
  },
);

/** The live coverage of a story, or null when it was never live. Visibility is the caller's. */
export async function getLiveCoverage(articleId: number): Promise<LiveView | null> {
  return (await readLive(articleId)).view;
}
