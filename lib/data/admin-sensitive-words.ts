import "server-only";
// The sensitive-word lists for the admin page: one page at a time, filtered by list and text.
import { getDb } from "@/lib/db";
import type { WordKind } from "@/lib/sensitive/rules";

export const WORDS_PAGE_SIZE = 100;

export interface ListedWordRow {
  id: number;
  word: string;
  kind: WordKind;
  category: string;
  createdAt: Date;
}

export async function listSensitiveWords(filter: {
  kind: WordKind | null;
  q: string;
  page: number;
}): Promise<{ items: ListedWordRow[]; total: number; counts: Record<WordKind, number> }> {
  const db = await getDb();
  const where = {
    ...(filter.kind ? { kind: filter.kind } : {}),
    ...(filter.q ? { OR: [{ word: { contains: filter.q } }, { category: { contains: filter.q } }] } : {}),
  };
  const [rows, total, block, allow] = await Promise.all([
    db.sensitiveWord.findMany({
      where,
      orderBy: [{ category: "asc" }, { word: "asc" }],
      skip: (filter.page - 1) * WORDS_PAGE_SIZE,
      take: WORDS_PAGE_SIZE,
    }),
    db.sensitiveWord.count({ where }),
    db.sensitiveWord.count({ where: { kind: "block" } }),
    db.sensitiveWord.count({ where: { kind: "allow" } }),
  ]);
  return {
    items: rows.map((r) => ({ ...r, kind: r.kind === "allow" ? "allow" : "block" })),
    total,
    counts: { block, allow },
  };
}
