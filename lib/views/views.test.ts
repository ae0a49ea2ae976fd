import { describe, expect, it } from "vitest";
import { ViewBuffer } from "@/lib/views/buffer";
import { PEER_ADDRESS_HEADER, clientAddress } from "@/lib/client-address";
import { ViewDeduper, clientKey, isCountableUserAgent } from "@/lib/views/policy";

const CHROME =
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36";
const WECHAT =
  "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 MicroMessenger/8.0.50";

describe("isCountableUserAgent", () => {
  it("counts browsers, including in-app browsers", () => {
    expect(isCountableUserAgent(CHROME)).toBe(true);
    expect(isCountableUserAgent(WECHAT)).toBe(true);
  });
  it.each([
    // Phones whose model name ends in "bot" (Cubot is a Chinese brand), as their browsers send it.
    "Mozilla/5.0 (Linux; Android 10; CUBOT X30 Build/QP1A.190711.020; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/87.0.4280.141 Mobile Safari/537.36",
    "Mozilla/5.0 (Linux; Android 11; Cubot P40) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.6099.144 Mobile Safari/537.36",
    "Mozilla/5.0 (Linux; U; Android 4.4.2; zh-cn; CUBOT X9 Build/KOT49H) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 UCBrowser/11.0.0.828 U3/0.8.0 Mobile Safari/534.30",
    "Mozilla/5.0 (Linux; Android 12; CUBOT KINGKONG 7 Build/SP1A.210812.016; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/116.0.0.0 Mobile Safari/537.36 XWEB/1160065 MMWEBSDK/20231202 MicroMessenger/8.0.47.2560(0x28002F30) WeChat/arm64 Weixin NetType/WIFI Language/zh_CN ABI/arm64",
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1",
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15",
  ])("counts %j", (ua) => {
    expect(isCountableUserAgent(ua)).toBe(true);
  });
  it.each([
    "Mozilla/5.0 (compatible; Baiduspider/2.0; +http://www.baidu.com/search/spider.html)",
    "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
    "Mozilla/5.0 (Linux; Android 6.0.1; Nexus 5X Build/MMB29P) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.6778.69 Mobile Safari/537.36 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
    "Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)",
    "Mozilla/5.0 (compatible; YandexBot/3.0; +http://yandex.com/bots)",
    "Mozilla/5.0 (Linux; Android 5.0) AppleWebKit/537.36 (KHTML, like Gecko) Mobile Safari/537.36 (compatible; Bytespider; spider-feedback@bytedance.com)",
    "Mozilla/5.0 (Linux; Android 7.0;) AppleWebKit/537.36 (KHTML, like Gecko) Mobile Safari/537.36 (compatible; PetalBot;+https://webmaster.petalsearch.com/site/petalbot)",
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/91.0.4472.124 Safari/537.36; 360Spider",
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/13.1.1 Safari/605.1.15 (Applebot/0.1; +http://www.apple.com/go/applebot)",
    "Slackbot 1.0 (+https://api.slack.com/robots)",
    "TelegramBot (like TwitterBot)",
    "Sogou web spider/4.0(+http://www.sogou.com/docs/help/webmasters.htm#07)",
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/131.0 Safari/537.36",
    "curl/8.5.0",
    "python-requests/2.31",
    "autocannon",
    "",
  ])("does not count %j", (ua) => {
    expect(isCountableUserAgent(ua)).toBe(false);
  });
  it("does not count a missing user agent", () => {
    expect(isCountableUserAgent(null)).toBe(false);
  });
});

describe("clientAddress and clientKey", () => {
  it("takes the socket's address, never a header the client chose (lib/client-address.test.ts)", () => {
    const peer = { [PEER_ADDRESS_HEADER]: "198.51.100.4" };
    expect(clientAddress(new Headers({ ...peer, "x-forwarded-for": "203.0.113.7" }))).toBe("198.51.100.4");
    expect(clientAddress(new Headers({ ...peer, "x-real-ip": "203.0.113.8" }))).toBe("198.51.100.4");
    expect(clientAddress(new Headers())).toBe("unknown");
  });
  it("hashes with the salt and never contains the address", () => {
    const a = clientKey("203.0.113.7", CHROME, "salt-one-xx");
    expect(a).not.toContain("203");
    expect(a).toBe(clientKey("203.0.113.7", CHROME, "salt-one-xx"));
    expect(a).not.toBe(clientKey("203.0.113.7", CHROME, "salt-two-xx"));
    expect(a).not.toBe(clientKey("203.0.113.9", CHROME, "salt-one-xx"));
  });
});

describe("ViewDeduper", () => {
  it("counts a client's repeated views of a story once per window", () => {
    const d = new ViewDeduper(30 * 60_000);
    const t = 1_000_000;
    expect(d.admit("c1", 1, t)).toBe(true);
    for (let i = 1; i < 100; i++) expect(d.admit("c1", 1, t + i * 1000)).toBe(false);
    expect(d.admit("c1", 2, t)).toBe(true);
    expect(d.admit("c2", 1, t)).toBe(true);
    expect(d.admit("c1", 1, t + 30 * 60_000)).toBe(true);
  });
  it("stays bounded, forgetting the oldest pairs first", () => {
    const d = new ViewDeduper(60_000, 3);
    for (let i = 0; i < 5; i++) d.admit(`c${i}`, 1, 0);
    expect(d.size).toBe(3);
    expect(d.admit("c4", 1, 1)).toBe(false);
    expect(d.admit("c0", 1, 1)).toBe(true);
  });
  it("forgets expired pairs before live ones when full", () => {
    const d = new ViewDeduper(10, 2);
    d.admit("a", 1, 0);
    d.admit("b", 1, 5);
    d.admit("c", 1, 12); // "a" expired at 10: it goes, "b" (live until 15) stays
    expect(d.size).toBe(2);
    expect(d.admit("b", 1, 13)).toBe(false);
    expect(d.admit("c", 1, 13)).toBe(false);
  });
});

describe("ViewBuffer", () => {
  it("keeps each view with its pair and time and drains everything once", () => {
    const b = new ViewBuffer();
    b.add("a:1", 1, 10);
    b.add("b:1", 1, 20);
    b.add("a:2", 2, 3_600_000);
    expect(b.size).toBe(3);
    expect(b.drain()).toEqual([
      { key: "a:1", articleId: 1, atMs: 10 },
      { key: "b:1", articleId: 1, atMs: 20 },
      { key: "a:2", articleId: 2, atMs: 3_600_000 },
    ]);
    expect(b.size).toBe(0);
    expect(b.drain()).toEqual([]);
  });
  it("restores views after a failed write, ahead of newer ones, without losing or doubling any", () => {
    const b = new ViewBuffer();
    b.add("a:1", 1, 10);
    const views = b.drain();
    b.add("b:1", 1, 20);
    b.restore(views);
    expect(b.drain().map((v) => v.key)).toEqual(["a:1", "b:1"]);
  });
});
