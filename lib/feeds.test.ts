import Parser from "rss-parser";
import { describe, expect, it } from "vitest";
import { buildRss, escapeXml, toRfc822, type RssItem } from "@/lib/feeds";

const RFC822 =
  /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} GMT$/;

function item(n: number, extra: Partial<RssItem> = {}): RssItem {
  const url = `https://news.example.cn/liujiang/${n}`;
  return {
    title: `第${n}条新闻`,
    link: url,
    guid: url,
    guidIsPermaLink: true,
    description: `第${n}条新闻的摘要。`,
    pubDate: new Date(Date.UTC(2026, 10, 25, 2, n, 7)),
    categories: ["柳江新闻"],
    ...extra,
  };
}

describe("escapeXml", () => {
  it("escapes markup characters and drops characters XML forbids", () => {
    expect(escapeXml(`<a href="x">&'</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;&amp;&apos;&lt;/a&gt;");
    expect(escapeXml("a\u0000b\u0008c\u000bd\u001fe\ufffff")).toBe("abcdef");
    expect(escapeXml("tab\tnl\ncr\r")).toBe("tab\tnl\ncr\r");
    // A lone surrogate goes, a pair (emoji) stays.
    expect(escapeXml("x\ud800y😀")).toBe("xy😀");
  });
});

describe("toRfc822", () => {
  it("formats in GMT as RSS 2.0 requires", () => {
    const d = new Date("2026-11-25T10:05:09+08:00");
    expect(toRfc822(d)).toBe("Wed, 25 Nov 2026 02:05:09 GMT");
    expect(toRfc822(d)).toMatch(RFC822);
  });
});

describe("buildRss", () => {
  it("produces RSS 2.0 that a feed parser reads back field for field", async () => {
    const xml = buildRss({
      title: "柳州地方网",
      link: "https://news.example.cn/",
      description: "立足柳州 & 服务城乡",
      selfUrl: "https://news.example.cn/rss.xml",
      language: "zh-CN",
      lastBuildDate: new Date(Date.UTC(2026, 10, 25, 3)),
      ttlMinutes: 5,
      items: [item(2), item(1)],
    });
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"')).toBe(true);
    expect(xml).toContain(
      '<atom:link href="https://news.example.cn/rss.xml" rel="self" type="application/rss+xml"/>',
    );
    const feed = await new Parser().parseString(xml);
    expect(feed.title).toBe("柳州地方网");
    expect(feed.description).toBe("立足柳州 & 服务城乡");
    expect(feed.link).toBe("https://news.example.cn/");
    expect(feed.items.map((i) => i.guid)).toEqual([
      "https://news.example.cn/liujiang/2",
      "https://news.example.cn/liujiang/1",
    ]);
    const first = feed.items[0];
    expect(first?.title).toBe("第2条新闻");
    expect(first?.link).toBe("https://news.example.cn/liujiang/2");
    expect(first?.content).toBe("第2条新闻的摘要。");
    expect(first?.categories).toEqual(["柳江新闻"]);
    expect(first?.pubDate).toMatch(RFC822);
    expect(first?.isoDate).toBe("2026-11-25T02:02:07.000Z");
    expect(xml).toContain('<guid isPermaLink="true">https://news.example.cn/liujiang/2</guid>');
  });

  it("marks an item changed after publication with atom:updated, which a parser reads back", async () => {
    const updated = new Date(Date.UTC(2026, 10, 26, 8, 30));
    const xml = buildRss({
      title: "柳州地方网",
      link: "https://news.example.cn/",
      description: "d",
      selfUrl: "https://news.example.cn/rss.xml",
      language: "zh-CN",
      lastBuildDate: new Date(Date.UTC(2026, 10, 25, 3)),
      items: [item(2, { updated }), item(1)],
    });
    expect(xml).toContain("<atom:updated>2026-11-26T08:30:00.000Z</atom:updated>");
    const feed = await new Parser<object, { "atom:updated"?: string }>({
      customFields: { item: ["atom:updated"] },
    }).parseString(xml);
    expect(feed.items.map((i) => i["atom:updated"])).toEqual(["2026-11-26T08:30:00.000Z", undefined]);
  });

  it("keeps hostile text as text", async () => {
    const hostile = `</title><script>alert("x")</script>]]>&amp; \u0001 'q'`;
    const xml = buildRss({
      title: hostile,
      link: "https://news.example.cn/?a=1&b=2",
      description: hostile,
      selfUrl: "https://news.example.cn/rss.xml",
      language: "zh-CN",
      lastBuildDate: new Date(0),
      items: [item(1, { title: hostile, description: hostile, categories: [hostile] })],
    });
    expect(xml).not.toContain("<script>");
    const feed = await new Parser().parseString(xml);
    const expected = hostile.replace("\u0001", "");
    expect(feed.title).toBe(expected);
    expect(feed.link).toBe("https://news.example.cn/?a=1&b=2");
    expect(feed.items[0]?.title).toBe(expected);
    expect(feed.items[0]?.categories).toEqual([expected]);
  });

  it("is a valid document with no items", async () => {
    const xml = buildRss({
      title: "空频道",
      link: "https://news.example.cn/x",
      description: "",
      selfUrl: "https://news.example.cn/x/rss.xml",
      language: "zh-CN",
      lastBuildDate: new Date(0),
      items: [],
    });
    const feed = await new Parser().parseString(xml);
    expect(feed.items).toEqual([]);
  });
});
