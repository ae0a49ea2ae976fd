import { describe, expect, it } from "vitest";
import { barView } from "@/lib/regions/channel-bar";
import type { ChannelBarData } from "@/lib/data/types";

const bar: ChannelBarData = {
  channels: [
    { id: 1, slug: "liuzhou", name: "柳州新闻", cityId: 10 },
    { id: 2, slug: "liujiang", name: "柳江新闻", cityId: 10 },
    { id: 3, slug: "yangshuo", name: "阳朔新闻", cityId: 20 },
    { id: 4, slug: "loose", name: "无城市频道", cityId: null },
  ],
  cities: [
    { id: 10, name: "柳州市", href: "/region/guangxi/liuzhou", provinceHref: "/region/guangxi" },
    { id: 20, name: "桂林市", href: "/region/guangxi/guilin", provinceHref: "/region/guangxi" },
  ],
  defaultCityId: 10,
};

const slugs = (path: string) => barView(bar, path).channels.map((c) => c.slug);

describe("barView", () => {
  it("shows the channel's city on channel pages and stories", () => {
    expect(slugs("/yangshuo")).toEqual(["yangshuo"]);
    expect(slugs("/yangshuo/42")).toEqual(["yangshuo"]);
    expect(barView(bar, "/yangshuo/42").city?.name).toBe("桂林市");
    expect(slugs("/liujiang/7")).toEqual(["liuzhou", "liujiang", "loose"]);
  });

  it("shows a hub's city, and the site's own city everywhere else", () => {
    expect(slugs("/region/guangxi/guilin")).toEqual(["yangshuo"]);
    expect(slugs("/region/guangxi")).toEqual(["liuzhou", "liujiang", "loose"]);
    expect(slugs("/region/guangxi/guilinx")).toEqual(["liuzhou", "liujiang", "loose"]);
    for (const path of ["/", "/rank", "/tag/民生", "/search", "/no-such-page"]) {
      expect(barView(bar, path).city?.id, path).toBe(10);
    }
  });
});
