// The inner Content-Security-Policy of a cached page (see lib/security/headers.mjs): its inline
// scripts are allowed by hash, computed once when the page is stored, so the page stays the same
// bytes for every reader. Only scripts the framework rendered are hashed: anything inside an
// element that holds stored HTML (a story's Markdown, sanitized already) is left out, so even a
// script that got past sanitizing would not run.
import { createHash } from "node:crypto";
import { Parser } from "htmlparser2";
import { sitePolicy } from "@/lib/security/headers.mjs";
import { USER_HTML_CLASS } from "@/lib/security/user-html";

/** Script types a browser executes (an empty or missing type is classic JavaScript). */
const EXECUTABLE = new Set(["", "text/javascript", "application/javascript", "module"]);

function hasClass(attribs: Record<string, string>, name: string): boolean {
  return (attribs.class ?? "").split(/\s+/).includes(name);
}

/** `'sha256-…'` sources for the inline scripts of `html` outside stored HTML, in page order. */
export function inlineScriptHashes(html: string): string[] {
  const hashes: string[] = [];
  // Open elements that hold stored HTML, by depth: a script below any of them is not hashed.
  let depth = 0;
  const userDepths: number[] = [];
  let script: { text: string; hashed: boolean } | null = null;
  const parser = new Parser(
    {
      onopentag(name, attribs) {
        depth += 1;
        if (hasClass(attribs, USER_HTML_CLASS)) userDepths.push(depth);
        if (name === "script") {
          const type = (attribs.type ?? "").trim().toLowerCase();
          const inline = attribs.src === undefined;
          script = { text: "", hashed: inline && EXECUTABLE.has(type) && userDepths.length === 0 };
        }
      },
      ontext(text) {
        if (script) script.text += text;
      },
      onclosetag(name) {
        if (name === "script" && script) {
          if (script.hashed)
            hashes.push(`'sha256-${createHash("sha256").update(script.text).digest("base64")}'`);
          script = null;
        }
        if (userDepths.at(-1) === depth) userDepths.pop();
        depth -= 1;
      },
    },
    { decodeEntities: false, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.end(html);
  return [...new Set(hashes)];
}

/** The policy stored with a cached page: its own scripts by hash, the site's script files. */
export function cachedPagePolicy(html: string): string {
  return ["script-src 'self'", ...inlineScriptHashes(html)].join(" ");
}

/**
 * The whole policy of a page rendered per request: the site's policy with `nonce` as the only way
 * for a script to run (Next adds it to every script it renders).
 */
export function noncePolicy(nonce: string, frameAncestors: string): string {
  return sitePolicy(frameAncestors, `'nonce-${nonce}' 'strict-dynamic'`);
}
