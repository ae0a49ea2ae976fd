import { describe, expect, it } from "vitest";
import { fromAutocannon, parseWrkOutput, parseWrkText, wrkLuaScript, WRK_JSON_MARKER } from "./wrk.mjs";
import {
  alternation,
  buildResult,
  formatRunsTable,
  formatTable,
  jsWeightSummary,
  ratio,
  resultFileName,
  scaling,
  withRatios,
} from "./report.mjs";
import { cutToBytes, firstArticlePath, fixtureContent, scriptSrcs, visibleTextLines } from "./html.mjs";
import { sqliteTime, syntheticStory } from "./synthetic.mjs";
import { cpuShares, parseMachineCpu, parseProcessStat } from "./cpu.mjs";

const WRK_TEXT = `Running 8s test @ http://127.0.0.1:40000/liujiang/56
  2 threads and 50 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency    42.56ms   10.44ms 112.16ms   93.71%
    Req/Sec   585.03    231.10     2.36k    98.00%
  Latency Distribution
     50%   40.10ms
     75%   44.00ms
     90%   50.20ms
     99%    1.20s
  5832 requests in 5.01s, 458.02MB read
  Socket errors: connect 0, read 2, write 0, timeout 3
  Non-2xx or 3xx responses: 7
Requests/sec:   1163.69
Transfer/sec:     91.39MB
`;

const WRK_JSON = `${WRK_JSON_MARKER}{"requests":98122,"duration_us":2004628,"bytes":13306854,"errors":{"connect":0,"read":1,"write":0,"status":4,"timeout":2},"latency_us":{"min":18,"max":18020,"mean":365.1,"stdev":901.1,"p50":152,"p75":258,"p90":489,"p99":4346,"p999":11307}}`;

const run = (rps, p99, connections = 50) => ({
  name: "x",
  connections,
  rps,
  latencyMs: { p50: 1, p99 },
  bytesPerResponse: 1024,
  non2xx: 0,
  socketErrors: 0,
});

describe("wrk output", () => {
  it("reads the exact figures of the done() JSON line", () => {
    const r = parseWrkOutput(`${WRK_TEXT}${WRK_JSON}\n`);
    expect(r.requests).toBe(98122);
    expect(r.rps).toBe(48947.7);
    expect(r.latencyMs).toMatchObject({ p50: 0.15, p90: 0.49, p99: 4.35, p999: 11.31, max: 18.02 });
    expect(r.bytesPerResponse).toBe(Math.round(13306854 / 98122));
    expect(r.non2xx).toBe(4);
    expect(r.socketErrors).toBe(3);
  });

  it("reports no latency (not 0 ms) when no request completed", () => {
    const none = WRK_JSON.replace('"requests":98122', '"requests":0');
    const r = parseWrkOutput(none);
    expect(r.rps).toBe(0);
    expect(r.latencyMs.p99).toBeNaN();
    expect(ratio(r, run(1000, 5))).toEqual({ rps: 0, p99: null });
  });

  it("falls back to wrk's text output, converting units", () => {
    const r = parseWrkText(WRK_TEXT);
    expect(r.requests).toBe(5832);
    expect(r.durationS).toBe(5.01);
    expect(r.rps).toBe(1163.69);
    expect(r.latencyMs.p50).toBe(40.1);
    expect(r.latencyMs.p99).toBe(1200);
    expect(r.latencyMs.mean).toBe(42.56);
    expect(r.latencyMs.max).toBe(112.16);
    expect(r.bytes).toBe(Math.round(458.02 * 1024 * 1024));
    expect(r.non2xx).toBe(7);
    expect(r.socketErrors).toBe(5);
    expect(parseWrkOutput(WRK_TEXT).rps).toBe(1163.69);
  });

  it("rejects output that is not wrk's", () => {
    expect(() => parseWrkOutput("wrk: connection refused")).toThrow(/not wrk output/);
  });

  it("writes a Lua script with method, headers, per-request client addresses and the JSON line", () => {
    const lua = wrkLuaScript({
      method: "POST",
      headers: { "User-Agent": 'Mozilla "5"' },
      varyClientAddress: true,
    });
    expect(lua).toContain('wrk.method = "POST"');
    expect(lua).toContain('wrk.headers["User-Agent"] = "Mozilla \\"5\\""');
    expect(lua).toContain("X-Forwarded-For");
    expect(lua).toContain(WRK_JSON_MARKER);
    expect(wrkLuaScript()).not.toContain("function request");
  });

  it("maps autocannon's result to the same shape", () => {
    const r = fromAutocannon({
      duration: 10,
      requests: { total: 1000 },
      latency: { p50: 5, p75: 6, p90: 7, p99: 9, p99_9: 12, average: 5.5, max: 20 },
      throughput: { total: 2_048_000 },
      non2xx: 3,
      errors: 1,
      timeouts: 2,
    });
    expect(r).toMatchObject({ rps: 100, non2xx: 3, socketErrors: 3, bytesPerResponse: 2048 });
    expect(r.latencyMs).toMatchObject({ p50: 5, p99: 9, p999: 12 });
  });
});

