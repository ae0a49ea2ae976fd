import { describe, expect, it } from "vitest";
import type { ArticleSnapshot } from "@/lib/articles/snapshot";
import { bodyLines, diffSnapshots, diffText } from "@/lib/articles/revision-diff";

const base: ArticleSnapshot = {
  v: 1,
  channelId: 1,
  title: "柳江大桥主桥顺利合龙",
  summary: "",
  body: "第一段。\n\n第二段。",
  source: "地方网",
  byline: "记者 韦晓岚",
  tags: ["交通"],
  leadImageId: null,
  leadImageAlt: "",
  leadImageCaption: "",
  leadImageCredit: "",
  publishedAt: null,
  status: "draft",
  isHeadline: false,
  isRecommended: false,
  isCommunity: false,
};
const names = { channelName: (id: number) => ({ 1: "柳江新闻", 2: "融安新闻" })[id] ?? `#${id}` };

describe("diffText", () => {
  it("compares Chinese character by character", () => {
    expect(diffText("大桥全长1200米", "大桥全长1500米")).toEqual([
      { text: "大桥全长1", change: "same" },
      { text: "2", change: "removed" },
      { text: "5", change: "added" },
      { text: "00米", change: "same" },
    ]);
  });

  it("keeps every character of both texts, in order", () => {
    const before = "柳州市今年新建5G基站1200个，覆盖全部乡镇。";
    const after = "柳州市今年新建5G基站1500个，已覆盖全部乡镇和行政村。";
    const parts = diffText(before, after);
    expect(
      parts
        .filter((p) => p.change !== "added")
        .map((p) => p.text)
        .join(""),
    ).toBe(before);
    expect(
      parts
        .filter((p) => p.change !== "removed")
        .map((p) => p.text)
        .join(""),
    ).toBe(after);
  });

  it("compares a long body paragraph by paragraph, a rewritten paragraph whole", () => {
    const para = (i: number) => `第${i}段：柳州市今年新建5G基站一千二百个，覆盖全部乡镇。`;
    const a = Array.from({ length: 300 }, (_, i) => para(i)).join("\n");
    const rewritten = "完全不同的一段话，讲的是另一件事情，没有一个字相同吗？".repeat(20);
    const b = a.replace(para(10), para(10).replace("一千二百", "一千五百")).replace(para(200), rewritten);
    const parts = diffText(a, b);
    expect(
      parts
        .filter((p) => p.change !== "added")
        .map((p) => p.text)
        .join(""),
    ).toBe(a);
    expect(
      parts
        .filter((p) => p.change !== "removed")
        .map((p) => p.text)
        .join(""),
    ).toBe(b);
  });
});

describe("bodyLines", () => {
  it("reads HTML as one line per block, markup and entities gone, images by their alt text", () => {
    expect(
      bodyLines(
        "<h2>小标题</h2><p>第一段<strong>加粗</strong> &amp; 更多</p><ul><li><p>一</p></li><li>二</li></ul>" +
          '<figure><img src="/media/a.webp" alt="大桥"><figcaption>合龙现场</figcaption></figure>' +
          "<table><tbody><tr><th>项目</th><td>数值</td></tr></tbody></table>",
      ),
    ).toBe("小标题\n第一段加粗 & 更多\n一\n二\n［图片：大桥］\n合龙现场\n项目\t数值");
  });

  it("keeps Markdown as written, blank lines dropped", () => {
    expect(bodyLines("第一段。\r\n\r\n  **第二段**  ")).toBe("第一段。\n**第二段**");
  });
});

describe("diffSnapshots", () => {
  it("lists only the fields that changed, texts as character runs, others as before → after", () => {
    const newer: ArticleSnapshot = {
      ...base,
      channelId: 2,
      title: "柳江大桥主桥今日顺利合龙",
      tags: ["交通", "民生"],
      leadImageId: 7,
      leadImageAlt: "合龙现场",
      isHeadline: true,
    };
    const diff = diffSnapshots(base, newer, names);
    expect(diff.map((d) => d.field)).toEqual(["channel", "title", "tags", "leadImage", "flags"]);
    expect(diff[0]).toEqual({
      field: "channel",
      label: "频道",
      kind: "value",
      before: "柳江新闻",
      after: "融安新闻",
    });
    expect(diff[1]).toMatchObject({
      kind: "text",
      parts: [
        { text: "柳江大桥主桥", change: "same" },
        { text: "今日", change: "added" },
        { text: "顺利合龙", change: "same" },
      ],
    });
    expect(diff[2]).toMatchObject({ before: "交通", after: "交通、民生" });
    expect(diff[3]).toMatchObject({ before: "（无）", after: "#7 合龙现场" });
    expect(diff[4]).toMatchObject({ before: "（无）", after: "头条" });
  });

  it("sees no change in the body when only its markup changed", () => {
    expect(diffSnapshots(base, { ...base, body: "<p>第一段。</p><p>第二段。</p>" }, names)).toEqual([]);
    expect(diffSnapshots(base, base, names)).toEqual([]);
  });
});
