import { afterEach, describe, expect, it, vi } from "vitest";
import {
  formatDate,
  formatDateTime,
  formatLongDate,
  formatMonthDay,
  hourBucket,
  minuteNow,
  parseBeijingLocal,
  toBeijingIso,
} from "@/lib/time";

describe("process time zone", () => {
  it("runs under a zone other than Beijing, so the tests below are meaningful", () => {
    expect(process.env.TZ).toBe("America/New_York");
    // New York is UTC-5 in January; Beijing would be -480.
    expect(new Date("2026-01-31T16:30:00Z").getTimezoneOffset()).toBe(300);
  });
});

describe("formatDateTime / formatDate / formatMonthDay / toBeijingIso", () => {
  const lateUtc = new Date("2026-01-31T16:30:00Z"); // 2026-02-01 00:30 in Beijing, 11:30 Jan 31 in New York

  it("shows the Beijing wall clock, crossing the date (and month) line", () => {
    expect(formatDateTime(lateUtc)).toBe("2026-02-01 00:30");
    expect(formatDate(lateUtc)).toBe("2026-02-01");
    expect(formatMonthDay(lateUtc)).toBe("02-01");
    expect(toBeijingIso(lateUtc)).toBe("2026-02-01T00:30:00+08:00");
  });

  it("writes midnight as 00, not 24", () => {
    const midnight = new Date("2026-06-30T16:00:00Z");
    expect(formatDateTime(midnight)).toBe("2026-07-01 00:00");
    expect(toBeijingIso(midnight)).toBe("2026-07-01T00:00:00+08:00");
  });

  it("crosses the year line and keeps seconds in the ISO form", () => {
    const d = new Date("2026-12-31T16:05:09Z");
    expect(formatDateTime(d)).toBe("2027-01-01 00:05");
    expect(toBeijingIso(d)).toBe("2027-01-01T00:05:09+08:00");
  });

  it("is unaffected by New York daylight saving (Beijing has none)", () => {
    const summer = new Date("2026-07-15T04:00:00Z");
    const winter = new Date("2026-01-15T04:00:00Z");
    expect(formatDateTime(summer)).toBe("2026-07-15 12:00");
    expect(formatDateTime(winter)).toBe("2026-01-15 12:00");
  });

  it("toBeijingIso parses back to the same instant (to the second)", () => {
    const d = new Date("2026-03-08T07:59:42Z");
    expect(new Date(toBeijingIso(d)).getTime()).toBe(d.getTime());
  });
});

describe("parseBeijingLocal", () => {
  it("reads a datetime-local value as Beijing time", () => {
    expect(parseBeijingLocal("2026-02-01T00:30")?.toISOString()).toBe("2026-01-31T16:30:00.000Z");
  });

  it("accepts a space separator, seconds and surrounding whitespace", () => {
    expect(parseBeijingLocal("2026-02-01 00:30:15")?.toISOString()).toBe("2026-01-31T16:30:15.000Z");
    expect(parseBeijingLocal("  2026-02-01T00:30  ")?.toISOString()).toBe("2026-01-31T16:30:00.000Z");
  });

  it("round-trips with formatDateTime", () => {
    const d = new Date("2026-11-25T02:05:00Z");
    const shown = formatDateTime(d);
    expect(parseBeijingLocal(shown)?.getTime()).toBe(d.getTime());
  });

  it("accepts 29 February only in a leap year", () => {
    expect(parseBeijingLocal("2028-02-29T12:00")?.toISOString()).toBe("2028-02-29T04:00:00.000Z");
    expect(parseBeijingLocal("2026-02-29T12:00")).toBeNull();
  });

  it.each([
    "2026-02-31T10:00", // rolls over to March in Date
    "2026-04-31T10:00",
    "2026-13-01T10:00",
    "2026-00-10T10:00",
    "2026-02-01T25:00",
    "2026-02-01T24:00",
    "2026-02-01T10:60",
    "2026-02-01T10:00:61",
    "2026-2-1T10:00",
    "2026-02-01",
    "2026-02-01T10:00Z",
    "2026-02-01T10:00+08:00",
    "garbage",
    "",
  ])("rejects %j", (value) => {
    expect(parseBeijingLocal(value)).toBeNull();
  });
});

describe("hourBucket", () => {
  it("floors to the start of the UTC hour", () => {
    expect(hourBucket(new Date("2026-01-31T16:59:59.999Z")).toISOString()).toBe("2026-01-31T16:00:00.000Z");
    expect(hourBucket(new Date("2026-01-31T16:00:00.000Z")).toISOString()).toBe("2026-01-31T16:00:00.000Z");
    expect(hourBucket(new Date("2026-01-31T17:00:00.000Z")).toISOString()).toBe("2026-01-31T17:00:00.000Z");
  });

  it("puts every instant of one hour in the same bucket and the next hour in another", () => {
    const a = hourBucket(new Date("2026-05-01T08:00:00.001Z")).getTime();
    const b = hourBucket(new Date("2026-05-01T08:59:59.999Z")).getTime();
    const c = hourBucket(new Date("2026-05-01T09:00:00.000Z")).getTime();
    expect(a).toBe(b);
    expect(c - a).toBe(3_600_000);
  });
});

describe("minuteNow", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it("floors a given time to the minute", () => {
    const ms = Date.parse("2026-01-31T16:30:59.999Z");
    expect(minuteNow(ms).toISOString()).toBe("2026-01-31T16:30:00.000Z");
    expect(minuteNow(Date.parse("2026-01-31T16:31:00.000Z")).toISOString()).toBe("2026-01-31T16:31:00.000Z");
  });

  it("uses the current time by default", () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date("2026-03-01T02:03:45.678Z"));
    expect(minuteNow().toISOString()).toBe("2026-03-01T02:03:00.000Z");
  });
});

describe("formatLongDate", () => {
  it("gives the Beijing date with its weekday", () => {
    expect(formatLongDate(new Date("2026-11-25T04:00:00Z"))).toBe("2026年11月25日 星期三");
  });

  it("uses the Beijing day, not the server's, late in the UTC day", () => {
    // 2026-11-24 19:30 in New York (a Tuesday) is already Wednesday in Beijing.
    expect(formatLongDate(new Date("2026-11-25T00:30:00Z"))).toBe("2026年11月25日 星期三");
    expect(formatLongDate(new Date("2026-11-24T16:30:00Z"))).toBe("2026年11月25日 星期三");
    expect(formatLongDate(new Date("2026-11-24T15:59:00Z"))).toBe("2026年11月24日 星期二");
  });
});
