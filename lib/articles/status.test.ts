import { describe, expect, it } from "vitest";
import { deriveStatus, isDisplayStatus, statusWhere, unpublishNote } from "@/lib/articles/status";

const now = Date.parse("2026-05-01T02:00:00Z");
const at = (offsetMs: number) => new Date(now + offsetMs);

describe("deriveStatus", () => {
  it("a published story whose time has come is published (the boundary included)", () => {
    expect(deriveStatus({ status: "published", publishedAt: at(-60_000) }, now)).toBe("published");
    expect(deriveStatus({ status: "published", publishedAt: at(0) }, now)).toBe("published");
  });

  it("a published story with a future time, or none, is scheduled", () => {
    expect(deriveStatus({ status: "published", publishedAt: at(1) }, now)).toBe("scheduled");
    expect(deriveStatus({ status: "published", publishedAt: at(86_400_000) }, now)).toBe("scheduled");
    expect(deriveStatus({ status: "published", publishedAt: null }, now)).toBe("scheduled");
  });

  it("a scheduled story becomes published when its time comes, without any write", () => {
    const row = { status: "published", publishedAt: at(90_000) };
    expect(deriveStatus(row, now)).toBe("scheduled");
    expect(deriveStatus(row, now + 90_000)).toBe("published");
  });

  it("drafts and unpublished stories keep their status whatever their time", () => {
    expect(deriveStatus({ status: "draft", publishedAt: at(-1000) }, now)).toBe("draft");
    expect(deriveStatus({ status: "draft", publishedAt: null }, now)).toBe("draft");
    expect(deriveStatus({ status: "unpublished", publishedAt: at(-1000) }, now)).toBe("unpublished");
  });

  it("an unknown stored value is treated as a draft (never shown)", () => {
    expect(deriveStatus({ status: "archived", publishedAt: at(-1000) }, now)).toBe("draft");
  });
});

describe("statusWhere", () => {
  it("splits published rows at now into published and scheduled", () => {
    expect(statusWhere("published", now)).toEqual({
      status: "published",
      publishedAt: { lte: new Date(now) },
      OR: [{ unpublishAt: null }, { unpublishAt: { gt: new Date(now) } }],
    });
    expect(statusWhere("scheduled", now)).toEqual({
      status: "published",
      OR: [{ publishedAt: { gt: new Date(now) } }, { publishedAt: null }],
    });
  });

  it("drafts include any value that is neither published nor unpublished", () => {
    expect(statusWhere("draft", now)).toEqual({ status: { notIn: ["published", "unpublished"] } });
    expect(statusWhere("unpublished", now)).toEqual({
      OR: [{ status: "unpublished" }, { status: "published", unpublishAt: { lte: new Date(now) } }],
    });
  });

  it("recognises the filter values of the list page only", () => {
    expect(["draft", "scheduled", "published", "unpublished"].every(isDisplayStatus)).toBe(true);
    expect(isDisplayStatus("all")).toBe(false);
    expect(isDisplayStatus("")).toBe(false);
  });
});

describe("定时撤稿 (scheduled unpublish)", () => {
  it("a live story is published until its unpublish time, then 已撤下, without any write", () => {
    const row = { status: "published", publishedAt: at(-3_600_000), unpublishAt: at(60_000) };
    expect(deriveStatus(row, now)).toBe("published");
    expect(deriveStatus(row, now + 59_999)).toBe("published");
    expect(deriveStatus(row, now + 60_000)).toBe("unpublished");
  });

  it("a scheduled story with an unpublish time is scheduled, then published, then 已撤下", () => {
    const row = { status: "published", publishedAt: at(60_000), unpublishAt: at(120_000) };
    expect(deriveStatus(row, now)).toBe("scheduled");
    expect(deriveStatus(row, now + 60_000)).toBe("published");
    expect(deriveStatus(row, now + 120_000)).toBe("unpublished");
  });

  it("the note shows the time while it is ahead: HH:mm today (Beijing), with the date otherwise", () => {
    // now is 10:00 Beijing time on 2026-05-01
    const row = (ms: number, status = "published") => ({
      status,
      publishedAt: at(-3_600_000),
      unpublishAt: at(ms),
    });
    expect(unpublishNote(row(90 * 60_000), now)).toBe("定时撤稿 11:30");
    expect(unpublishNote(row(86_400_000), now)).toBe("定时撤稿 2026-05-02 10:00");
    expect(unpublishNote(row(0), now)).toBeNull();
    expect(unpublishNote(row(60_000, "draft"), now)).toBeNull();
    expect(unpublishNote({ status: "published", publishedAt: at(0), unpublishAt: null }, now)).toBeNull();
  });
});
