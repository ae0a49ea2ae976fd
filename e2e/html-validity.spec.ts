import { expect, test } from "@playwright/test";
import { validator } from "./helpers";

test("reader pages are valid HTML", async ({ request }) => {
  const channel = await (await request.get("/liucheng")).text();
  const article = /href="(\/liucheng\/\d+)"/.exec(channel)?.[1] ?? "/liucheng/1";
  for (const path of [
    "/",
    "/liucheng",
    "/liucheng?page=2",
    article,
    "/rank",
    "/rank/7d/rongan",
    "/search?q=" + encodeURIComponent("融安"),
    "/no-such-page",
  ]) {
    const html = await (await request.get(path)).text();
    const report = await validator.validateString(html, path);
    const messages = report.results.flatMap((r) =>
      r.messages.map((m) => `${path} ${m.line}:${m.column} ${m.ruleId} ${m.message}`),
    );
    expect(messages, path).toEqual([]);
  }
});
