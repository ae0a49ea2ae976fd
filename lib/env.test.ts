import { describe, expect, it } from "vitest";
import { parseEnv as parseProcessEnv, type Env } from "@/lib/env";

/**
 * Next's typings make NODE_ENV a required key of NodeJS.ProcessEnv; a real environment may lack
 * it (the default is what is under test), so plain records are passed through this helper.
 */
function parseEnv(vars: Record<string, string>): Env {
  return parseProcessEnv(vars as NodeJS.ProcessEnv);
}

/** Secrets an https deployment must set (tests of other variables are not about them). */
const SECRETS = { IP_HASH_SALT: "test-salt-0123456789", APP_SECRET: "test-app-secret-0123456789" };

function errorOf(source: Record<string, string>): Error {
  try {
    parseEnv(source);
  } catch (e) {
    if (e instanceof Error) return e;
    throw new Error(`parseEnv threw a non-Error: ${String(e)}`);
  }
  throw new Error("parseEnv accepted the configuration");
}

describe("parseEnv", () => {
  it("fills every default from an empty environment", () => {
    const env = parseEnv({});
    expect(env).toMatchObject({
      NODE_ENV: "development",
      DATABASE_URL: "file:./data/difang.db",
      SITE_URL: "http://localhost:3000",
      PORT: 3000,
      UPLOAD_DIR: "./data/uploads",
      VIEW_BEACON_ENABLED: true,
    });
    expect(env.SITE_NAME.length).toBeGreaterThan(0);
    expect(env.IP_HASH_SALT.length).toBeGreaterThanOrEqual(8);
  });

  it("reads given values and coerces PORT to a number", () => {
    const env = parseEnv({
      NODE_ENV: "production",
      DATABASE_URL: "file:/srv/difang/difang.db",
      SITE_URL: "https://news.example.cn",
      ...SECRETS,
      PORT: "8080",
      SITE_NAME: "柳江新闻",
    });
    expect(env.NODE_ENV).toBe("production");
    expect(env.DATABASE_URL).toBe("file:/srv/difang/difang.db");
    expect(env.SITE_URL).toBe("https://news.example.cn");
    expect(env.PORT).toBe(8080);
    expect(env.SITE_NAME).toBe("柳江新闻");
  });

  it("removes trailing slashes from SITE_URL but keeps a path", () => {
    expect(parseEnv({ ...SECRETS, SITE_URL: "https://news.example.cn/" }).SITE_URL).toBe(
      "https://news.example.cn",
    );
    expect(parseEnv({ ...SECRETS, SITE_URL: "https://news.example.cn///" }).SITE_URL).toBe(
      "https://news.example.cn",
    );
    expect(parseEnv({ ...SECRETS, SITE_URL: "https://example.cn/news/" }).SITE_URL).toBe(
      "https://example.cn/news",
    );
  });

  it.each([
    ["true", true],
    ["1", true],
    ["yes", true],
    ["false", false],
    ["0", false],
    ["no", false],
  ])("reads VIEW_BEACON_ENABLED=%j", (value, expected) => {
    expect(parseEnv({ VIEW_BEACON_ENABLED: value }).VIEW_BEACON_ENABLED).toBe(expected);
  });

  it.each([
    ["SITE_URL", "not a url"],
    ["SITE_URL", "http://"],
    ["SITE_URL", ""],
    ["PORT", "abc"],
    ["PORT", "0"],
    ["PORT", "70000"],
    ["PORT", "3.5"],
    ["DATABASE_URL", "postgres://localhost/difang"],
    ["DATABASE_URL", "./data/difang.db"],
    ["NODE_ENV", "staging"],
    ["IP_HASH_SALT", "short"],
    ["VIEW_BEACON_ENABLED", "maybe"],
  ])("rejects %s=%j with an Error naming the variable", (name, value) => {
    const err = errorOf({ [name]: value });
    expect(err.message).toContain(`${name}:`);
    expect(err.message).toMatch(/Invalid configuration/);
  });

  it("names every bad variable at once", () => {
    const err = errorOf({ PORT: "abc", DATABASE_URL: "mysql://x", SITE_URL: "nope" });
    for (const name of ["PORT", "DATABASE_URL", "SITE_URL"]) expect(err.message).toContain(`${name}:`);
    expect(err.message).not.toContain("SITE_NAME:");
  });

  // BUG (lib/env.ts SITE_URL): the message promises "an absolute http(s) URL", but z.url() accepts
  // any scheme, so a typo such as "localhost:3000" (parsed as scheme "localhost:") or an ftp:/
  // javascript: URL starts the site and ends up in metadataBase and absolute links.
  it.each(["ftp://news.example.cn", "localhost:3000", "javascript:alert(1)", "mailto:editor@example.cn"])(
    "rejects the non-http(s) SITE_URL %j",
    (value) => {
      expect(errorOf({ SITE_URL: value }).message).toContain("SITE_URL:");
    },
  );
});

describe("secrets on a public deployment", () => {
  it("refuses the development secrets when SITE_URL is https", () => {
    expect(() => parseEnv({ SITE_URL: "https://news.example.cn" })).toThrow(
      /IP_HASH_SALT[\s\S]*APP_SECRET|APP_SECRET[\s\S]*IP_HASH_SALT/,
    );
  });
  it("accepts real secrets on https and the defaults on plain http", () => {
    expect(() =>
      parseEnv({
        SITE_URL: "https://news.example.cn",
        IP_HASH_SALT: "a-long-random-salt-1234",
        APP_SECRET: "another-long-random-secret",
      }),
    ).not.toThrow();
    expect(() => parseEnv({ SITE_URL: "http://localhost:3000" })).not.toThrow();
  });
});
