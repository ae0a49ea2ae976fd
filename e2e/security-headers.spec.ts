// Security headers on every kind of answer, and a Content-Security-Policy that lets each page's own
// scripts run (cached reader pages by hash, per-request pages by nonce) and nothing else.
import { expect, test, type Page } from "@playwright/test";
import { ADMIN, signIn } from "./admin-helpers";
import { ARTICLE_HREF } from "./helpers";

/** Record CSP violations from the first script on, and console reports of blocked scripts. */
async function watchViolations(page: Page): Promise<string[]> {
  const seen: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy/i.test(m.text())) seen.push(m.text());
  });
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      (window as unknown as { __csp: string[] }).__csp ??= [];
      (window as unknown as { __csp: string[] }).__csp.push(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  return seen;
}

/** The page loaded, hydrated (Next's client runtime ran) and reported no violation. */
async function expectCleanHydratedPage(page: Page, path: string, seen: string[]): Promise<void> {
  await page.goto(path);
  await expect.poll(() => page.evaluate(() => typeof (window as { next?: unknown }).next)).toBe("object");
  const reported = await page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? []);
  expect([...reported, ...seen], path).toEqual([]);
}

test("reader pages: their own scripts run under the policy, nothing is blocked", async ({ page }) => {
  const seen = await watchViolations(page);
  await expectCleanHydratedPage(page, "/", seen);
  const article = await page
    .locator("main a[href]")
    .evaluateAll(
      (as, re) => as.map((a) => a.getAttribute("href") ?? "").find((h) => new RegExp(re).test(h)),
      ARTICLE_HREF.source,
    );
  expect(article).toBeTruthy();
  await expectCleanHydratedPage(page, article!, seen);
  const tag = await page.locator(".story-tags a").first().getAttribute("href");
  for (const path of ["/liuzhou", "/liuzhou?page=2", tag!, "/no-such-channel", "/search?q=柳州", article!]) {
    await expectCleanHydratedPage(page, path, seen);
  }
});

test("editor pages run under a nonce policy and can never be framed", async ({ page }) => {
  const seen = await watchViolations(page);
  await expectCleanHydratedPage(page, "/admin/login", seen);
  await signIn(page, ADMIN);
  for (const path of ["/admin", "/admin/articles/new", "/admin/comments", "/admin/users"]) {
    await expectCleanHydratedPage(page, path, seen);
  }
  const res = await page.request.get("/admin/login");
  const policies = res.headersArray().filter((h) => h.name.toLowerCase() === "content-security-policy");
  expect(policies).toHaveLength(1);
  expect(policies[0]!.value).toMatch(/script-src 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic';/);
  expect(policies[0]!.value).toContain("frame-ancestors 'none'");
  expect(res.headers()["x-frame-options"]).toBe("DENY");
  // A fresh nonce for every answer.
  const again = (await page.request.get("/admin/login")).headers()["content-security-policy"];
  expect(again).not.toBe(policies[0]!.value);
});

test("a script that is not the page's own does not run on a cached page", async ({ page }) => {
  const seen = await watchViolations(page);
  await page.goto("/");
  const href = await page.locator('main a[href^="/liu"]').first().getAttribute("href");
  // Serve the cached article as the origin sent it (same headers), with one injected inline script.
  await page.route(`**${href}`, async (route) => {
    const response = await route.fetch();
    const body = (await response.text()).replace("</main>", "<script>window.__injected = 1</script></main>");
    await route.fulfill({ response, body });
  });
  await page.goto(href!);
  await expect.poll(() => page.evaluate(() => typeof (window as { next?: unknown }).next)).toBe("object");
  expect(await page.evaluate(() => (window as { __injected?: number }).__injected)).toBeUndefined();
  const reported = await page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? []);
  expect([...reported, ...seen].join("\n")).toMatch(/script-src/);
});

test("every answer carries the security headers", async ({ request }) => {
  const home = await request.get("/");
  const html = await home.text();
  const media = html.match(/src="(\/media\/[^"]+)"/)?.[1];
  expect(media).toBeTruthy();
  for (const path of ["/", "/liuzhou", "/rss.xml", "/api/health", "/no-such-channel", media!]) {
    const res = await request.get(path);
    const h = res.headers();
    expect(h["x-content-type-options"], path).toBe("nosniff");
    expect(h["x-frame-options"], path).toBe("SAMEORIGIN");
    expect(h["referrer-policy"], path).toBe("strict-origin-when-cross-origin");
    const policies = res.headersArray().filter((x) => x.name.toLowerCase() === "content-security-policy");
    if (path === media) {
      // An uploaded image opened on its own can run nothing and load nothing.
      expect(policies.map((p) => p.value)).toEqual(["default-src 'none'; sandbox"]);
      expect(h["content-disposition"]).toMatch(/^inline; filename="[0-9a-f]{16}-\d+\.webp"$/);
      continue;
    }
    expect(policies[0]?.value, path).toContain("object-src 'none'");
    if (res.headers()["content-type"]?.startsWith("text/html")) {
      // Cached pages: a second policy allowing exactly their inline scripts by hash.
      expect(policies.map((p) => p.value).join("\n"), path).toMatch(/script-src 'self'( 'sha256-[^']+')+$/m);
    }
  }
});
