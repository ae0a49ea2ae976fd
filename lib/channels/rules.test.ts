import { describe, expect, it } from "vitest";
import { RESERVED_SLUGS, channelFormSchema, isReservedSlug, slugSchema } from "@/lib/channels/rules";

describe("channel slugs", () => {
  it("accepts pinyin slugs, lower-casing and trimming them", () => {
    expect(slugSchema.parse("liujiang")).toBe("liujiang");
    expect(slugSchema.parse(" RongShui ")).toBe("rongshui");
    expect(slugSchema.parse("sanjiang-2")).toBe("sanjiang-2");
    expect(slugSchema.parse("l" + "a".repeat(30))).toHaveLength(31);
  });

  it("refuses anything else", () => {
    for (const bad of [
      "l",
      "1liujiang",
      "-abc",
      "liu jiang",
      "柳江",
      "liujiang/1",
      "l" + "a".repeat(31),
      "liu_jiang",
      "rss.xml",
    ]) {
      expect(slugSchema.safeParse(bad).success, bad).toBe(false);
    }
  });

  it("refuses every path the site itself uses", () => {
    for (const reserved of [
      "admin",
      "api",
      "media",
      "search",
      "tag",
      "rank",
      "zhuanti",
      "corrections",
      "sitemaps",
    ]) {
      const result = slugSchema.safeParse(reserved);
      expect(result.success, reserved).toBe(false);
      expect(result.error?.issues[0]?.message).toBe("该地址为网站保留地址，不能使用");
    }
    expect(RESERVED_SLUGS).toEqual(
      expect.arrayContaining(["rss.xml", "sitemap.xml", "news-sitemap.xml", "robots.txt"]),
    );
  });

  it("isReservedSlug names exactly the reserved first segments", () => {
    for (const reserved of RESERVED_SLUGS) expect(isReservedSlug(reserved), reserved).toBe(true);
    for (const channel of ["liujiang", "rongan", "admins", "Admin"])
      expect(isReservedSlug(channel), channel).toBe(false);
  });
});

describe("channelFormSchema", () => {
  it("parses a whole form", () => {
    expect(
      channelFormSchema.parse({
        id: "3",
        name: " 柳江新闻 ",
        slug: "liujiang",
        sortOrder: "2",
        slogan: " 口号 ",
        reviewSteps: "2",
      }),
    ).toEqual({ id: 3, name: "柳江新闻", slug: "liujiang", sortOrder: 2, slogan: "口号", reviewSteps: 2 });
  });

  it("strips control and bidi characters from the name and the slogan", () => {
    expect(
      channelFormSchema.parse({
        id: "3",
        name: "柳江\u0000新闻\u202E",
        slug: "liujiang",
        sortOrder: "2",
        slogan: "\u2066口号\u2069\u0007",
        reviewSteps: "1",
      }),
    ).toMatchObject({ name: "柳江新闻", slogan: "口号" });
  });

  it("reports bad names and orders per field", () => {
    const result = channelFormSchema.safeParse({
      id: "3",
      name: "柳",
      slug: "ok-slug",
      sortOrder: "1.5",
      slogan: "",
      reviewSteps: "4",
    });
    expect(result.success).toBe(false);
    const paths = result.error?.issues.map((i) => i.path[0]);
    expect(paths).toEqual(["name", "sortOrder", "reviewSteps"]);
  });
});