describe("ratios and result", () => {
  it("compares req/s and p99 with a baseline", () => {
    expect(ratio(run(100, 50), run(1000, 5))).toEqual({ rps: 0.1, p99: 10 });
    expect(ratio(run(100, 50), undefined)).toEqual({ rps: null, p99: null });
    expect(ratio(run(100, 50), run(0, 0))).toEqual({ rps: null, p99: null });
  });

  it("uses the baseline measured at the same concurrency", () => {
    const baselines = { rawNode: { 50: run(1000, 10), 10: run(500, 2) }, nginxStatic: { 50: run(2000, 5) } };
    const [a, b] = withRatios([run(100, 20, 50), run(100, 20, 10)], baselines);
    expect(a.ratios.rawNode).toEqual({ rps: 0.1, p99: 2 });
    expect(a.ratios.nginxStatic).toEqual({ rps: 0.05, p99: 4 });
    expect(a.ratios.staticNext).toEqual({ rps: null, p99: null });
    expect(b.ratios.rawNode).toEqual({ rps: 0.2, p99: 10 });
    expect(b.ratios.nginxStatic).toEqual({ rps: null, p99: null });
  });

  it("computes the two-process scaling factor", () => {
    expect(scaling(run(100, 1), run(170, 1))).toMatchObject({ factor: 1.7, meetsTarget: true });
    expect(scaling(run(100, 1), run(150, 1))).toMatchObject({ factor: 1.5, meetsTarget: false });
    expect(scaling(undefined, run(1, 1))).toBeNull();
  });

  it("names result files by ISO timestamp without colons", () => {
    expect(resultFileName(new Date("2026-11-30T08:29:39.123Z"))).toBe("2026-11-30T08-29-39Z.json");
  });

  it("builds the JSON shape with ratios and wall time", () => {
    const r = buildResult({
      startedAt: new Date("2026-11-30T08:00:00Z"),
      finishedAt: new Date("2026-11-30T08:04:10Z"),
      machine: {},
      settings: {},
      database: {},
      targets: {},
      runs: [run(100, 20)],
      baselines: { rawNode: { 50: run(1000, 10) } },
      scaling: null,
      freshness: { status: "skipped" },
      jsWeight: null,
      sizes: {},
      errors: [],
    });
    expect(r.schema).toBe("difang-bench/1");
    expect(r.wallSeconds).toBe(250);
    expect(r.runs[0].ratios.rawNode.rps).toBe(0.1);
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
  });

  it("formats aligned tables, CJK counted as two columns", () => {
    const t = formatTable(
      ["a", "b"],
      [
        ["柳州", "1"],
        ["x", "22"],
      ],
    ).split("\n");
    expect(t).toEqual(["a      b", "----  --", "柳州   1", "x     22"]);
    expect(formatRunsTable(withRatios([run(100, 20)], { rawNode: { 50: run(1000, 10) } }))).toContain("10%");
  });

  it("takes the median ratio of alternating runs", () => {
    const pair = (a, b) => ({ a: { rps: a }, b: { rps: b } });
    const odd = alternation([pair(1000, 800), pair(1000, 500), pair(1000, 900)], 0.8);
    expect(odd.ratios).toEqual([0.8, 0.5, 0.9]);
    expect(odd).toMatchObject({ median: 0.8, meetsTarget: true });
    const even = alternation([pair(1000, 700), pair(1000, 800)], 0.8);
    expect(even).toMatchObject({ median: 0.75, meetsTarget: false });
    // A round whose first target answered nothing has no ratio.
    expect(alternation([pair(0, 800)], 1.6)).toMatchObject({ ratios: [], median: null, meetsTarget: false });
  });

  it("subtracts the static fixture's JS from every page", () => {
    const pages = { home: { jsGzipBytes: 300 }, "static fixture": { jsGzipBytes: 180 } };
    expect(jsWeightSummary(pages, "static fixture", "m").gzipBytesOverFloor).toEqual({ home: 120 });
  });
});

