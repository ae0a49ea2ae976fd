import { describe, expect, it } from "vitest";
import {
  EMPTY_ARTICLE_FORM,
  LEAD_IMAGE_MESSAGES,
  LIMITS,
  articleMetaSchema,
  offSiteImagesMessage,
  parseArticleForm,
  readArticleForm,
  toBeijingLocalInput,
  toFormValues,
  type ArticleFormValues,
} from "@/lib/articles/form";

const valid: ArticleFormValues = {
  ...EMPTY_ARTICLE_FORM,
  channelId: "2",
  title: "  柳江区新厂投产  ",
  summary: " 摘要 ",
  body: "<p><strong>导语：</strong>正文。</p>",
  source: "柳州日报",
  byline: "本报记者 张三",
  tags: "螺蛳粉、柳江，螺蛳粉",
  publishedAt: "2026-02-01T00:30",
  isRecommended: true,
};

function form(entries: Record<string, string>): FormData {
  const fd = new FormData();
  for (const [k, v] of Object.entries(entries)) fd.set(k, v);
  return fd;
}

describe("readArticleForm", () => {
  it("reads every field as typed; a checkbox is on when it is sent at all", () => {
    const values = readArticleForm(
      form({ channelId: "2", title: "  t  ", body: "b", isHeadline: "on", tags: "a、b" }),
    );
    expect(values).toEqual({
      ...EMPTY_ARTICLE_FORM,
      channelId: "2",
      title: "  t  ",
      body: "b",
      tags: "a、b",
      isHeadline: true,
    });
  });

  it("keeps over-long text (up to twice the limit) so that the rule can report it and the editor keep it", () => {
    const long = "字".repeat(LIMITS.title + 5);
    expect(readArticleForm(form({ title: long })).title).toBe(long);
    expect(readArticleForm(form({ title: "字".repeat(LIMITS.title * 3) })).title).toHaveLength(
      LIMITS.title * 2,
    );
  });

  it("ignores files and missing fields", () => {
    const fd = new FormData();
    fd.set("title", new Blob(["x"]), "x.txt");
    expect(readArticleForm(fd)).toEqual(EMPTY_ARTICLE_FORM);
  });
});

describe("parseArticleForm", () => {
  it("trims texts, parses tags and reads the time as Beijing time", () => {
    const parsed = parseArticleForm(valid);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    expect(parsed.data).toMatchObject({
      channelId: 2,
      title: "柳江区新厂投产",
      summary: "摘要",
      tags: ["螺蛳粉", "柳江"],
      leadImageId: null,
      isRecommended: true,
      isHeadline: false,
    });
    // 00:30 on 1 February in Beijing is 16:30 UTC the day before (the tests run in New York time).
    expect(parsed.data.publishedAt?.toISOString()).toBe("2026-01-31T16:30:00.000Z");
  });

  it("an empty time is null", () => {
    const parsed = parseArticleForm({ ...valid, publishedAt: "" });
    expect(parsed.ok && parsed.data.publishedAt).toBeNull();
  });

  it("reports every problem of one submit at once, per field", () => {
    const parsed = parseArticleForm({
      ...EMPTY_ARTICLE_FORM,
      body: "   ",
      tags: Array.from({ length: 11 }, (_, i) => `标签${i}`).join("、"),
      leadImageId: "5",
      publishedAt: "2026-02-31T10:00",
    });
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.errors.channelId).toEqual(["请选择频道"]);
    expect(parsed.errors.title).toEqual(["请输入标题"]);
    expect(parsed.errors.body).toEqual(["请输入正文"]);
    expect(parsed.errors.tags).toEqual(["最多 10 个标签"]);
    expect(parsed.errors.publishedAt).toEqual(["请填写有效的发布时间（北京时间）"]);
    expect(parsed.errors.leadImageAlt).toEqual([LEAD_IMAGE_MESSAGES.alt]);
    expect(parsed.errors.leadImageCaption).toEqual([LEAD_IMAGE_MESSAGES.caption]);
  });

  it("requires alt text and caption only when a lead image is set; the credit stays optional", () => {
    expect(parseArticleForm({ ...valid, leadImageAlt: "", leadImageCaption: "" }).ok).toBe(true);
    const missing = parseArticleForm({
      ...valid,
      leadImageId: "9",
      leadImageAlt: " ",
      leadImageCaption: "说明",
    });
    expect(missing.ok === false && Object.keys(missing.errors)).toEqual(["leadImageAlt"]);
    const ok = parseArticleForm({
      ...valid,
      leadImageId: "9",
      leadImageAlt: "替代",
      leadImageCaption: "说明",
    });
    expect(ok.ok && ok.data.leadImageId).toBe(9);
  });

  it("enforces lengths and well-formed ids", () => {
    const parsed = parseArticleForm({
      ...valid,
      title: "题".repeat(LIMITS.title + 1),
      tags: "一二三四五六七八九十一二三四五六七八九十一",
      leadImageId: "abc",
      channelId: "0",
    });
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.errors.title).toEqual([`标题最多 ${LIMITS.title} 个字`]);
    expect(parsed.errors.tags).toEqual(["每个标签最多 20 个字"]);
    expect(parsed.errors.leadImageId).toEqual(["题图无效，请重新选择"]);
    expect(parsed.errors.channelId).toEqual(["请选择频道"]);
  });

  it("takes the editor's HTML into the stored form (lib/body/normalize.ts)", () => {
    const parsed = parseArticleForm({
      ...valid,
      body: '<p style="color:red" class="x">正文<b>加粗</b></p><script>alert(1)</script><p></p>',
    });
    expect(parsed.ok && parsed.data.body).toBe("<p>正文<strong>加粗</strong></p>");
  });

  it("refuses a body with nothing a reader would see", () => {
    const parsed = parseArticleForm({ ...valid, body: "<p> </p><p><br></p>" });
    expect(!parsed.ok && parsed.errors.body).toEqual(["请输入正文"]);
  });

  it("refuses images from other sites in the body, naming each address; the site's own are fine", () => {
    const body =
      '<p>导语。</p><figure><img src="https://img.example.com/a.jpg" alt="现场"></figure><figure><img src="/media/202611/0123456789abcdef-640.webp" alt="本站"></figure>';
    const parsed = parseArticleForm({ ...valid, title: "", body });
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    // Reported with the other problems of the same submit.
    expect(parsed.errors.title).toEqual(["请输入标题"]);
    expect(parsed.errors.body).toEqual([offSiteImagesMessage(["https://img.example.com/a.jpg"])]);
    expect(parsed.errors.body?.[0]).toContain("https://img.example.com/a.jpg");
    expect(
      parseArticleForm({
        ...valid,
        body: '<figure><img src="/media/202611/0123456789abcdef-640.webp" alt="本站"></figure>',
      }).ok,
    ).toBe(true);
  });

  it("names at most three addresses and counts the rest", () => {
    const urls = [1, 2, 3, 4, 5].map((i) => `https://img${i}.example.com/a.jpg`);
    const message = offSiteImagesMessage(urls);
    expect(message).toContain(urls.slice(0, 3).join("、"));
    expect(message).not.toContain(urls[3]);
    expect(message).toContain("等 5 处");
  });
});

