import { describe, expect, it } from "vitest";
import { storyWriteInvalidation, type StoryReaderState } from "@/lib/articles/cache-tags";

const now = new Date("2026-11-30T02:00:30Z");
const past = new Date("2026-11-30T01:00:00Z");
const state = (over: Partial<StoryReaderState> = {}): StoryReaderState => ({
  status: "published",
  publishedAt: past,
  card: "title|summary",
  ...over,
});

describe("storyWriteInvalidation", () => {
  it("keeps lists cached when a draft is saved", () => {
    const draft = state({ status: "draft", publishedAt: null });
    expect(storyWriteInvalidation(7, null, draft, now)).toEqual({
      now: ["article:7"],
      later: null,
      unpublishLater: null,
    });
    expect(storyWriteInvalidation(7, draft, { ...draft, card: "new title" }, now)).toEqual({
      now: ["article:7"],
      later: null,
      unpublishLater: null,
    });
  });

  it("drops every list when a story is published, unpublished or retitled", () => {
    const draft = state({ status: "draft", publishedAt: null });
    expect(storyWriteInvalidation(7, draft, state(), now).now).toEqual(["article:7", "site"]);
    expect(storyWriteInvalidation(7, state(), state({ status: "unpublished" }), now).now).toEqual([
      "article:7",
      "site",
    ]);
    expect(storyWriteInvalidation(7, state(), state({ card: "new title" }), now).now).toEqual([
      "article:7",
      "site",
    ]);
  });

  it("drops only the story's own page when only its body changed", () => {
    expect(storyWriteInvalidation(7, state(), state(), now)).toEqual({
      now: ["article:7"],
      later: null,
      unpublishLater: null,
    });
  });

  it("also drops everything at the minute a scheduled story appears", () => {
    const at = new Date("2026-11-30T03:05:00Z");
    const r = storyWriteInvalidation(7, null, state({ publishedAt: at }), now);
    expect(r.now).toEqual(["article:7", "site"]);
    expect(r.later).toEqual({ dueAt: at, tags: ["site", "article:7"] });
    const withSeconds = storyWriteInvalidation(
      7,
      null,
      state({ publishedAt: new Date("2026-11-30T03:05:20Z") }),
      now,
    );
    expect(withSeconds.later?.dueAt).toEqual(new Date("2026-11-30T03:06:00Z"));
  });

  it("drops the story, its comments and the lists when it is deleted", () => {
    expect(storyWriteInvalidation(7, state(), null, now).now).toEqual(["article:7", "site", "comments:7"]);
    const draft = state({ status: "draft", publishedAt: null });
    expect(storyWriteInvalidation(7, draft, null, now).now).toEqual(["article:7", "comments:7"]);
  });

  it("drops everything at the minute a story's scheduled unpublish (定时撤稿) comes", () => {
    const at = new Date("2026-11-30T05:00:00Z");
    const result = storyWriteInvalidation(7, state(), state({ unpublishAt: at }), now);
    // Setting it changes nothing readers see yet, but the write is listed like any change of time.
    expect(result.now).toEqual(["article:7", "site"]);
    expect(result.unpublishLater).toEqual({ dueAt: at, tags: ["site", "article:7"] });
    // A time with seconds takes effect from the next minute, when lists read it.
    const odd = storyWriteInvalidation(
      7,
      state(),
      state({ unpublishAt: new Date("2026-11-30T05:00:20Z") }),
      now,
    );
    expect(odd.unpublishLater?.dueAt).toEqual(new Date("2026-11-30T05:01:00Z"));
  });

  it("records no unpublish minute for a time already past or a story not published", () => {
    const gone = new Date("2026-11-30T01:30:00Z");
    expect(storyWriteInvalidation(7, state(), state({ unpublishAt: gone }), now).unpublishLater).toBeNull();
    const draft = state({ status: "draft", unpublishAt: new Date("2026-11-30T05:00:00Z") });
    expect(storyWriteInvalidation(7, draft, draft, now).unpublishLater).toBeNull();
  });

  it("drops every list now when a passed unpublish time is cleared (the story shows again)", () => {
    const gone = state({ unpublishAt: new Date("2026-11-30T01:30:00Z") });
    expect(storyWriteInvalidation(7, gone, state({ unpublishAt: null }), now).now).toEqual([
      "article:7",
      "site",
    ]);
  });
});
