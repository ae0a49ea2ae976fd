// The convention for writes (README, Architecture): lib/actions holds server actions and nothing
// else, each behind the one guard; no server action lives elsewhere; the read side does not
// depend on the write side.
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "../..");
const ACTIONS = "lib/actions";
/** Reader and sign-in actions: no editor session to check, so they keep their own checks. */
const UNGUARDED = new Set([
  "lib/actions/auth/login.ts",
  "lib/actions/auth/logout.ts",
  "lib/actions/post-comment.ts",
]);

function sources(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { recursive: true, encoding: "utf8" })
    .filter((f) => /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f))
    .map((f) => path.join(dir, f).split(path.sep).join("/"));
}

const read = (file: string) => readFileSync(path.join(ROOT, file), "utf8");
const actionFiles = sources(ACTIONS);

describe("lib/actions", () => {
  it("has server actions", () => {
    expect(actionFiles.length).toBeGreaterThan(10);
  });

  it.each(actionFiles)('%s starts with "use server"', (file) => {
    expect(read(file).startsWith('"use server";\n')).toBe(true);
  });

  it.each(actionFiles.filter((f) => !UNGUARDED.has(f)))("%s runs the guard", (file) => {
    expect(read(file)).toMatch(/import \{[^}]*\bguardAction\b[^}]*\} from "@\/lib\/auth\/guard";/);
  });
});

describe("outside lib/actions", () => {
  const others = ["app", "components", "lib"]
    .flatMap(sources)
    .filter((f) => !f.startsWith(`${ACTIONS}/`) && !f.startsWith("lib/generated/"));

  it("no file declares a server action", () => {
    expect(others.filter((f) => /^\s*["']use server["'];?\s*$/m.test(read(f)))).toEqual([]);
  });

  it("the read side (lib/data) does not import lib/actions", () => {
    const data = others.filter((f) => f.startsWith("lib/data/"));
    expect(data.length).toBeGreaterThan(0);
    expect(data.filter((f) => read(f).includes("@/lib/actions"))).toEqual([]);
  });
});
