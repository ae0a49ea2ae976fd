// A channel page's count (lib/data/articles.ts countVisibleInChannel) against a direct count of the
// visible stories, through every change the ChannelStoryCount triggers must follow.
import { describe, expect, it } from "vitest";
import { countVisibleInChannel } from "@/lib/data/articles";
import { visibleWhere } from "@/lib/data/visibility";
import { getDb } from "@/lib/db";
import { makeArticle, makeChannel } from "@/lib/testing/fixtures";

const HOUR = 3_600_000;

describe("channel story count", () => {
  it("equals a count of the visible stories after every kind of write", async () => {
    const db = await getDb();
    const [a, b] = [await makeChannel(), await makeChannel()];
    const now = Date.now();
    const check = async (at = now) => {
      for (const ch of [a, b])
        expect(await countVisibleInChannel(ch.id, at)).toBe(
          await db.article.count({ where: { channelId: ch.id, ...visibleWhere(at) } }),
        );
    };
    const live = await makeArticle({ channelId: a.id });
    const draft = await makeArticle({ channelId: a.id, status: "draft", publishedAt: null });
    const scheduled = await makeArticle({ channelId: a.id, publishedAt: new Date(now + HOUR) });
    await makeArticle({ channelId: b.id });
    await check();
    expect(await countVisibleInChannel(a.id, now)).toBe(1);
    expect(await countVisibleInChannel(a.id, now + 2 * HOUR)).toBe(2); // the scheduled one's minute came
    await check(now + 2 * HOUR);

    await db.article.update({
      where: { id: draft.id },
      data: { status: "published", publishedAt: new Date(now - HOUR) },
    });
    await check();
    await db.article.update({ where: { id: live.id }, data: { status: "unpublished" } });
    await check();
    await db.article.update({ where: { id: scheduled.id }, data: { channelId: b.id } }); // moved
    await check();
    await check(now + 2 * HOUR);
    await db.article.update({ where: { id: scheduled.id }, data: { publishedAt: new Date(now - HOUR) } });
    await check();
    await db.article.delete({ where: { id: draft.id } });
    await check();
    await db.article.createMany({
      data: [1, 2, 3].map((i) => ({
        channelId: a.id,
        title: `批量${i}`,
        body: "",
        bodyHtml: "",
        status: "published",
        publishedAt: new Date(now - i * HOUR),
      })),
    });
    await check();
    expect(await countVisibleInChannel(a.id, now)).toBe(3);
  });
});