describe("articleMetaSchema", () => {
  it("reads id, version and the button", () => {
    expect(articleMetaSchema.parse({ id: "12", version: "1795575933036", intent: "publish" })).toEqual({
      id: 12,
      version: 1795575933036,
      intent: "publish",
    });
    expect(articleMetaSchema.parse({ id: "", version: "", intent: "save" })).toEqual({
      id: null,
      version: null,
      intent: "save",
    });
  });

  it("refuses unknown buttons and malformed ids", () => {
    expect(articleMetaSchema.safeParse({ id: "", version: "", intent: "delete" }).success).toBe(false);
    expect(articleMetaSchema.safeParse({ id: "-1", version: "", intent: "save" }).success).toBe(false);
    expect(articleMetaSchema.safeParse({ id: "1", version: "x", intent: "save" }).success).toBe(false);
  });
});

describe("toBeijingLocalInput / toFormValues", () => {
  it("shows a stored time as a Beijing datetime-local value, and parses back to it", () => {
    const date = new Date("2026-01-31T16:30:00Z");
    expect(toBeijingLocalInput(date)).toBe("2026-02-01T00:30");
    expect(toBeijingLocalInput(null)).toBe("");
    const values = toFormValues({
      channelId: 2,
      title: "t",
      summary: "",
      body: "b",
      source: "",
      byline: "",
      tags: ["甲", "乙"],
      leadImageId: null,
      leadImageAlt: "stale",
      leadImageCaption: "stale",
      leadImageCredit: "",
      publishedAt: date,
      unpublishAt: new Date(date.getTime() + 3_600_000),
      isHeadline: false,
      isRecommended: true,
      isCommunity: false,
    });
    expect(values).toMatchObject({
      channelId: "2",
      tags: "甲、乙",
      leadImageId: "",
      leadImageAlt: "",
      publishedAt: "2026-02-01T00:30",
      unpublishAt: "2026-02-01T01:30",
    });
    const parsed = parseArticleForm(values);
    expect(parsed.ok && parsed.data.publishedAt?.getTime()).toBe(date.getTime());
    expect(parsed.ok && parsed.data.unpublishAt?.getTime()).toBe(date.getTime() + 3_600_000);
    expect(parseArticleForm({ ...values, unpublishAt: "" }).ok).toBe(true);
    const bad = parseArticleForm({ ...values, unpublishAt: "明天" });
    expect(!bad.ok && bad.errors.unpublishAt).toEqual(["请填写有效的撤稿时间（北京时间）"]);
  });
});

describe("control and bidi characters (input boundary)", () => {
  it("strips them from every text field before the rules apply", () => {
    const parsed = parseArticleForm({
      ...valid,
      title: "\u202E柳江\u0000区新厂投产\u2069",
      summary: "摘\u0007要\n第二行",
      body: "<p>正文\u0000第一段</p>\n\n<p>\u2066第二段\u2069</p>",
      source: "柳州\u001B日报",
      byline: "记者\u200F张三",
      tags: "螺蛳粉\u0000、\u2067柳江",
      leadImageId: "7",
      leadImageAlt: "工人\u0000在车间",
      leadImageCaption: "新厂\u202A车间\u202C",
      leadImageCredit: "摄\u0085影",
    });
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    expect(parsed.data).toMatchObject({
      title: "柳江区新厂投产",
      summary: "摘要\n第二行",
      body: "<p>正文第一段</p>\n\n<p>第二段</p>",
      source: "柳州日报",
      byline: "记者张三",
      tags: ["螺蛳粉", "柳江"],
      leadImageAlt: "工人在车间",
      leadImageCaption: "新厂车间",
      leadImageCredit: "摄影",
    });
  });

  it("counts a text of control characters only as empty", () => {
    const parsed = parseArticleForm({
      ...valid,
      title: "\u0000\u202E",
      leadImageId: "7",
      leadImageAlt: "\u0000",
    });
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.errors.title).toBeDefined();
    expect(parsed.errors.leadImageAlt).toContain(LEAD_IMAGE_MESSAGES.alt);
  });
});
