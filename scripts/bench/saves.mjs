// Saving published stories while readers read (issue 10): the time until each save returns, the
// time until its 猜你喜欢 list is rewritten (after the response, lib/similarity/store.ts), and a
// reader page's latency meanwhile, beside the same load with no saves, in one run.
//
//   npm run bench:saves -- --db file:./data/large/difang.db      (needs `npm run build`)
//
// Options: --db <file:url>   the SQLite database (migrated first; an account "bench-saves" is
//                            created in it when missing). It is written to: use a copy you can spare.
//          --uploads <dir>   its UPLOAD_DIR (default <db folder>/uploads)
//          --saves <n>       saves in the burst (default 20), one after another by one editor in
//                            Chromium, each a small edit of the summary of one of the newest stories
//          --connections <n> reader connections (default 10)
//
// The reader load is autocannon on one story's page that is not among those saved; every save
// records the site-wide invalidation, so the reader page is rendered again after each one (its
// cost is part of what is measured).
import { execFileSync } from "node:child_process";
import path from "node:path";
import { parseArgs } from "node:util";
import Database from "better-sqlite3";
import autocannon from "autocannon";
import { chromium } from "@playwright/test";
import { Processes, freePorts, waitForHttp } from "./lib/procs.mjs";
import { formatTable } from "./lib/report.mjs";

const root = path.resolve(import.meta.dirname, "../..");
const { values: opts } = parseArgs({
  options: {
    db: { type: "string" },
    uploads: { type: "string" },
    saves: { type: "string", default: "20" },
    connections: { type: "string", default: "10" },
  },
});
if (!opts.db?.startsWith("file:")) {
  console.error("--db file:… is required (a SQLite database you can write to)");
  process.exit(2);
}
const SAVES = Number(opts.saves);
const CONNECTIONS = Number(opts.connections);
const file = path.resolve(root, opts.db.slice("file:".length));
const databaseUrl = `file:${file}`;
const uploads = opts.uploads ?? path.join(path.dirname(file), "uploads");
const USER = "bench-saves";
const PASSWORD = "bench-saves-password-0123";
const BROWSER_UA =
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";
const say = (msg) => console.log(`[bench:saves] ${msg}`);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const env = {
  ...process.env,
  NODE_ENV: "production",
  NEXT_TELEMETRY_DISABLED: "1",
  DATABASE_URL: databaseUrl,
  UPLOAD_DIR: uploads,
};

/** autocannon against `url` for `seconds` at most; `stop()` ends it earlier. */
function readers(url, seconds) {
  let instance;
  const done = new Promise((resolve, reject) => {
    instance = autocannon(
      { url, connections: CONNECTIONS, duration: seconds, headers: { "user-agent": BROWSER_UA } },
      (err, r) => (err ? reject(err) : resolve(r)),
    );
  });
  return { done, stop: () => instance.stop() };
}

const summary = (r) => ({
  rps: Math.round(r.requests.average),
  p50: r.latency.p50,
  p99: r.latency.p99,
  max: r.latency.max,
  non2xx: r.non2xx,
});

