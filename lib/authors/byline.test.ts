import { describe, expect, it } from "vitest";
import { bylineNames, bylineParts, linkedByline } from "@/lib/authors/byline";

describe("bylineNames", () => {
  it("keeps names and drops role words", () => {
    expect(bylineNames("记者 张三")).toEqual(["张三"]);
    expect(bylineNames("融媒体记者 张三")).toEqual(["张三"]);
    expect(bylineNames("通讯员 李四 记者 张三")).toEqual(["李四", "张三"]);
    expect(bylineNames("记者 王五 实习生 赵六")).toEqual(["王五", "赵六"]);
    expect(bylineNames("本报记者张三、李四")).toEqual(["张三", "李四"]);
    expect(bylineNames("文/图 钱七")).toEqual(["钱七"]);
    expect(bylineNames("（记者 张文）")).toEqual(["张文"]);
    expect(bylineNames("")).toEqual([]);
  });

  it("splits on every usual separator, full-width ones and the ideographic space included", () => {
    expect(bylineNames("记者 张三，李四,王五；赵六;钱七|孙八")).toEqual([
      "张三",
      "李四",
      "王五",
      "赵六",
      "钱七",
      "孙八",
    ]);
    expect(bylineNames("本报记者\u3000韦莉\u3000通讯员\u3000覃文")).toEqual(["韦莉", "覃文"]);
    expect(bylineNames("记者：张三")).toEqual(["张三"]);
  });

  it("takes a trailing 摄 off a name but keeps a one-character name", () => {
    expect(bylineNames("张三摄")).toEqual(["张三"]);
    expect(bylineNames("记者 张三 摄")).toEqual(["张三"]);
  });

  it("names each person once", () => {
    expect(bylineNames("记者 张三 摄影 张三")).toEqual(["张三"]);
  });

  it("keeps a byline without role words whole as one name per separated piece", () => {
    expect(bylineNames("柳州日报社")).toEqual(["柳州日报社"]);
  });
});

describe("bylineParts", () => {
  it("gives back the byline exactly when its texts are joined", () => {
    for (const byline of [
      "本报记者 韦莉 通讯员 覃文",
      "记者张三、李四摄",
      "（记者 张文）",
      "文/图 钱七",
      "",
      "  ",
    ]) {
      expect(
        bylineParts(byline)
          .map((p) => p.text)
          .join(""),
      ).toBe(byline);
    }
  });

  it("marks the names and merges the text around them", () => {
    expect(bylineParts("本报记者 韦莉、覃文摄")).toEqual([
      { text: "本报记者 " },
      { text: "韦莉", name: "韦莉" },
      { text: "、" },
      { text: "覃文", name: "覃文" },
      { text: "摄" },
    ]);
  });
});

describe("linkedByline", () => {
  it("links only the names with a profile; the rest stays free text", () => {
    expect(linkedByline("记者 韦莉 通讯员 覃文", [{ name: "韦莉", slug: "wei-li" }])).toEqual([
      { text: "记者 " },
      { text: "韦莉", href: "/author/wei-li" },
      { text: " 通讯员 " },
      { text: "覃文" },
    ]);
  });

  it("does not link a name that merely contains a profile's name", () => {
    expect(linkedByline("记者 韦莉莉", [{ name: "韦莉", slug: "wei-li" }])).toEqual([
      { text: "记者 " },
      { text: "韦莉莉" },
    ]);
  });
});
