import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { cachedPagePolicy, inlineScriptHashes, noncePolicy } from "@/lib/security/script-policy";

const sha = (text: string) => `'sha256-${createHash("sha256").update(text).digest("base64")}'`;

// The shapes Next 16 renders into an App Router page, plus what stored HTML could carry.
const boot = "(self.__next_f=self.__next_f||[]).push([0])";
const chunk = 'self.__next_f.push([1,"1:\\"$Sreact.fragment\\"\\n<\\/script>"])';
const page = `<!DOCTYPE html><html><head>
<script src="/_next/static/chunks/a.js" async=""></script>
<script id="_R_">${boot}</script></head><body>
<article><div class="story-body"><p>正文</p><script>alert(1)</script><div><script>alert(2)</script></div></div>
<p><img src="/media/x.webp" alt="x"></p></article>
<script type="application/ld+json">{"@type":"NewsArticle"}</script>
<script>${chunk}</script><script>${chunk}</script>
<div class="other story-body"><script>alert(3)</script></div><script type="module">import "/x.js"</script>
</body></html>`;

describe("inlineScriptHashes", () => {
  it("hashes the framework's inline scripts byte for byte, once each, in page order", () => {
    expect(inlineScriptHashes(page)).toEqual([sha(boot), sha(chunk), sha('import "/x.js"')]);
  });

  it("never allows a script inside stored HTML, however deep, nor data blocks or script files", () => {
    const hashes = inlineScriptHashes(page);
    for (const text of ["alert(1)", "alert(2)", "alert(3)", '{"@type":"NewsArticle"}', ""])
      expect(hashes).not.toContain(sha(text));
  });

  it("keeps counting depth right across void and self-closing elements", () => {
    const html = `<div class="story-body"><br><img src=a><input/><hr></div><script>ok()</script>`;
    expect(inlineScriptHashes(html)).toEqual([sha("ok()")]);
  });
});

describe("policies", () => {
  it("a cached page allows the site's script files and its own inline scripts only", () => {
    expect(cachedPagePolicy(`<script>${boot}</script>`)).toBe(`script-src 'self' ${sha(boot)}`);
    expect(cachedPagePolicy("<p>no scripts</p>")).toBe("script-src 'self'");
  });

  it("a page rendered per request trusts what carries its nonce", () => {
    const directives = noncePolicy("abc", "'none'").split("; ");
    expect(directives.filter((d) => d.startsWith("script-src"))).toEqual([
      "script-src 'nonce-abc' 'strict-dynamic'",
    ]);
    expect(directives).toContain("frame-ancestors 'none'");
    expect(directives).toContain("object-src 'none'");
  });
});
