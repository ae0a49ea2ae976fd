import { describe, expect, it } from "vitest";
import type { ArticleInput } from "@/lib/articles/form";
import { parseSnapshot, snapshotToInput, toSnapshot } from "@/lib/articles/snapshot";

const input: ArticleInput = {
  channelId: 3,
  title: "标题",
  summary: "摘要",
  body: "**正文**",
  source: "柳州日报",
  byline: "本报记者 张三",
  tags: ["柳江", "螺蛳粉"],
  leadImageId: 7,
  leadImageAlt: "替代文字",
  leadImageCaption: "说明",
  leadImageCredit: "摄影 李四",
  publishedAt: new Date("2026-05-01T02:00:00Z"),
  unpublishAt: null,
  isHeadline: true,
  isRecommended: false,
  isCommunity: true,
};

describe("revision snapshots", () => {
  it("round-trip through JSON text", () => {
    const text = JSON.stringify(toSnapshot(input, "published"));
    const back = parseSnapshot(text);
    expect(back?.status).toBe("published");
    expect(back && snapshotToInput(back)).toEqual(input);
  });

  it("drop image texts when there is no image", () => {
    const s = toSnapshot({ ...input, leadImageId: null }, "draft");
    expect([s.leadImageAlt, s.leadImageCaption, s.leadImageCredit]).toEqual(["", "", ""]);
    expect(s.publishedAt).toBe("2026-05-01T02:00:00.000Z");
  });

  it("refuse anything that is not a valid snapshot", () => {
    expect(parseSnapshot("not json")).toBeNull();
    expect(parseSnapshot("[]")).toBeNull();
    expect(parseSnapshot(JSON.stringify({ ...toSnapshot(input, "draft"), v: 2 }))).toBeNull();
    expect(parseSnapshot(JSON.stringify({ ...toSnapshot(input, "draft"), channelId: "3" }))).toBeNull();
    expect(
      parseSnapshot(JSON.stringify({ ...toSnapshot(input, "draft"), publishedAt: "yesterday" })),
    ).toBeNull();
  });
});
