// instrumentation.ts register(): bad configuration stops the process at start with a readable
// message, before any request (not a 500 on the first one).
import { afterEach, describe, expect, it, vi } from "vitest";

const saved = { ...process.env };

afterEach(() => {
  process.env = { ...saved };
  vi.restoreAllMocks();
  vi.resetModules();
});

describe("register()", () => {
  it("exits with a message naming each bad variable", async () => {
    process.env.NEXT_RUNTIME = "nodejs";
    process.env.PAGE_CACHE_MB = "lots";
    process.env.TRUSTED_PROXIES = "127.0.0.1, proxy.example";
    process.env.APP_SECRET = "difang-development-secret-change-me";
    vi.resetModules();
    const exit = vi.spyOn(process, "exit").mockImplementation((code) => {
      throw new Error(`exit ${String(code)}`);
    });
    const error = vi.spyOn(console, "error").mockImplementation(() => {});
    const { register } = await import("@/instrumentation");
    await expect(register()).rejects.toThrow("exit 1");
    expect(exit).toHaveBeenCalledWith(1);
    const printed = error.mock.calls.map((c) => String(c[0])).join("\n");
    expect(printed).toMatch(/cannot start/);
    expect(printed).toMatch(/PAGE_CACHE_MB:/);
    expect(printed).toMatch(/TRUSTED_PROXIES: not an IP address or CIDR range: proxy\.example/);
    expect(printed).toMatch(/APP_SECRET: is a value published in the repository/);
  });

  it("starts with good configuration", async () => {
    process.env.NEXT_RUNTIME = "nodejs";
    process.env.TRUSTED_PROXIES = "127.0.0.1,::1";
    vi.resetModules();
    const exit = vi.spyOn(process, "exit").mockImplementation((code) => {
      throw new Error(`exit ${String(code)}`);
    });
    const { register } = await import("@/instrumentation");
    await register();
    expect(exit).not.toHaveBeenCalled();
  });
});
