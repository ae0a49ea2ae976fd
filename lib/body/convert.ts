// The data step of the Markdown → stored-HTML migration (run by `npm run db:migrate` after the
// schema migrations, scripts/db/convert-bodies.ts): every story with bodyFormat "markdown" and
// every revision snapshot without `bodyFormat: "html"` is converted, in batches of `batch` rows,
// each batch in its own short transaction, so a million stories never sit in memory or in one
// transaction, and a run stopped halfway picks up where it was (the rows left are exactly those
// still marked Markdown). bodyText is left as it is: the text is the same (the differences are
// counted by the dry run), and rewriting it would re-index every story for search.
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { markdownToBody } from "@/lib/body/markdown";
import { renderReaderBody } from "@/lib/body/render";
import { bodyToText } from "@/lib/body/text";
import { TAGS } from "@/lib/data/cache-tags";

export interface ConvertStats {
  stories: number;
  /** Stories whose reader HTML (bodyHtml) is not byte-for-byte what it was, by reason. */
  htmlChanged: number;
  reasons: Record<string, number>;
  /** Stories whose bodyToText differs from the stored bodyText (Markdown-stripped text). */
  textChanged: number;
  revisions: number;
  /** A few changed stories, for the report. */
  examples: { id: number; reason: string }[];
}

/** Why a converted story's reader HTML differs from the Markdown rendering (first that applies). */
export function changeReason(oldHtml: string): string {
  if (/<img\b/i.test(oldHtml)) return "body images: now <figure> with srcset/sizes/decoding";
  if (/<pre\b/i.test(oldHtml)) return "code block: now a paragraph of code";
  if (/<h[4-6]\b/i.test(oldHtml)) return "heading level 4-6: now h3";
  if (/<(b|i|u|del)\b/i.test(oldHtml)) return "b/i/u/del: now strong/em/(text)/s";
  return "other";
}

export async function convertStoredBodies(
  db: PrismaClient,
  {
    batch = 500,
    dryRun = false,
    log,
  }: { batch?: number; dryRun?: boolean; log?: (line: string) => void } = {},
): Promise<ConvertStats> {
  const stats: ConvertStats = {
    stories: 0,
    htmlChanged: 0,
    reasons: {},
    textChanged: 0,
    revisions: 0,
    examples: [],
  };
  let cursor = 0;
  for (;;) {
    const rows = await db.article.findMany({
      where: { bodyFormat: "markdown", id: { gt: cursor } },
      orderBy: { id: "asc" },
      take: batch,
      select: { id: true, body: true, bodyHtml: true, bodyText: true },
    });
    if (rows.length === 0) break;
    cursor = rows[rows.length - 1]?.id ?? cursor;
    const converted = rows.map((r) => {
      const body = markdownToBody(r.body);
      return { ...r, newBody: body, newHtml: renderReaderBody(body) };
    });
    const changed: number[] = [];
    for (const c of converted) {
      if (c.newHtml !== c.bodyHtml) {
        const reason = changeReason(c.bodyHtml);
        stats.reasons[reason] = (stats.reasons[reason] ?? 0) + 1;
        if (stats.examples.length < 10) stats.examples.push({ id: c.id, reason });
        changed.push(c.id);
      }
      if (bodyToText(c.newBody) !== c.bodyText) stats.textChanged++;
    }
    stats.stories += rows.length;
    stats.htmlChanged += changed.length;
    if (!dryRun) {
      await db.$transaction(async (tx) => {
        for (const c of converted) {
          // Only a row still in Markdown: a save made meanwhile wrote the stored form itself.
          await tx.article.updateMany({
            where: { id: c.id, bodyFormat: "markdown" },
            data: { body: c.newBody, bodyHtml: c.newHtml, bodyFormat: "html" },
          });
        }
        // The changed pages, dropped from every running process's cache as an editorial write
        // does (lib/cache/invalidate.ts; written directly: this process caches nothing, and
        // needs no app configuration to run).
        const now = new Date();
        if (changed.length > 0)
          await tx.cacheInvalidation.createMany({
            data: changed.map((id) => ({ tag: TAGS.article(id), dueAt: null, createdAt: now })),
          });
      });
    }
    log?.(`stories: ${stats.stories} converted, ${stats.htmlChanged} with changed reader HTML`);
  }

  cursor = 0;
  for (;;) {
    const rows = await db.articleRevision.findMany({
      where: { id: { gt: cursor }, NOT: { snapshot: { contains: '"bodyFormat":"html"' } } },
      orderBy: { id: "asc" },
      take: batch,
      select: { id: true, snapshot: true },
    });
    if (rows.length === 0) break;
    cursor = rows[rows.length - 1]?.id ?? cursor;
    const updates: { id: number; snapshot: string }[] = [];
    for (const r of rows) {
      let json: unknown;
      try {
        json = JSON.parse(r.snapshot);
      } catch {
        continue; // not a snapshot at all: restoring it is refused as before
      }
      if (!json || typeof json !== "object" || typeof (json as { body?: unknown }).body !== "string")
        continue;
      const snap = json as { body: string };
      updates.push({
        id: r.id,
        snapshot: JSON.stringify({ ...snap, body: markdownToBody(snap.body), bodyFormat: "html" }),
      });
    }
    stats.revisions += updates.length;
    if (!dryRun && updates.length > 0) {
      await db.$transaction(async (tx) => {
        for (const u of updates)
          await tx.articleRevision.update({ where: { id: u.id }, data: { snapshot: u.snapshot } });
      });
    }
    log?.(`revisions: ${stats.revisions} converted`);
  }
  return stats;
}
