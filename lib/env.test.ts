import { describe, expect, it } from "vitest";
import { parseEnv as parseProcessEnv, type Env } from "@/lib/env";
import type { GeneratedSecrets } from "@/lib/secrets";

/** What the secrets file next to the database would hold (lib/secrets.int.test.ts tests the file). */
const GENERATED: GeneratedSecrets = {
  APP_SECRET: "generated-app-secret-0123456789abcdef",
  IP_HASH_SALT: "generated-salt-0123456789abcdef",
};
const secretFiles: string[] = [];

/**
 * Next's typings make NODE_ENV a required key of NodeJS.ProcessEnv; a real environment may lack
 * it (the default is what is under test), so plain records are passed through this helper.
 */
function parseEnv(vars: Record<string, string>): Env {
  return parseProcessEnv(vars as NodeJS.ProcessEnv, (file) => {
    secretFiles.push(file);
    return GENERATED;
  });
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
    ["DATABASE_URL", "mysql://localhost/difang"],
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

describe("DATABASE_URL selects the store", () => {
  it("accepts a PostgreSQL URL when the secrets are given, as every node must share them", () => {
    const env = parseEnv({ ...SECRETS, DATABASE_URL: "postgresql://difang@db.internal:5432/difang" });
    expect(env.DATABASE_URL).toBe("postgresql://difang@db.internal:5432/difang");
    expect(env.DATABASE_POOL_SIZE).toBe(10);
  });

  it("refuses PostgreSQL without APP_SECRET and IP_HASH_SALT, naming both, and writes no secrets file", () => {
    secretFiles.length = 0;
    const err = errorOf({ DATABASE_URL: "postgres://localhost/difang" });
    expect(err.message).toMatch(/APP_SECRET, IP_HASH_SALT: required with a PostgreSQL DATABASE_URL/);
    expect(secretFiles).toEqual([]);
  });
});

describe("secrets", () => {
  it("are generated (kept next to the database) when not configured, on http and https alike", () => {
    secretFiles.length = 0;
    for (const SITE_URL of ["http://localhost:3000", "https://news.example.cn"]) {
      const env = parseEnv({ SITE_URL, DATABASE_URL: "file:/srv/difang/difang.db" });
      expect(env.APP_SECRET).toBe(GENERATED.APP_SECRET);
      expect(env.IP_HASH_SALT).toBe(GENERATED.IP_HASH_SALT);
    }
    expect(secretFiles).toEqual(["/srv/difang/difang.db.secrets.json", "/srv/difang/difang.db.secrets.json"]);
  });

  it("configured values win, each on its own", () => {
    const env = parseEnv({ APP_SECRET: "another-long-random-secret" });
    expect(env.APP_SECRET).toBe("another-long-random-secret");
    expect(env.IP_HASH_SALT).toBe(GENERATED.IP_HASH_SALT);
    secretFiles.length = 0;
    parseEnv({ ...SECRETS });
    expect(secretFiles).toEqual([]);
  });

  it("refuses the development values once published in the repository", () => {
    const err = errorOf({
      IP_HASH_SALT: "difang-development-salt",
      APP_SECRET: "difang-development-secret-change-me",
    });
    expect(err.message).toMatch(/IP_HASH_SALT: is a value published in the repository/);
    expect(err.message).toMatch(/APP_SECRET: is a value published in the repository/);
  });

  it("says which file could not be used", () => {
    expect(() =>
      parseProcessEnv({ DATABASE_URL: "file:/srv/x.db" } as unknown as NodeJS.ProcessEnv, () => {
        throw new Error("EACCES: permission denied");
      }),
    ).toThrow(
      /APP_SECRET, IP_HASH_SALT: not set, and the generated secrets in \/srv\/x\.db\.secrets\.json cannot be used: EACCES/,
    );
  });
});

describe("TRUSTED_PROXIES", () => {
  it("is empty by default: no proxy is trusted", () => {
    const env = parseEnv({});
    expect(env.TRUSTED_PROXIES.entries).toEqual([]);
    expect(env.TRUSTED_PROXIES.has("127.0.0.1")).toBe(false);
  });

  it("reads addresses and CIDR ranges, IPv4 and IPv6", () => {
    const list = parseEnv({ TRUSTED_PROXIES: "127.0.0.1, ::1 10.0.0.0/8,fd00::/8" }).TRUSTED_PROXIES;
    for (const a of ["127.0.0.1", "::1", "10.20.30.40", "fd12::5"]) expect(list.has(a)).toBe(true);
    for (const a of ["127.0.0.2", "11.0.0.1", "fe80::1"]) expect(list.has(a)).toBe(false);
  });

  it.each(["localhost", "10.0.0.0/33", "::1/129", "1.2.3", "10.0.0.1/8/2", "[::1]"])(
    "refuses %j at start, naming the entry",
    (value) => {
      const err = errorOf({ TRUSTED_PROXIES: `127.0.0.1, ${value}` });
      expect(err.message).toContain("TRUSTED_PROXIES:");
      expect(err.message).toContain(value);
    },
  );
});
