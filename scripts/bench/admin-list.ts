// Does the editor's story list stay fast on a large archive? Times listAdminArticles (the page's
// one read of stories; lib/data/admin-articles.ts) for each kind of page: the first, one deep in
// the archive and near its end through a cursor, back from there, each filter and a channel with
// a status, and title searches for common and rare words, alone and with filters. Prints the
// median and the slowest of N runs per page in ms, and how many stories each page showed.
//
//   npm run bench:admin-list -- --db file:./data/large/difang.db [--runs 7] [words…]
//
// The database is only read. Without words, the common and rare ones below.
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";

const { values: opts, positionals } = parseArgs({
  options: {
    db: { type: "string", default: "file:./data/large/difang.db" },
    runs: { type: "string", default: "7" },
  },
  allowPositionals: true,
});
if (!opts.db.startsWith("file:")) throw new Error("--db must be a file: URL");
process.env.DATABASE_URL = opts.db;
const RUNS = Number(opts.runs);

// Common in titles (a place of the largest channel, a frequent subject) and rare (a place of a
// small county, a word that occurs in a few titles only, one found nowhere), of one to four characters.
const WORDS =
  positionals.length > 0
    ? positionals
    : ["柳州", "柳州市", "乡村振兴", "融安", "鹿", "金桔", "芦笙节", "三门江", "无此标题词"];

async function main(): Promise<void> {
  const { getDb } = await import("@/lib/db");
  const { listAdminArticles } = await import("@/lib/data/admin-articles");
  type Filter = Parameters<typeof listAdminArticles>[0];
  const db = await getDb();
  const stories = await db.article.count();
  const now = Date.now();
  const [oldest, newest] = await Promise.all([
    db.article.findFirst({ orderBy: [{ updatedAt: "asc" }, { id: "asc" }], select: { updatedAt: true } }),
    db.article.findFirst({ orderBy: [{ updatedAt: "desc" }, { id: "desc" }], select: { updatedAt: true } }),
  ]);
  if (!oldest || !newest) throw new Error("no stories");
  // A place in the list: the story last changed at or before a point between the newest and oldest change.
  const at = async (share: number) => {
    const t = new Date(
      newest.updatedAt.getTime() - share * (newest.updatedAt.getTime() - oldest.updatedAt.getTime()),
    );
    const row = await db.article.findFirst({
      where: { updatedAt: { lte: t } },
      orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
      select: { updatedAt: true, id: true },
    });
    if (!row) throw new Error("no story at that point");
    return row;
  };
  const [middle, nearEnd] = [await at(0.5), await at(0.98)];
  const largest = await db.article.groupBy({
    by: ["channelId"],
    _count: { _all: true },
    orderBy: { _count: { channelId: "desc" } },
    take: 1,
  });
  const smallest = await db.article.groupBy({
    by: ["channelId"],
    _count: { _all: true },
    orderBy: { _count: { channelId: "asc" } },
    take: 1,
  });
  const big = largest[0]?.channelId ?? null;
  const small = smallest[0]?.channelId ?? null;
  console.log(
    `${stories.toLocaleString("en")} stories; largest channel ${big} (${largest[0]?._count._all.toLocaleString("en")}), smallest ${small} (${smallest[0]?._count._all.toLocaleString("en")}); ${RUNS} runs each`,
  );

  const none: Filter = { q: "", channelId: null, status: null, after: null, before: null };
  const cases: [string, Filter][] = [
    ["first page", none],
    ["middle of the archive (after=)", { ...none, after: middle }],
    ["near the end (after=)", { ...none, after: nearEnd }],
    ["back from the middle (before=)", { ...none, before: middle }],
    ["largest channel", { ...none, channelId: big }],
    ["largest channel, middle", { ...none, channelId: big, after: middle }],
    ["smallest channel", { ...none, channelId: small }],
    ...(["published", "scheduled", "draft", "unpublished"] as const).map((s): [string, Filter] => [
      `status ${s}`,
      { ...none, status: s },
    ]),
    ["status published, middle", { ...none, status: "published", after: middle }],
    ["largest channel + published", { ...none, channelId: big, status: "published" }],
    ["smallest channel + draft", { ...none, channelId: small, status: "draft" }],
    ...WORDS.map((w): [string, Filter] => [`title ${w}`, { ...none, q: w }]),
    ...WORDS.slice(0, 4).map((w): [string, Filter] => [
      `title ${w}, middle`,
      { ...none, q: w, after: middle },
    ]),
    ...WORDS.slice(3, 6).map((w): [string, Filter] => [
      `title ${w} + largest channel`,
      { ...none, q: w, channelId: big },
    ]),
    [
      "title 柳州 + smallest channel + published",
      { ...none, q: "柳州", channelId: small, status: "published" },
    ],
    ["title 融安 新闻 (two words)", { ...none, q: "融安 新闻" }],
  ];
  console.log("| page | stories shown | median ms | slowest ms |\n| --- | ---: | ---: | ---: |");
  let worst = 0;
  for (const [name, filter] of cases) {
    const runs: number[] = [];
    let shown = 0;
    for (let r = 0; r < RUNS; r++) {
      const t0 = performance.now();
      const page = await listAdminArticles(filter, now);
      runs.push(performance.now() - t0);
      shown = page.items.length;
    }
    runs.sort((a, b) => a - b);
    const median = runs[runs.length >> 1] ?? 0;
    worst = Math.max(worst, median);
    console.log(`| ${name} | ${shown} | ${median.toFixed(1)} | ${(runs.at(-1) ?? 0).toFixed(1)} |`);
  }
  console.log(`slowest median: ${worst.toFixed(1)} ms`);
  await db.$disconnect();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
