// wrk (and autocannon) helpers for scripts/bench/run.mjs: the Lua script given to wrk, and the
// parsing of what it prints into one result shape. Pure functions (unit-tested in bench.test.mjs).

/** Marker of the JSON line printed by the Lua `done` callback. */
export const WRK_JSON_MARKER = "WRK_JSON ";

const luaString = (s) => `"${String(s).replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\n/g, "\\n")}"`;

/**
 * The Lua script for one wrk run: method, headers, optional body, optionally a different client
 * address (X-Forwarded-For) on every request, and a `done` callback that prints the exact
 * figures as one JSON line (wrk's own text output rounds them).
 *
 * @param {{ method?: string, headers?: Record<string, string>, body?: string, varyClientAddress?: boolean }} [opts]
 */
export function wrkLuaScript({ method = "GET", headers = {}, body, varyClientAddress = false } = {}) {
  const lines = [`wrk.method = ${luaString(method)}`];
  for (const [name, value] of Object.entries(headers))
    lines.push(`wrk.headers[${luaString(name)}] = ${luaString(value)}`);
  if (body !== undefined) lines.push(`wrk.body = ${luaString(body)}`);
  if (varyClientAddress) {
    // Every request from another reader: 10.t.x.y, distinct per thread and request.
    lines.push(
      "local thread_no = 0",
      "local counter = 0",
      "function setup(thread) thread_no = thread_no + 1; thread:set('id', thread_no) end",
      "function init(args) counter = (id or 1) * 4000000 end",
      "function request()",
      "  counter = counter + 1",
      "  wrk.headers['X-Forwarded-For'] = string.format('10.%d.%d.%d', math.floor(counter / 65536) % 256, math.floor(counter / 256) % 256, counter % 256)",
      "  return wrk.format()",
      "end",
    );
  }
  lines.push(
    "function done(summary, latency, requests)",
    "  local e = summary.errors",
    `  io.write(string.format('${WRK_JSON_MARKER}{"requests":%d,"duration_us":%d,"bytes":%d,"errors":{"connect":%d,"read":%d,"write":%d,"status":%d,"timeout":%d},"latency_us":{"min":%d,"max":%d,"mean":%.1f,"stdev":%.1f,"p50":%d,"p75":%d,"p90":%d,"p99":%d,"p999":%d}}\\n',`,
    "    summary.requests, summary.duration, summary.bytes, e.connect, e.read, e.write, e.status, e.timeout,",
    "    latency.min, latency.max, latency.mean, latency.stdev, latency:percentile(50), latency:percentile(75),",
    "    latency:percentile(90), latency:percentile(99), latency:percentile(99.9)))",
    "end",
  );
  return lines.join("\n") + "\n";
}

