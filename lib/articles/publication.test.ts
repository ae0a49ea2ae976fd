import { describe, expect, it } from "vitest";
import {
  PUBLICATION_MESSAGES,
  UNPUBLISH_MESSAGES,
  decidePublication,
  decideUnpublishAt,
} from "@/lib/articles/publication";

const now = new Date("2026-05-01T02:00:37.250Z");
const minute = new Date("2026-05-01T02:00:00.000Z");
const past = new Date("2026-04-30T08:00:00Z");
const future = new Date("2026-05-01T03:00:00Z");

describe("decidePublication", () => {
  it("save: a new story is a draft and may keep a planned time", () => {
    expect(decidePublication("save", null, null, now)).toEqual({
      ok: true,
      status: "draft",
      publishedAt: null,
    });
    expect(decidePublication("save", null, future, now)).toEqual({
      ok: true,
      status: "draft",
      publishedAt: future,
    });
  });

  it("save keeps a published story published, with the time in the form (future → scheduled)", () => {
    const current = { status: "published", publishedAt: past };
    expect(decidePublication("save", current, past, now)).toEqual({
      ok: true,
      status: "published",
      publishedAt: past,
    });
    expect(decidePublication("save", current, future, now)).toEqual({
      ok: true,
      status: "published",
      publishedAt: future,
    });
  });

  it("save refuses to clear the time of a published story", () => {
    expect(decidePublication("save", { status: "published", publishedAt: past }, null, now)).toEqual({
      ok: false,
      field: "publishedAt",
      message: PUBLICATION_MESSAGES.publishedNeedsTime,
    });
  });

  it("save keeps an unpublished story unpublished (and its old time when the field is empty)", () => {
    const current = { status: "unpublished", publishedAt: past };
    expect(decidePublication("save", current, null, now)).toEqual({
      ok: true,
      status: "unpublished",
      publishedAt: past,
    });
  });

  it("publish: now, to the minute, when the field is empty or in the future", () => {
    expect(decidePublication("publish", null, null, now)).toEqual({
      ok: true,
      status: "published",
      publishedAt: minute,
    });
    expect(decidePublication("publish", { status: "draft", publishedAt: null }, future, now)).toEqual({
      ok: true,
      status: "published",
      publishedAt: minute,
    });
  });

  it("publish keeps a time already past (backdating, re-publishing)", () => {
    expect(decidePublication("publish", { status: "unpublished", publishedAt: past }, past, now)).toEqual({
      ok: true,
      status: "published",
      publishedAt: past,
    });
  });

  it("schedule needs a time strictly in the future", () => {
    expect(decidePublication("schedule", null, future, now)).toEqual({
      ok: true,
      status: "published",
      publishedAt: future,
    });
    expect(decidePublication("schedule", null, null, now)).toMatchObject({
      ok: false,
      field: "publishedAt",
      message: PUBLICATION_MESSAGES.scheduleNeedsTime,
    });
    expect(decidePublication("schedule", null, past, now)).toMatchObject({
      ok: false,
      message: PUBLICATION_MESSAGES.scheduleInPast,
    });
    expect(decidePublication("schedule", null, now, now)).toMatchObject({ ok: false });
  });

  it("unpublish hides a stored story and keeps its time; a new one cannot be unpublished", () => {
    expect(decidePublication("unpublish", { status: "published", publishedAt: past }, null, now)).toEqual({
      ok: true,
      status: "unpublished",
      publishedAt: past,
    });
    expect(decidePublication("unpublish", null, null, now)).toEqual({
      ok: false,
      field: null,
      message: PUBLICATION_MESSAGES.unpublishNew,
    });
  });
});

describe("decideUnpublishAt (定时撤稿)", () => {
  const live = { status: "published" as const, publishedAt: past };
  const later = new Date(now.getTime() + 3 * 3_600_000);

  it("a reviewer sets a time ahead of now and of the publish time, or clears it", () => {
    expect(decideUnpublishAt("save", live, null, later, true, now)).toEqual({ ok: true, unpublishAt: later });
    expect(decideUnpublishAt("save", live, later, null, true, now)).toEqual({ ok: true, unpublishAt: null });
    expect(
      decideUnpublishAt("schedule", { status: "published", publishedAt: future }, null, later, true, now),
    ).toEqual({
      ok: true,
      unpublishAt: later,
    });
  });

  it("refuses a time not after the publish time, or already past", () => {
    expect(
      decideUnpublishAt("schedule", { status: "published", publishedAt: later }, null, future, true, now),
    ).toEqual({
      ok: false,
      message: UNPUBLISH_MESSAGES.beforePublish,
    });
    expect(
      decideUnpublishAt("schedule", { status: "published", publishedAt: later }, null, later, true, now),
    ).toMatchObject({
      ok: false,
    });
    expect(decideUnpublishAt("save", live, null, past, true, now)).toEqual({
      ok: false,
      message: UNPUBLISH_MESSAGES.inPast,
    });
    expect(decideUnpublishAt("save", live, null, now, true, now)).toMatchObject({ ok: false });
    // Moving the publish time past a kept unpublish time is refused too.
    expect(
      decideUnpublishAt("save", { status: "published", publishedAt: later }, future, future, true, now),
    ).toEqual({
      ok: false,
      message: UNPUBLISH_MESSAGES.beforePublish,
    });
  });

  it("only those who may unpublish change it; the value sent back unchanged passes for anyone", () => {
    expect(decideUnpublishAt("save", live, null, later, false, now)).toEqual({
      ok: false,
      message: UNPUBLISH_MESSAGES.forbidden,
    });
    expect(decideUnpublishAt("submit", live, later, null, false, now)).toMatchObject({ ok: false });
    expect(decideUnpublishAt("save", live, later, later, false, now)).toEqual({
      ok: true,
      unpublishAt: later,
    });
    expect(decideUnpublishAt("save", live, null, null, false, now)).toEqual({ ok: true, unpublishAt: null });
  });

  it("a time that has passed stays on a save, and is dropped by publishing again or unpublishing", () => {
    expect(decideUnpublishAt("save", live, past, past, true, now)).toEqual({ ok: true, unpublishAt: past });
    expect(decideUnpublishAt("publish", live, past, past, true, now)).toEqual({
      ok: true,
      unpublishAt: null,
    });
    const hidden = { status: "unpublished" as const, publishedAt: past };
    expect(decideUnpublishAt("unpublish", hidden, later, later, true, now)).toEqual({
      ok: true,
      unpublishAt: null,
    });
  });
});
