// What does a search for a word of one or two characters cost on a large archive? Times
// searchArticleIds (the search page's one id read, no cache) for each word, and prints how many
// stories it found and whether it stopped at the cap.
//
//   npm run bench:short-search -- --db file:<path> [--runs 5] 融安 鹿 柳州 市
//
// The database is only read. Words default to a rare and a common word of one and of two characters
// in the text of `npm run seed:large` (鹿 and 融安 are rare there, 市 and 柳州 common).
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";

const { values: opts, positionals } = parseArgs({
  options: { db: { type: "string" }, runs: { type: "string", default: "5" } },
  allowPositionals: true,
});
if (opts.db === undefined || !opts.db.startsWith("file:")) throw new Error("--db file:<path> is required");
process.env.DATABASE_URL = opts.db;
const RUNS = Number(opts.runs);
const WORDS = positionals.length > 0 ? positionals : ["鹿", "融安", "市", "柳州"];

async function main(): Promise<void> {
  const { getDb } = await import("@/lib/db");
  const { searchArticleIds } = await import("@/lib/search-store");
  const { parseSearchQuery } = await import("@/lib/search-text");
  const db = await getDb();
  const now = new Date();
  console.log(`ms, median / fastest of ${RUNS} (the first run, from a cold page cache, apart)`);
  for (const word of WORDS) {
    const parsed = parseSearchQuery(word);
    if (parsed.kind !== "ok") throw new Error(`not a query: ${word}`);
    const run = () =>
      searchArticleIds(db, { terms: parsed.terms, channelId: null, now, limit: 20, offset: 0 });
    const t0 = performance.now();
    const first = await run();
    const cold = performance.now() - t0;
    const runs: number[] = [];
    for (let r = 0; r < RUNS; r++) {
      const t = performance.now();
      await run();
      runs.push(performance.now() - t);
    }
    runs.sort((a, b) => a - b);
    console.log(
      `${word.padEnd(4, "　")} ${String(first.total).padStart(5)}${first.capped ? "+" : " "} found · first ${cold.toFixed(1)} · ${runs[RUNS >> 1]!.toFixed(1)} / ${runs[0]!.toFixed(1)}`,
    );
  }
  await db.$disconnect();
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
