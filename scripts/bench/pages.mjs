// Reader-page load benchmark against a running `next start` on loopback (npm run portal).
// Baseline in the same run: /api/health (a route that does one tiny indexed count), so the numbers
// can be compared across machines as "page cost over the framework's floor".
//
//   node scripts/bench/pages.mjs [baseUrl] [seconds-per-target]
// Defaults: http://127.0.0.1:3000, 5 s, 10 connections. Only loopback addresses are accepted.
import autocannon from "autocannon";

const base = (process.argv[2] ?? "http://127.0.0.1:3000").replace(/\/+$/, "");
const seconds = Number(process.argv[3] ?? 5);
const host = new URL(base).hostname;
if (!["127.0.0.1", "localhost", "::1", "[::1]"].includes(host)) {
  console.error(`refusing to load ${base}: loopback only`);
  process.exit(2);
}

async function firstArticle() {
  const html = await (await fetch(`${base}/liujiang`)).text();
  const m = /href="(\/liujiang\/\d+)"/.exec(html);
  if (!m) throw new Error("no article link on /liujiang: is the portal seeded?");
  return m[1];
}

function run(path) {
  return new Promise((resolve, reject) => {
    autocannon({ url: base + path, connections: 10, duration: seconds }, (err, r) =>
      err ? reject(err) : resolve(r),
    );
  });
}

const article = await firstArticle();
const targets = ["/api/health", "/", "/liujiang", "/liujiang?page=2", article];
console.log(`target                    req/s    p50 ms  p99 ms  non-2xx  KiB/resp`);
for (const path of targets) {
  // Warm the caches first: this measures the steady state readers see.
  await fetch(base + path);
  const r = await run(path);
  const kib = r.requests.total ? r.throughput.total / r.requests.total / 1024 : 0;
  console.log(
    `${path.padEnd(24)} ${r.requests.average.toFixed(0).padStart(7)} ${String(r.latency.p50).padStart(8)} ${String(r.latency.p99).padStart(7)} ${String(r.non2xx).padStart(8)} ${kib.toFixed(1).padStart(9)}`,
  );
}
