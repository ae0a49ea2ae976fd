import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { JsonLd } from "@/components/JsonLd";
import {
  articleJsonLd,
  authorJsonLd,
  breadcrumbJsonLd,
  serializeJsonLd,
  shareCard,
  type JsonLdArticle,
} from "@/lib/seo";

const site = { siteUrl: "https://news.example.cn", siteName: "柳州地方网" };

function story(overrides: Partial<JsonLdArticle> = {}): JsonLdArticle {
  return {
    href: "/liujiang/42",
    title: "柳江区：万亩荷塘迎来挖藕季",
    description: "冬天的百朋荷塘，藕农忙着挖藕。",
    publishedAt: new Date("2026-11-24T01:30:00Z"),
    updatedAt: new Date("2026-11-24T03:05:09Z"),
    byline: "本报记者 覃小梅 通讯员 韦柳",
    authors: [],
    source: "柳州日报",
    tags: ["百朋", "莲藕"],
    channel: { id: 2, slug: "liujiang", name: "柳江新闻" },
    image: {
      src: "/media/abc-640.webp",
      srcSet: "/media/abc-320.webp 320w, /media/abc-640.webp 640w, /media/abc-1280.webp 1280w",
      width: 1600,
      height: 900,
      alt: "荷塘",
      caption: "藕农在荷塘里挖藕",
      credit: "记者 覃小梅 摄",
    },
    ...overrides,
  };
}

/** Round trip through the exact text the page embeds. */
function embedded(data: object): Record<string, unknown> {
  const html = renderToStaticMarkup(createElement(JsonLd, { data }));
  const m = /^<script type="application\/ld\+json">(.*)<\/script>$/s.exec(html);
  expect(m, html).not.toBeNull();
  return JSON.parse(m?.[1] ?? "") as Record<string, unknown>;
}

describe("articleJsonLd", () => {
  it("has every NewsArticle field, with Beijing times and absolute URLs", () => {
    const data = embedded(articleJsonLd(story(), site));
    expect(data).toEqual({
      "@context": "https://schema.org",
      "@type": "NewsArticle",
      mainEntityOfPage: { "@type": "WebPage", "@id": "https://news.example.cn/liujiang/42" },
      url: "https://news.example.cn/liujiang/42",
      headline: "柳江区：万亩荷塘迎来挖藕季",
      description: "冬天的百朋荷塘，藕农忙着挖藕。",
      datePublished: "2026-11-24T09:30:00+08:00",
      dateModified: "2026-11-24T11:05:09+08:00",
      author: [
        { "@type": "Person", name: "覃小梅" },
        { "@type": "Person", name: "韦柳" },
      ],
      publisher: {
        "@type": "Organization",
        name: "柳州地方网",
        url: "https://news.example.cn/",
        logo: { "@type": "ImageObject", url: "https://news.example.cn/logo.png", width: 512, height: 512 },
      },
      image: [
        {
          "@type": "ImageObject",
          url: "https://news.example.cn/media/abc-1280.webp",
          width: 1280,
          height: 720,
          caption: "藕农在荷塘里挖藕",
        },
      ],
      articleSection: "柳江新闻",
      keywords: "百朋,莲藕",
      inLanguage: "zh-CN",
      isAccessibleForFree: true,
    });
  });

  it("falls back to the source as author, the logo as image, and never dates a change before publication", () => {
    const data = articleJsonLd(
      story({ byline: "", image: null, tags: [], updatedAt: new Date("2026-11-20T00:00:00Z") }),
      site,
    );
    expect(data.author).toEqual([{ "@type": "Organization", name: "柳州日报" }]);
    expect(data.image).toEqual([data.publisher.logo]);
    expect(data.dateModified).toBe(data.datePublished);
    expect("keywords" in data).toBe(false);
    expect(articleJsonLd(story({ byline: "", source: "" }), site).author).toEqual([
      { "@type": "Organization", name: "柳州地方网" },
    ]);
  });
});

