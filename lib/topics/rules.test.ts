import { describe, expect, it } from "vitest";
import {
  TOPIC_LIMITS,
  TOPIC_MESSAGES,
  parseStoryList,
  parseTopicForm,
  readTopicForm,
  type TopicFormValues,
} from "@/lib/topics/rules";

const base: TopicFormValues = {
  title: " 柳州螺蛳粉 ",
  slug: "LuoSiFen-2026",
  intro: "一碗粉\r\n\r\n两段",
  bannerImageId: "",
  published: true,
  featuredOnHome: false,
  homeOrder: "",
  sections: [
    {
      title: "精选",
      kind: "picked",
      stories: "12\n/liujiang/34，12 https://x.example/liuzhou/56?from=a",
      tag: "",
    },
    { title: "", kind: "picked", stories: "", tag: "" },
    { title: "最新", kind: "tag", stories: "ignored", tag: " 螺蛳粉 " },
  ],
};

describe("parseStoryList", () => {
  it("reads ids and addresses in order, each once, and names what it cannot read", () => {
    expect(parseStoryList("3, 1、/a/2\n3  https://s.example/b/4#c")).toEqual({ ids: [3, 1, 2, 4], bad: [] });
    expect(parseStoryList("3 /a/b/c x")).toEqual({ ids: [3], bad: ["/a/b/c", "x"] });
  });
});

describe("parseTopicForm", () => {
  it("cleans the fields, skips blank sections and keeps their form names", () => {
    const parsed = parseTopicForm(base);
    expect(parsed).toEqual({
      ok: true,
      input: {
        title: "柳州螺蛳粉",
        slug: "luosifen-2026",
        intro: "一碗粉\n\n两段",
        bannerImageId: null,
        published: true,
        featuredOnHome: false,
        homeOrder: 0,
        sections: [
          { field: "s0", title: "精选", kind: "picked", articleIds: [12, 34, 56], tag: null },
          { field: "s2", title: "最新", kind: "tag", articleIds: [], tag: "螺蛳粉" },
        ],
      },
    });
  });

  it("names every field at fault", () => {
    const parsed = parseTopicForm({
      ...base,
      title: "",
      slug: "page",
      homeOrder: "-1",
      bannerImageId: "x",
      sections: [
        { title: "a", kind: "picked", stories: "", tag: "" },
        { title: "", kind: "tag", stories: "", tag: "t" },
        { title: "c", kind: "picked", stories: "1 nope", tag: "" },
      ],
    });
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.errors).toEqual({
      title: [TOPIC_MESSAGES.titleEmpty],
      slug: [TOPIC_MESSAGES.slugReserved],
      homeOrder: [TOPIC_MESSAGES.homeOrder],
      bannerImageId: [TOPIC_MESSAGES.image],
      "s0.stories": [TOPIC_MESSAGES.storiesEmpty],
      "s1.title": [TOPIC_MESSAGES.sectionTitleEmpty],
      "s2.stories": [TOPIC_MESSAGES.storyBad("nope")],
    });
  });

  it("refuses bad addresses, too many sections or stories, and publishing an empty topic", () => {
    for (const slug of ["三月三", "1abc", "a--b", "a-", "a b"]) {
      const r = parseTopicForm({ ...base, slug });
      expect(r.ok ? null : r.errors.slug, slug).toEqual([TOPIC_MESSAGES.slug]);
    }
    const many = Array.from({ length: TOPIC_LIMITS.sections + 1 }, (_, i) => ({
      title: `s${i}`,
      kind: "picked" as const,
      stories: "1",
      tag: "",
    }));
    const r1 = parseTopicForm({ ...base, sections: many });
    expect(r1.ok ? null : r1.errors.sections).toEqual([TOPIC_MESSAGES.sectionsMany]);
    const ids = Array.from({ length: TOPIC_LIMITS.picked + 1 }, (_, i) => i + 1).join(" ");
    const r2 = parseTopicForm({ ...base, sections: [{ title: "a", kind: "picked", stories: ids, tag: "" }] });
    expect(r2.ok ? null : r2.errors["s0.stories"]).toEqual([TOPIC_MESSAGES.storiesMany]);
    const r3 = parseTopicForm({ ...base, sections: [] });
    expect(r3.ok ? null : r3.errors.sections).toEqual([TOPIC_MESSAGES.sectionsNone]);
    expect(parseTopicForm({ ...base, published: false, sections: [] }).ok).toBe(true);
  });
});

describe("readTopicForm", () => {
  it("reads the sections present in the form, in order", () => {
    const fd = new FormData();
    fd.set("title", "t");
    fd.set("published", "on");
    fd.set("s0.title", "a");
    fd.set("s0.kind", "tag");
    fd.set("s0.tag", "x");
    fd.set("s2.title", "c");
    fd.set("s2.stories", "1");
    const v = readTopicForm(fd);
    expect(v.published).toBe(true);
    expect(v.featuredOnHome).toBe(false);
    expect(v.sections).toEqual([
      { title: "a", kind: "tag", stories: "", tag: "x" },
      { title: "c", kind: "picked", stories: "1", tag: "" },
    ]);
  });
});
