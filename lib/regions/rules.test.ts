import { describe, expect, it } from "vitest";
import { newChannelFormSchema, regionFormSchema } from "@/lib/regions/rules";

describe("regionFormSchema", () => {
  it("reads an empty parent as a new province and lower-cases the slug", () => {
    expect(regionFormSchema.parse({ parentId: "", name: " 湖南 ", slug: "HuNan" })).toEqual({
      parentId: null,
      name: "湖南",
      slug: "hunan",
    });
    expect(regionFormSchema.parse({ parentId: "3", name: "桂林市", slug: "guilin" }).parentId).toBe(3);
  });

  it("refuses a bad slug, a short name and a made-up parent", () => {
    const r = regionFormSchema.safeParse({ parentId: "x", name: "桂", slug: "桂林" });
    expect(r.success).toBe(false);
    const fields = r.error?.issues.map((i) => i.path[0]).sort();
    expect(fields).toEqual(["name", "parentId", "slug"]);
  });
});

describe("newChannelFormSchema", () => {
  it("needs a region and keeps the channel rules (reserved slugs too)", () => {
    const ok = newChannelFormSchema.parse({
      name: "象山新闻",
      slug: "xiangshan",
      sortOrder: "110",
      slogan: "",
      regionId: "9",
    });
    expect(ok).toEqual({ name: "象山新闻", slug: "xiangshan", sortOrder: 110, slogan: "", regionId: 9 });
    const bad = newChannelFormSchema.safeParse({ name: "地区", slug: "region", sortOrder: "1", slogan: "" });
    expect(bad.error?.issues.map((i) => i.path[0]).sort()).toEqual(["regionId", "slug"]);
  });
});
