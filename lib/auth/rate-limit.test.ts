import { describe, expect, it } from "vitest";
import {
  accountFailuresInWindow,
  decideLoginLimit,
  LOGIN_WINDOW_MS,
  MAX_ACCOUNT_FAILURES,
  MAX_ADDRESS_FAILURES,
  type Attempt,
} from "@/lib/auth/rate-limit";

const now = new Date("2025-03-01T04:00:00Z");
const ago = (ms: number) => new Date(now.getTime() - ms);
const fail = (msAgo: number): Attempt => ({ success: false, createdAt: ago(msAgo) });
const ok = (msAgo: number): Attempt => ({ success: true, createdAt: ago(msAgo) });

describe("decideLoginLimit", () => {
  it("allows up to 9 account failures and refuses the 10th attempt", () => {
    expect(MAX_ACCOUNT_FAILURES).toBe(9);
    expect(decideLoginLimit(8, 0)).toEqual({ allowed: true });
    expect(decideLoginLimit(9, 0)).toEqual({ allowed: false, scope: "account" });
    expect(decideLoginLimit(20, 0)).toEqual({ allowed: false, scope: "account" });
  });

  it("refuses an address after 30 failures, whatever the account", () => {
    expect(MAX_ADDRESS_FAILURES).toBe(30);
    expect(decideLoginLimit(0, 29)).toEqual({ allowed: true });
    expect(decideLoginLimit(0, 30)).toEqual({ allowed: false, scope: "address" });
  });
});

describe("accountFailuresInWindow", () => {
  it("counts failures of the last 15 minutes only", () => {
    const attempts = [
      fail(1000),
      fail(60_000),
      fail(LOGIN_WINDOW_MS - 1),
      fail(LOGIN_WINDOW_MS),
      fail(LOGIN_WINDOW_MS + 5000),
    ];
    expect(accountFailuresInWindow(attempts, now)).toBe(3);
  });

  it("starts counting again after a successful login", () => {
    const attempts = [fail(1000), fail(2000), ok(3000), fail(4000), fail(5000), fail(6000)];
    expect(accountFailuresInWindow(attempts, now)).toBe(2);
  });

  it("does not depend on the order of the rows", () => {
    const attempts = [fail(6000), ok(3000), fail(1000)];
    expect(accountFailuresInWindow(attempts, now)).toBe(1);
  });

  it("ignores rows dated after now", () => {
    expect(accountFailuresInWindow([fail(-60_000)], now)).toBe(0);
  });

  it("is zero without attempts", () => {
    expect(accountFailuresInWindow([], now)).toBe(0);
  });
});