const round = (n, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;

/**
 * One load run, whatever the tool:
 * rps, latency in ms (p50/p75/p90/p99/p999/mean/max), requests, bytes per response (headers
 * included), non2xx (wrk: responses with status >= 400, its "Non-2xx or 3xx responses"),
 * socketErrors (connect + read + write + timeout).
 * @typedef {{ tool: string, requests: number, durationS: number, rps: number,
 *   latencyMs: { p50: number, p75: number, p90: number, p99: number, p999: number, mean: number, max: number },
 *   bytes: number, bytesPerResponse: number, non2xx: number, socketErrors: number,
 *   errors: { connect: number, read: number, write: number, timeout: number } }} LoadResult
 */

/** @returns {LoadResult} */
function fromWrkJson(j) {
  const durationS = j.duration_us / 1e6;
  // No completed request: no latency to report (NaN, null in JSON), not 0 ms.
  const ms = (us) => (j.requests > 0 ? round(us / 1000, 2) : NaN);
  const errors = {
    connect: j.errors.connect,
    read: j.errors.read,
    write: j.errors.write,
    timeout: j.errors.timeout,
  };
  return {
    tool: "wrk",
    requests: j.requests,
    durationS: round(durationS, 3),
    rps: durationS > 0 ? round(j.requests / durationS, 1) : 0,
    latencyMs: {
      p50: ms(j.latency_us.p50),
      p75: ms(j.latency_us.p75),
      p90: ms(j.latency_us.p90),
      p99: ms(j.latency_us.p99),
      p999: ms(j.latency_us.p999),
      mean: ms(j.latency_us.mean),
      max: ms(j.latency_us.max),
    },
    bytes: j.bytes,
    bytesPerResponse: j.requests > 0 ? Math.round(j.bytes / j.requests) : 0,
    non2xx: j.errors.status,
    socketErrors: errors.connect + errors.read + errors.write + errors.timeout,
    errors,
  };
}

const UNIT_MS = { us: 0.001, ms: 1, s: 1000, m: 60000, h: 3600000 };
const UNIT_BYTES = { B: 1, KB: 1024, MB: 1024 ** 2, GB: 1024 ** 3, TB: 1024 ** 4 };
const toMs = (value, unit) => round(Number(value) * (UNIT_MS[unit] ?? NaN), 2);

/**
 * wrk's own text output (fallback when the JSON line is missing; needs `--latency` for the
 * percentiles). Values are as rounded as wrk prints them.
 * @returns {LoadResult}
 */
export function parseWrkText(text) {
  const num = (re) => {
    const m = re.exec(text);
    return m ? Number(m[1]) : NaN;
  };
  const pct = (p) => {
    const m = new RegExp(`^\\s*${p}%\\s+([\\d.]+)(us|ms|s|m|h)\\s*$`, "m").exec(text);
    return m ? toMs(m[1], m[2]) : NaN;
  };
  const total = /^\s*(\d+) requests in ([\d.]+)(us|ms|s|m|h), ([\d.]+)(B|KB|MB|GB|TB) read/m.exec(text);
  if (!total) throw new Error(`not wrk output:\n${text.slice(0, 500)}`);
  const requests = Number(total[1]);
  const durationS = toMs(total[2], total[3]) / 1000;
  const bytes = Math.round(Number(total[4]) * UNIT_BYTES[total[5]]);
  const sock = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(text);
  const errors = sock
    ? { connect: Number(sock[1]), read: Number(sock[2]), write: Number(sock[3]), timeout: Number(sock[4]) }
    : { connect: 0, read: 0, write: 0, timeout: 0 };
  const lat = /^\s*Latency\s+([\d.]+)(us|ms|s|m|h)\s+[\d.]+\w+\s+([\d.]+)(us|ms|s|m|h)/m.exec(text);
  return {
    tool: "wrk",
    requests,
    durationS: round(durationS, 3),
    rps: num(/^Requests\/sec:\s+([\d.]+)/m),
    latencyMs: {
      p50: pct(50),
      p75: pct(75),
      p90: pct(90),
      p99: pct(99),
      p999: NaN,
      mean: lat ? toMs(lat[1], lat[2]) : NaN,
      max: lat ? toMs(lat[3], lat[4]) : NaN,
    },
    bytes,
    bytesPerResponse: requests > 0 ? Math.round(bytes / requests) : 0,
    non2xx: Number.isNaN(num(/Non-2xx or 3xx responses: (\d+)/)) ? 0 : num(/Non-2xx or 3xx responses: (\d+)/),
    socketErrors: errors.connect + errors.read + errors.write + errors.timeout,
    errors,
  };
}

/** Parses a wrk run's stdout: the `done` JSON line when present, else wrk's text. */
export function parseWrkOutput(stdout) {
  const line = stdout.split("\n").find((l) => l.startsWith(WRK_JSON_MARKER));
  if (line) return fromWrkJson(JSON.parse(line.slice(WRK_JSON_MARKER.length)));
  return parseWrkText(stdout);
}

/**
 * autocannon's result object in the same shape. autocannon reports latency percentiles in ms
 * (p50, p75, p90, p99, p99_9) and counts non-2xx itself.
 * @returns {LoadResult}
 */
export function fromAutocannon(r) {
  const requests = r.requests.total;
  const errors = { connect: 0, read: r.errors ?? 0, write: 0, timeout: r.timeouts ?? 0 };
  return {
    tool: "autocannon",
    requests,
    durationS: r.duration,
    rps: r.duration > 0 ? round(requests / r.duration, 1) : 0,
    latencyMs: Object.fromEntries(
      Object.entries({
        p50: r.latency.p50,
        p75: r.latency.p75,
        p90: r.latency.p90,
        p99: r.latency.p99,
        p999: r.latency.p99_9,
        mean: r.latency.average,
        max: r.latency.max,
      }).map(([k, v]) => [k, requests > 0 ? v : NaN]),
    ),
    bytes: r.throughput.total,
    bytesPerResponse: requests > 0 ? Math.round(r.throughput.total / requests) : 0,
    non2xx: r.non2xx ?? 0,
    socketErrors: errors.read + errors.timeout,
    errors,
  };
}
