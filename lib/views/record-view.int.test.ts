import { beforeEach, describe, expect, it } from "vitest";
import { flushViews, pendingViews, recordView } from "@/lib/actions/record-view";
import { clearCache } from "@/lib/cache/memo";
import { getDb } from "@/lib/db";
import { makeArticle, makeChannel } from "@/lib/testing/fixtures";
import { hourBucket } from "@/lib/time";

const UA =
  "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36";

async function stored(articleId: number) {
  const db = await getDb();
  const [a, buckets] = await Promise.all([
    db.article.findUniqueOrThrow({ where: { id: articleId }, select: { viewCount: true } }),
    db.articleViewBucket.findMany({ where: { articleId } }),
  ]);
  return { total: a.viewCount, buckets };
}

describe("recordView (buffered, deduplicated, batched)", () => {
  beforeEach(() => clearCache());

  it("buffers views and writes them in one batch", async () => {
    const ch = await makeChannel();
    const a = await makeArticle({ channelId: ch.id });
    flushViews();
    for (let i = 0; i < 25; i++)
      expect(recordView(a.id, { address: `192.0.2.${i}`, userAgent: UA })).toBe("counted");
    expect(pendingViews()).toBe(25);
    expect((await stored(a.id)).total).toBe(0);
    expect(flushViews()).toBe(25);
    const s = await stored(a.id);
    expect(s.total).toBe(25);
    expect(s.buckets).toHaveLength(1);
    expect(s.buckets[0]?.count).toBe(25);
    expect(s.buckets[0]?.bucket.getTime()).toBe(hourBucket(new Date()).getTime());
  });

  it("a hundred refreshes by one reader count once", async () => {
    const ch = await makeChannel();
    const a = await makeArticle({ channelId: ch.id });
    const outcomes = Array.from({ length: 100 }, () =>
      recordView(a.id, { address: "192.0.2.200", userAgent: UA }),
    );
    flushViews();
    expect(outcomes.filter((o) => o === "counted")).toHaveLength(1);
    expect((await stored(a.id)).total).toBe(1);
  });

  it("ignores crawlers and headless clients", async () => {
    const ch = await makeChannel();
    const a = await makeArticle({ channelId: ch.id });
    expect(
      recordView(a.id, { address: "192.0.2.1", userAgent: "Mozilla/5.0 (compatible; Baiduspider/2.0)" }),
    ).toBe("ignored");
    expect(recordView(a.id, { address: "192.0.2.1", userAgent: "Mozilla/5.0 HeadlessChrome/131.0" })).toBe(
      "ignored",
    );
    flushViews();
    expect((await stored(a.id)).total).toBe(0);
  });

  it("adds to an existing bucket and drops views of deleted stories", async () => {
    const ch = await makeChannel();
    const a = await makeArticle({ channelId: ch.id });
    const gone = await makeArticle({ channelId: ch.id });
    recordView(a.id, { address: "192.0.2.50", userAgent: UA });
    flushViews();
    recordView(a.id, { address: "192.0.2.51", userAgent: UA });
    recordView(gone.id, { address: "192.0.2.51", userAgent: UA });
    const db = await getDb();
    await db.article.delete({ where: { id: gone.id } });
    expect(flushViews()).toBe(2);
    const s = await stored(a.id);
    expect(s.total).toBe(2);
    expect(s.buckets[0]?.count).toBe(2);
  });
});