describe("shareCard", () => {
  it("gives absolute addresses: the story's and its lead image's largest derivative", () => {
    expect(shareCard(story(), site)).toEqual({
      url: "https://news.example.cn/liujiang/42",
      title: "柳江区：万亩荷塘迎来挖藕季",
      description: "冬天的百朋荷塘，藕农忙着挖藕。",
      image: { url: "https://news.example.cn/media/abc-1280.webp", width: 1280, height: 720, alt: "荷塘" },
    });
  });

  it("shows the publisher logo for a story without a lead image", () => {
    expect(shareCard(story({ image: null }), site).image).toEqual({
      url: "https://news.example.cn/logo.png",
      width: 512,
      height: 512,
      alt: "柳州地方网",
    });
  });
});

describe("articleJsonLd authors", () => {
  it("gives a Person the address of their page when the byline names a profile", () => {
    const data = embedded(articleJsonLd(story({ authors: [{ name: "韦柳", slug: "wei-liu" }] }), site));
    expect(data.author).toEqual([
      { "@type": "Person", name: "覃小梅" },
      { "@type": "Person", name: "韦柳", url: "https://news.example.cn/author/wei-liu" },
    ]);
  });
});

describe("breadcrumbJsonLd", () => {
  it("mirrors the visible breadcrumb, positions from 1, absolute links", () => {
    const data = embedded(
      breadcrumbJsonLd(
        [
          { label: "柳州地方网", href: "/" },
          { label: "广西" },
          { label: "柳州市" },
          { label: "柳江新闻", href: "/liujiang" },
          { label: "正文" },
        ],
        site,
        "/liujiang/42",
      ),
    );
    expect(data).toEqual({
      "@context": "https://schema.org",
      "@type": "BreadcrumbList",
      itemListElement: [
        { "@type": "ListItem", position: 1, name: "柳州地方网", item: "https://news.example.cn/" },
        { "@type": "ListItem", position: 2, name: "广西" },
        { "@type": "ListItem", position: 3, name: "柳州市" },
        { "@type": "ListItem", position: 4, name: "柳江新闻", item: "https://news.example.cn/liujiang" },
        { "@type": "ListItem", position: 5, name: "正文", item: "https://news.example.cn/liujiang/42" },
      ],
    });
  });
});

describe("JsonLd / serializeJsonLd", () => {
  it("cannot be broken out of by story text, and still parses to the same value", () => {
    const hostile = { headline: `</script><script>alert(1)</script><!-- & \u2028 "q"` };
    const json = serializeJsonLd(hostile);
    expect(json).not.toMatch(/[<>&\u2028\u2029]/);
    expect(json).toContain("\\u003c/script\\u003e");
    expect(JSON.parse(json)).toEqual(hostile);
    const html = renderToStaticMarkup(createElement(JsonLd, { data: hostile }));
    expect(html.match(/<\/script>/g)).toHaveLength(1);
    expect(embedded(hostile)).toEqual(hostile);
  });
});

describe("authorJsonLd", () => {
  it("is a Person with the page's address, desk, bio, photo and the site as employer", () => {
    const photo = story().image;
    const data = embedded(
      authorJsonLd(
        { name: "韦莉", href: "/author/wei-li", desk: "柳州新闻部", bio: "跑民生线。", photo },
        site,
      ),
    );
    expect(data).toEqual({
      "@context": "https://schema.org",
      "@type": "Person",
      name: "韦莉",
      url: "https://news.example.cn/author/wei-li",
      jobTitle: "柳州新闻部",
      description: "跑民生线。",
      image: {
        "@type": "ImageObject",
        url: "https://news.example.cn/media/abc-1280.webp",
        width: 1280,
        height: 720,
        caption: "藕农在荷塘里挖藕",
      },
      worksFor: { "@type": "Organization", name: "柳州地方网", url: "https://news.example.cn/" },
    });
  });

  it("leaves out what the profile does not have", () => {
    const data = embedded(
      authorJsonLd({ name: "覃文", href: "/author/qin-wen", desk: "", bio: "", photo: null }, site),
    );
    expect(Object.keys(data).sort()).toEqual(["@context", "@type", "name", "url", "worksFor"]);
  });
});
