// End-to-end tests on PostgreSQL: two `next start` nodes on one PostgreSQL database, as in the
// deployment of several app nodes. TEST_POSTGRES_URL names the server (as for the integration
// tests); scripts/e2e-server.sh drops and creates the database difang_e2e on it, migrates and seeds
// it. The production build is the same as for SQLite (`npm run build`).
//   TEST_POSTGRES_URL=postgresql://postgres@127.0.0.1:5432/postgres npx playwright test -c playwright.pg.config.ts
import { defineConfig } from "@playwright/test";
import base from "./playwright.config";

const server = process.env.TEST_POSTGRES_URL;
if (!server) throw new Error("playwright.pg.config.ts: set TEST_POSTGRES_URL to a PostgreSQL server");
const database = new URL(server);
database.pathname = "/difang_e2e";
const port = Number(process.env.E2E_PG_PORT ?? 3220);
const port2 = Number(process.env.E2E_PG_PORT2 ?? 3221);
// The specs find the nodes by E2E_PORT and E2E_PORT2 (e2e/helpers.ts); the test workers inherit these.
process.env.E2E_PORT = String(port);
process.env.E2E_PORT2 = String(port2);
const env = { E2E_PORT: String(port), E2E_PORT2: String(port2), E2E_DATABASE_URL: database.href };

export default defineConfig({
  ...base,
  outputDir: "test-results/pg",
  // What differs between the stores (writes seen by the other node, search, comments, editing),
  // not the rest (security headers, markup, accessibility: store-independent).
  testMatch: [
    "two-nodes.spec.ts",
    "two-processes.spec.ts",
    "reader.spec.ts",
    "search.spec.ts",
    "admin-articles.spec.ts",
    "moderation.spec.ts",
    // New formats whose writes must reach the other node: 专题, 直播 (its polled endpoint),
    // reporters' profiles, 图集.
    "topics.spec.ts",
    "live.spec.ts",
    "authors.spec.ts",
    "corrections.spec.ts",
    "gallery.spec.ts",
    // A new city and its channels, added on one node, served by both.
    "regions.spec.ts",
    // The review flow (三审) across five accounts: transitions are conditional updates.
    "newsroom.spec.ts",
  ],
  use: { ...base.use, baseURL: `http://127.0.0.1:${port}` },
  webServer: [
    {
      command: "bash scripts/e2e-server.sh",
      url: `http://127.0.0.1:${port}/api/health`,
      timeout: 240_000,
      reuseExistingServer: false,
      stdout: "pipe",
      env,
    },
    {
      command: "bash scripts/e2e-server.sh second",
      url: `http://127.0.0.1:${port2}/api/health`,
      timeout: 300_000,
      reuseExistingServer: false,
      stdout: "pipe",
      env,
    },
  ],
});