describe("html helpers", () => {
  const html = `<html><head><script src="/_next/static/a.js" async=""></script><script src='/_next/static/b.js?x=1&amp;y=2'></script>
    <script>self.__next_f.push([1,"x"])</script><script src="/_next/static/a.js"></script></head>
    <body><h1>柳江新闻</h1><p>第一段 &amp; 内容</p><script>var a = "<p>no</p>";</script><a href="/liujiang/56">t</a><a href="/liujiang/57">u</a></body></html>`;

  it("lists script sources once, entities decoded", () => {
    expect(scriptSrcs(html)).toEqual(["/_next/static/a.js", "/_next/static/b.js?x=1&y=2"]);
  });

  it("finds the first story link of a channel", () => {
    expect(firstArticlePath(html, "liujiang")).toBe("/liujiang/56");
    expect(firstArticlePath(html, "rongan")).toBeNull();
  });

  it("extracts the visible text without scripts", () => {
    expect(visibleTextLines(html)).toEqual(["柳江新闻", "第一段 & 内容", "t u"]);
  });

  it("sizes fixture content so that twice the text plus overhead matches the target", () => {
    const lines = ["柳江区百朋镇的荷花产业带动了乡村旅游。", "今年接待游客超过十万人次。"];
    const { title, paragraphs } = fixtureContent(lines, 80_000);
    const text = paragraphs.reduce((n, p) => n + Buffer.byteLength(p), 0);
    const estimate = 5600 + 2 * Buffer.byteLength(title) + 2 * text + 40 * paragraphs.length;
    expect(Math.abs(estimate - 80_000)).toBeLessThan(200);
    expect(paragraphs.join("")).not.toMatch(/["<>\\]/);
    expect(fixtureContent([], 1000)).toEqual({ title: "柳州地方新闻", paragraphs: [] });
  });

  it("cuts strings on character boundaries", () => {
    expect(cutToBytes("柳州ab", 4)).toBe("柳");
    expect(cutToBytes("柳州ab", 7)).toBe("柳州a");
    expect(cutToBytes("x", 0)).toBe("");
  });
});

describe("synthetic stories", () => {
  it("are deterministic, Chinese, with matching HTML and text", () => {
    const a = syntheticStory(7);
    expect(syntheticStory(7)).toEqual(a);
    expect(syntheticStory(8).title).not.toBe(undefined);
    expect(a.title).toMatch(/^柳江区/);
    expect(a.bodyHtml.startsWith("<p>")).toBe(true);
    expect(a.bodyText.split("\n").length).toBe(a.body.split("\n\n").length);
    expect(a.summary.endsWith("…")).toBe(true);
  });

  it("formats times as the app's Prisma client stores them", () => {
    expect(sqliteTime(Date.UTC(2026, 9, 1, 13, 20, 36, 950))).toBe("2026-10-01T13:20:36.950+00:00");
  });
});

describe("cpu time from /proc", () => {
  it("reads the machine's busy, idle and stolen ticks", () => {
    const text = "cpu  100 5 40 800 20 3 7 11 0 0\ncpu0 50 2 20 400 10 1 3 5 0 0\nintr 1 2\n";
    expect(parseMachineCpu(text)).toEqual({ busy: 155, idle: 820, steal: 11 });
    expect(() => parseMachineCpu("intr 1\n")).toThrow(/no aggregate cpu line/);
  });

  it("reads a process's parent and ticks, whatever its name holds", () => {
    const stat = "4242 (next-server (v16) x) S 4200 4242 4200 0 -1 4194560 900 0 0 0 1234 56 0 0 20 0 11 0";
    expect(parseProcessStat(stat)).toEqual({ ppid: 4200, ticks: 1290 });
  });

  it("splits the cores used between two snapshots into groups, the rest, idle and steal", () => {
    const before = { at: 0, machine: { busy: 1000, idle: 500, steal: 10 }, procs: { app: 300, nginx: 40 } };
    const after = { at: 2000, machine: { busy: 1360, idle: 520, steal: 30 }, procs: { app: 600, nginx: 80 } };
    expect(cpuShares(before, after)).toEqual({
      seconds: 2,
      cores: { app: 1.5, nginx: 0.2, other: 0.1, idle: 0.1, steal: 0.1 },
    });
    expect(() => cpuShares(after, before)).toThrow(/out of order/);
  });
});