async function main() {
  const procs = new Processes();
  process.on("exit", () => procs.killAllNow());
  try {
    say(`migrating ${file}`);
    execFileSync(process.execPath, ["scripts/db/migrate.mjs"], { cwd: root, env, stdio: "ignore" });
    const db = new Database(file);
    db.pragma("busy_timeout = 5000");
    if (!db.prepare(`SELECT 1 FROM "User" WHERE "username" = ?`).get(USER)) {
      execFileSync(
        path.join(root, "node_modules/.bin/tsx"),
        ["scripts/admin-create.ts", "--user", USER, "--role", "admin"],
        {
          cwd: root,
          env: { ...env, DIFANG_ADMIN_PASSWORD: PASSWORD },
          stdio: "ignore",
        },
      );
    }
    const now = new Date().toISOString().replace("Z", "+00:00");
    const newest = db
      .prepare(
        `SELECT a."id", c."slug" FROM "Article" a JOIN "Channel" c ON c."id" = a."channelId"
         WHERE a."status" = 'published' AND a."publishedAt" <= ? ORDER BY a."publishedAt" DESC LIMIT ?`,
      )
      .all(now, SAVES + 1);
    if (newest.length < SAVES + 1) throw new Error("not enough published stories");
    const [reader, ...saved] = newest;
    const similarMark = db.prepare(
      `SELECT coalesce(max(rowid), 0) AS m FROM "ArticleSimilar" WHERE "articleId" = ?`,
    );
    const stories = db.prepare(`SELECT count(*) AS n FROM "Article"`).get().n;

    const [port] = await freePorts(1);
    const server = procs.start(
      "next",
      process.execPath,
      [path.join(root, "node_modules/next/dist/bin/next"), "start", "-H", "127.0.0.1", "-p", String(port)],
      {
        cwd: root,
        env,
        log: path.join(path.dirname(file), "bench-saves-next.log"),
      },
    );
    const base = `http://127.0.0.1:${port}`;
    await waitForHttp(`${base}/api/health`, { isAlive: () => server.exitCode === null, what: "next start" });
    const readerUrl = `${base}/${reader.slug}/${reader.id}`;
    for (let i = 0; i < 3; i++)
      await (await fetch(readerUrl, { headers: { "user-agent": BROWSER_UA } })).arrayBuffer();
    say(
      `${stories.toLocaleString("en")} stories; reader page ${readerUrl}; ${SAVES} saves of the newest stories`,
    );

    const browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    });
    const page = await browser.newPage({ baseURL: base, locale: "zh-CN" });
    await page.goto("/admin/login");
    await page.getByLabel("用户名").fill(USER);
    await page.getByLabel("密码").fill(PASSWORD);
    await page.getByRole("button", { name: "登录" }).click();
    await page.waitForURL(/\/admin$/);

    // Each save: open the story's form, change its summary, save; the form says 已保存 when the
    // action has returned.
    const saveOne = async (id) => {
      await page.goto(`/admin/articles/${id}`);
      const summary = page.getByLabel("摘要");
      const before = similarMark.get(id).m;
      await summary.fill(
        `${(await summary.inputValue()).replace(/（bench \d+）$/, "")}（bench ${Date.now() % 100000}）`,
      );
      const t0 = performance.now();
      await page.getByRole("button", { name: "保存修改" }).click();
      await page.locator("form.adm-article-form > .adm-form-message").filter({ hasText: "已保存" }).waitFor();
      const returned = performance.now() - t0;
      let similar = NaN;
      for (const until = performance.now() + 30_000; performance.now() < until; await sleep(10)) {
        if (similarMark.get(id).m !== before) {
          similar = performance.now() - t0;
          break;
        }
      }
      return { id, returned, similar };
    };

    say("readers alone, 15 s (baseline)");
    const quiet = summary(await readers(readerUrl, 15).done);
    say(`readers during ${SAVES} saves`);
    const load = readers(readerUrl, 900);
    const results = [];
    const tSaves = performance.now();
    for (const s of saved) results.push(await saveOne(s.id));
    const savesSeconds = (performance.now() - tSaves) / 1000;
    load.stop();
    const during = summary(await load.done);
    await browser.close();
    db.close();

    const median = (xs) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)];
    const returned = results.map((r) => r.returned);
    const similar = results.map((r) => r.similar).filter(Number.isFinite);
    console.log(
      `\n${formatTable(
        ["", "median", "max"],
        [
          ["save returns (ms)", median(returned).toFixed(0), Math.max(...returned).toFixed(0)],
          [
            `猜你喜欢 rewritten (ms, ${similar.length}/${results.length})`,
            similar.length ? median(similar).toFixed(0) : "–",
            similar.length ? Math.max(...similar).toFixed(0) : "–",
          ],
        ],
      )}`,
    );
    console.log(
      `\n${formatTable(
        [`reader page, ${CONNECTIONS} connections`, "req/s", "p50 ms", "p99 ms", "max ms", "non-2xx"],
        [
          ["alone (15 s)", quiet.rps, quiet.p50, quiet.p99, quiet.max, quiet.non2xx],
          [
            `during the saves (${savesSeconds.toFixed(1)} s)`,
            during.rps,
            during.p50,
            during.p99,
            during.max,
            during.non2xx,
          ],
        ],
      )}`,
    );
    await procs.stopAll();
  } catch (error) {
    await procs.stopAll();
    throw error;
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
