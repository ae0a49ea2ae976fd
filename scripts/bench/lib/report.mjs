// Ratios, the printed tables and the JSON shape of scripts/bench/run.mjs. Pure functions
// (unit-tested in bench.test.mjs).

export const RESULT_SCHEMA = "difang-bench/1";

/** The three baselines every target is compared with, in table order. */
export const BASELINES = [
  { key: "rawNode", label: "raw node", short: "node" },
  { key: "staticNext", label: "static next", short: "next" },
  { key: "nginxStatic", label: "nginx static", short: "nginx" },
];

const finite = (n) => typeof n === "number" && Number.isFinite(n);
const round = (n, digits) => (finite(n) ? Math.round(n * 10 ** digits) / 10 ** digits : null);

/**
 * A target's req/s and p99 relative to one baseline run: rps = target/baseline (1 = as fast),
 * p99 = target/baseline (1 = as low). null when either side is missing or zero.
 */
export function ratio(run, baseline) {
  if (!run || !baseline) return { rps: null, p99: null };
  return {
    rps: baseline.rps > 0 ? round(run.rps / baseline.rps, 4) : null,
    p99: baseline.latencyMs?.p99 > 0 ? round(run.latencyMs.p99 / baseline.latencyMs.p99, 2) : null,
  };
}

/**
 * Attaches `ratios` to every run: against each baseline measured at the same concurrency.
 * @param {Array<{ connections: number, rps: number, latencyMs: { p99: number } }>} runs
 * @param {Record<string, Record<number, { rps: number, latencyMs: { p99: number } }>>} baselines
 *   baseline key -> connections -> run
 */
export function withRatios(runs, baselines) {
  return runs.map((run) => ({
    ...run,
    ratios: Object.fromEntries(
      BASELINES.map(({ key }) => [key, ratio(run, baselines[key]?.[run.connections])]),
    ),
  }));
}

/** Two processes behind nginx (no cache) over one process: the scaling factor, >= 1.6 wanted. */
export function scaling(oneProcess, twoProcesses, target = 1.6) {
  if (!oneProcess || !twoProcesses || !(oneProcess.rps > 0)) return null;
  const factor = round(twoProcesses.rps / oneProcess.rps, 2);
  return {
    oneProcessRps: oneProcess.rps,
    twoProcessesRps: twoProcesses.rps,
    factor,
    target,
    meetsTarget: factor >= target,
  };
}

/**
 * Alternating runs of two targets (a, b, a, b, …): req/s of `b` over `a` in each round and their
 * median. On a shared machine the load from other work changes from one run to the next; runs
 * side by side, repeated, give a ratio that single runs minutes apart do not.
 * @param {{ a: { rps: number }, b: { rps: number } }[]} rounds
 * @param {number} target the ratio wanted (b/a)
 */
export function alternation(rounds, target) {
  const ratios = rounds.filter((r) => r.a.rps > 0).map((r) => round(r.b.rps / r.a.rps, 2));
  const sorted = [...ratios].sort((x, y) => x - y);
  const mid = sorted.length >> 1;
  const median =
    sorted.length === 0
      ? null
      : sorted.length % 2
        ? sorted[mid]
        : round((sorted[mid - 1] + sorted[mid]) / 2, 2);
  return {
    rounds: rounds.map((r) => ({ aRps: r.a.rps, bRps: r.b.rps })),
    ratios,
    median,
    target,
    meetsTarget: median !== null && median >= target,
  };
}

/** The file name of a result: bench/results/<ISO timestamp>.json, safe on every file system. */
export function resultFileName(date) {
  return `${date
    .toISOString()
    .replace(/:/g, "-")
    .replace(/\.\d+Z$/, "Z")}.json`;
}

