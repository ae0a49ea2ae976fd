// Hot lists as running totals (tables HotScore and HotListState; the lists and the weight are
// defined in lib/ranking.ts), shared by both view writers (lib/sqlite.ts, lib/postgres/views.ts):
// what maintenance does and the sums it adds or takes out are decided here, once; each writer
// only runs the statements.
//
// For each list, HotScore holds per story the views of the hours inside its window and their
// weight relative to the list's epoch hour, which orders stories exactly as the decayed score
// would now. Views are added as they are written; when an hour leaves a window its bucket rows
// are taken out again (one hour of buckets: bounded by traffic, not by history); the epoch moves
// forward before the weights grow large. Reading a list is its top rows. Everything runs inside
// the writers' serialized transactions (SQLite IMMEDIATE, a PostgreSQL advisory lock), so two
// processes never take the same hour out twice. A list without a state row is built from the
// buckets of its window. Buckets of hours every list has taken out are then deleted (PRUNE_BATCH
// at a time): the view history keeps the last 30 days, whatever the site's age.
import { HOT_LISTS, REBASE_AFTER_HALF_LIVES, epochWeight, type HotList } from "@/lib/ranking";
import { HOUR_MS } from "@/lib/time";

export interface HotListStateRow {
  list: string;
  epochHour: number;
  expiredThroughHour: number;
}

/** Views of one story in one hour (hours since 1970-01-01 UTC). */
export interface HourCount {
  articleId: number;
  hour: number;
  count: number;
}

/** What to add to (or take out of) one story's row of one list. */
export interface ScoreDelta {
  articleId: number;
  weight: number;
  views: number;
}

/** View buckets removed per writer transaction once no hot list needs them. */
export const PRUNE_BATCH = 2_000;

export type HotListStep =
  /** Everything in the list has left its window: delete its scores and its state row. */
  | { kind: "drop"; list: HotList }
  /** Add the sums of the buckets of hours firstHour..lastHour and insert the state row. */
  | { kind: "build"; list: HotList; firstHour: number; lastHour: number; state: HotListStateRow }
  /** Take out the buckets of hours fromHour..toHour (weights at epochHour); drop emptied rows. */
  | { kind: "expire"; list: HotList; fromHour: number; toHour: number; epochHour: number }
  /** Multiply every weight by `factor` and move the epoch to `epochHour`. */
  | { kind: "rebase"; list: HotList; factor: number; epochHour: number };

export interface HotListPlan {
  steps: HotListStep[];
  /** Every list's state once the steps have run (for the views written in the same transaction). */
  states: Map<string, HotListStateRow>;
  /** Buckets before this hour are needed by no list any more. */
  pruneBeforeHour: number;
}

export function halfLifeOf(list: string): number | undefined {
  return (HOT_LISTS as Record<string, { halfLifeHours: number } | undefined>)[list]?.halfLifeHours;
}

/** The steps that bring every list from the stored states to the hour of `nowMs`. */
export function planHotLists(stored: readonly HotListStateRow[], nowMs: number): HotListPlan {
  const nowHour = Math.floor(nowMs / HOUR_MS);
  const states = new Map(stored.map((r) => [r.list, { ...r }]));
  const steps: HotListStep[] = [];
  for (const list of Object.keys(HOT_LISTS) as HotList[]) {
    const { hours, halfLifeHours } = HOT_LISTS[list];
    const firstHour = nowHour - hours + 1;
    let state = states.get(list);
    if (state && firstHour - 1 - state.expiredThroughHour >= hours) {
      // Everything in it has left the window (the site was down for longer than the window).
      steps.push({ kind: "drop", list });
      states.delete(list);
      state = undefined;
    }
    if (!state) {
      const built = { list, epochHour: firstHour, expiredThroughHour: firstHour - 1 };
      steps.push({ kind: "build", list, firstHour, lastHour: nowHour, state: built });
      states.set(list, { ...built });
      continue;
    }
    if (state.expiredThroughHour < firstHour - 1) {
      steps.push({
        kind: "expire",
        list,
        fromHour: state.expiredThroughHour + 1,
        toHour: firstHour - 1,
        epochHour: state.epochHour,
      });
      state.expiredThroughHour = firstHour - 1;
    }
    if (
      Number.isFinite(halfLifeHours) &&
      (nowHour - state.epochHour) / halfLifeHours > REBASE_AFTER_HALF_LIVES
    ) {
      const factor = Math.pow(2, -(firstHour - state.epochHour) / halfLifeHours);
      steps.push({ kind: "rebase", list, factor, epochHour: firstHour });
      state.epochHour = firstHour;
    }
  }
  const pruneBeforeHour = Math.min(...[...states.values()].map((s) => s.expiredThroughHour)) + 1;
  return { steps, states, pruneBeforeHour };
}

/** Per story, the weights (relative to `epochHour`) and views of bucket rows, for one list. */
export function sumHourCounts(
  rows: Iterable<HourCount>,
  epochHour: number,
  halfLifeHours: number,
): ScoreDelta[] {
  const sums = new Map<number, ScoreDelta>();
  for (const r of rows) {
    if (r.count <= 0) continue;
    const sum = sums.get(r.articleId) ?? { articleId: r.articleId, weight: 0, views: 0 };
    sum.weight += r.count * epochWeight(r.hour, epochHour, halfLifeHours);
    sum.views += r.count;
    sums.set(r.articleId, sum);
  }
  return [...sums.values()];
}

/**
 * What newly written views add to each list whose window still holds their hour (the SQLite
 * writer; PostgreSQL's difang_record_views does the same in SQL, see lib/postgres/views.ts).
 */
export function hotListAdds(
  states: ReadonlyMap<string, HotListStateRow>,
  rows: readonly HourCount[],
): (ScoreDelta & { list: string })[] {
  const adds: (ScoreDelta & { list: string })[] = [];
  for (const [list, state] of states) {
    const halfLife = halfLifeOf(list);
    if (halfLife === undefined) continue;
    const inWindow = rows.filter((r) => r.hour > state.expiredThroughHour);
    for (const d of sumHourCounts(inWindow, state.epochHour, halfLife)) adds.push({ list, ...d });
  }
  return adds;
}