/** The JSON written to bench/results/. */
export function buildResult({
  startedAt,
  finishedAt,
  machine,
  settings,
  database,
  targets,
  runs,
  baselines,
  scaling: sc,
  scalingLimits = null,
  alternations = null,
  freshness,
  liveQueries = null,
  jsWeight,
  sizes,
  errors,
}) {
  return {
    schema: RESULT_SCHEMA,
    startedAt: startedAt.toISOString(),
    finishedAt: finishedAt.toISOString(),
    wallSeconds: round((finishedAt.getTime() - startedAt.getTime()) / 1000, 1),
    machine,
    settings,
    database,
    targets,
    baselines,
    runs: withRatios(runs, baselines),
    scaling: sc,
    scalingLimits,
    alternations,
    freshness,
    liveQueries,
    jsWeight,
    sizes,
    errors,
  };
}

// ---- Printing.

const fmtNum = (n, digits = 0) =>
  finite(n)
    ? n.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits })
    : "–";
const fmtPct = (r) =>
  finite(r) ? (r >= 0.995 ? `${r.toFixed(2)}×` : `${(r * 100).toFixed(r < 0.1 ? 1 : 0)}%`) : "–";
const fmtTimes = (r) =>
  finite(r) ? `${r < 0.1 ? r.toFixed(2) : r < 10 ? r.toFixed(1) : Math.round(r)}×` : "–";

/** A plain-text table: first column left-aligned, the others right-aligned. */
export function formatTable(header, rows) {
  const all = [header, ...rows].map((r) => r.map((c) => String(c)));
  const width = (s) => [...s].reduce((w, ch) => w + (/[\u1100-\uffff]/.test(ch) ? 2 : 1), 0);
  const widths = header.map((_, i) => Math.max(...all.map((r) => width(r[i] ?? ""))));
  const pad = (s, i) => {
    const fill = " ".repeat(widths[i] - width(s));
    return i === 0 ? s + fill : fill + s;
  };
  const lines = all.map((r) => r.map(pad).join("  ").trimEnd());
  lines.splice(1, 0, widths.map((w) => "-".repeat(w)).join("  "));
  return lines.join("\n");
}

/** The main table: one row per run, with its ratios to the baselines at the same concurrency. */
export function formatRunsTable(runs) {
  const header = [
    "target",
    "c",
    "req/s",
    "p50 ms",
    "p99 ms",
    "KiB/resp",
    "non-2xx",
    ...BASELINES.map((b) => `rps/${b.short}`),
    ...BASELINES.map((b) => `p99/${b.short}`),
  ];
  const rows = runs.map((r) => [
    r.name,
    r.connections,
    fmtNum(r.rps),
    fmtNum(r.latencyMs.p50, 1),
    fmtNum(r.latencyMs.p99, 1),
    fmtNum(r.bytesPerResponse / 1024, 1),
    r.non2xx + (r.socketErrors ? ` (+${r.socketErrors} sock)` : ""),
    ...BASELINES.map((b) => fmtPct(r.ratios?.[b.key]?.rps)),
    ...BASELINES.map((b) => fmtTimes(r.ratios?.[b.key]?.p99)),
  ]);
  return formatTable(header, rows);
}

/** JS weight table: per page, HTML bytes and the gzip size of the scripts it references. */
export function formatJsWeightTable(jsWeight) {
  const header = ["page", "HTML KiB", "scripts", "JS KiB", "JS gzip KiB", "gzip over floor KiB"];
  const rows = Object.entries(jsWeight.pages).map(([name, p]) => [
    name,
    fmtNum(p.htmlBytes / 1024, 1),
    p.scripts,
    fmtNum(p.jsBytes / 1024, 1),
    fmtNum(p.jsGzipBytes / 1024, 1),
    name === jsWeight.floorPage ? "(floor)" : fmtNum(jsWeight.gzipBytesOverFloor[name] / 1024, 1),
  ]);
  return formatTable(header, rows);
}

/** JS weight summary from per-page measurements: app pages minus the static fixture (Next's floor). */
export function jsWeightSummary(pages, floorPage, method) {
  const floor = pages[floorPage];
  const overFloor = Object.fromEntries(
    Object.entries(pages)
      .filter(([name]) => name !== floorPage)
      .map(([name, p]) => [name, floor ? p.jsGzipBytes - floor.jsGzipBytes : NaN]),
  );
  return { method, floorPage, pages, gzipBytesOverFloor: overFloor };
}
