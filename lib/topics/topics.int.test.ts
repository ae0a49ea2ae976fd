// 专题 against the real temporary database (SQLite, or PostgreSQL with TEST_POSTGRES_URL): the
// service's checks, audit and cache invalidation, and the reader reads (sections hand-picked and by
// tag, paging, the home slot, 本文所属专题, the feed's stories, the sitemap).
import { beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { clearCache } from "@/lib/cache/memo";
import { cacheCaughtUp } from "@/lib/cache/shared";
import { PageStore } from "@/lib/cache/page-store";
import {
  getTopic,
  listHomeTopics,
  listSectionStories,
  listSitemapTopics,
  listStoryTopics,
  listTopicFeedStories,
  listTopics,
} from "@/lib/data/topics";
import { getTopicForEdit } from "@/lib/data/admin-topics";
import { EDITORIAL_AUDIT } from "@/lib/articles/audit-actions";
import { makeArticle, makeChannel, uniq } from "@/lib/testing/fixtures";
import { parseTopicForm, type TopicFormValues, type TopicInput } from "@/lib/topics/rules";
import { deleteTopic, saveTopic, TOPIC_SERVICE_MESSAGES } from "@/lib/topics/service";

const HOUR = 3_600_000;

async function makeEditor() {
  const db = await getDb();
  const user = await db.user.create({ data: { username: uniq("u"), passwordHash: "x", role: "editor" } });
  return { id: user.id, role: "editor" as const };
}

/** A published story with a tag; the tag link carries the story's status as the service keeps it. */
async function taggedStory(tag: string, hoursAgo: number, status: "published" | "draft" = "published") {
  const db = await getDb();
  const ch = await makeChannel();
  const publishedAt = status === "published" ? new Date(Date.now() - hoursAgo * HOUR) : null;
  const a = await makeArticle({ channelId: ch.id, tags: [tag], status, publishedAt });
  await db.articleTag.updateMany({ where: { articleId: a.id }, data: { status, publishedAt } });
  return a;
}

function form(over: Partial<TopicFormValues>): TopicFormValues {
  return {
    title: "柳州螺蛳粉",
    slug: uniq("lsf"),
    intro: "一碗粉",
    bannerImageId: "",
    published: true,
    featuredOnHome: false,
    homeOrder: "0",
    sections: [],
    ...over,
  };
}

function input(values: TopicFormValues): TopicInput {
  const parsed = parseTopicForm(values);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.input;
}

const nowMs = () => Date.now();

beforeEach(() => clearCache());

describe("专题", () => {
  it("saves two sections, reads them for readers in order, audits and pages them", async () => {
    const db = await getDb();
    const editor = await makeEditor();
    const tag = uniq("标签");
    const picked = [await taggedStory(uniq("x"), 5), await taggedStory(uniq("x"), 1)];
    const draft = await taggedStory(uniq("x"), 0, "draft");
    const tagged = [];
    for (let i = 0; i < 8; i++) tagged.push(await taggedStory(tag, i + 1));
    const values = form({
      sections: [
        {
          title: "精选",
          kind: "picked",
          stories: `${picked[0]?.id}\n/x/${picked[1]?.id}, ${draft.id}`,
          tag: "",
        },
        { title: "最新", kind: "tag", stories: "", tag },
        { title: "", kind: "picked", stories: "", tag: "" },
      ],
    });
    const saved = await saveTopic(db, editor, null, input(values), new Date());
    expect(saved.ok).toBe(true);
    if (!saved.ok) return;

    const topic = await getTopic(values.slug);
    expect(topic?.sections.map((s) => [s.title, s.kind])).toEqual([
      ["精选", "picked"],
      ["最新", "tag"],
    ]);
    if (!topic) return;
    const [first, second] = topic.sections;
    if (!first || !second) return;
    // Hand-picked in the editor's order, the draft left out until it is published.
    const s1 = await listSectionStories(first, 1, 6, nowMs());
    expect(s1.items.map((c) => c.id)).toEqual(picked.map((p) => p.id));
    expect(s1.total).toBe(2);
    // By tag: newest first, paged.
    const p1 = await listSectionStories(second, 1, 6, nowMs());
    expect(p1.total).toBe(8);
    expect(p1.items.map((c) => c.id)).toEqual(tagged.slice(0, 6).map((t) => t.id));
    const p2 = await listSectionStories(second, 2, 6, nowMs());
    expect(p2.items.map((c) => c.id)).toEqual(tagged.slice(6).map((t) => t.id));

    // 本文所属专题: hand-picked and through a tag; the feed has both.
    expect((await listStoryTopics(picked[0]?.id ?? 0)).items).toEqual([
      { href: topic.href, title: "柳州螺蛳粉" },
    ]);
    expect((await listStoryTopics(tagged[3]?.id ?? 0)).items.map((t) => t.href)).toEqual([topic.href]);
    const feed = await listTopicFeedStories(topic, 50, nowMs());
    expect(feed.map((s) => s.id).sort((a, b) => a - b)).toEqual(
      [...picked, ...tagged].map((s) => s.id).sort((a, b) => a - b),
    );
    expect((await listSitemapTopics()).map((t) => t.href)).toContain(topic.href);
    expect((await listTopics(1)).items.map((t) => t.slug)).toContain(values.slug);

    const audit = await db.auditLog.findFirst({
      where: { userId: editor.id, action: EDITORIAL_AUDIT.topicCreated },
      select: { detail: true },
    });
    expect(JSON.parse(audit?.detail ?? "{}")).toMatchObject({ slug: values.slug, sections: 2 });
    // The editor's form gets back what was saved.
    const edit = await getTopicForEdit(saved.id);
    expect(edit?.values.sections.map((s) => s.stories)).toEqual([
      `${picked[0]?.id}\n${picked[1]?.id}\n${draft.id}`,
      "",
    ]);
  });

  it("refuses unknown stories, tags, images and a taken address, naming the field", async () => {
    const db = await getDb();
    const editor = await makeEditor();
    const first = form({ sections: [{ title: "a", kind: "tag", stories: "", tag: uniq("t") }] });
    await taggedStory(first.sections[0]?.tag ?? "", 1);
    const ok = await saveTopic(db, editor, null, input(first), new Date());
    expect(ok.ok).toBe(true);
    const missingTag = uniq("无");
    const bad = await saveTopic(
      db,
      editor,
      null,
      input(
        form({
          slug: first.slug,
          bannerImageId: "999999999",
          sections: [
            { title: "a", kind: "picked", stories: "999999998", tag: "" },
            { title: "b", kind: "tag", stories: "", tag: missingTag },
          ],
        }),
      ),
      new Date(),
    );
    expect(bad).toEqual({
      ok: false,
      message: TOPIC_SERVICE_MESSAGES.check,
      errors: {
        "s0.stories": [TOPIC_SERVICE_MESSAGES.noStories([999999998])],
        "s1.tag": [TOPIC_SERVICE_MESSAGES.noTag(missingTag)],
        bannerImageId: [TOPIC_SERVICE_MESSAGES.noImage],
        slug: [TOPIC_SERVICE_MESSAGES.slugTaken("柳州螺蛳粉")],
      },
    });
    expect(await db.topic.count({ where: { slug: first.slug } })).toBe(1);
  });

  it("hides unpublished topics, keeps the first publication date, features on home, deletes", async () => {
    const db = await getDb();
    const editor = await makeEditor();
    const story = await taggedStory(uniq("x"), 1);
    const values = form({
      published: false,
      featuredOnHome: true,
      sections: [{ title: "a", kind: "picked", stories: String(story.id), tag: "" }],
    });
    const saved = await saveTopic(db, editor, null, input(values), new Date());
    if (!saved.ok) throw new Error(saved.message);
    expect(await getTopic(values.slug)).toBeNull();
    expect((await listStoryTopics(story.id)).items).toEqual([]);
    const publishedAt = new Date(Date.now() - 1000);
    await saveTopic(db, editor, saved.id, input({ ...values, published: true }), publishedAt);
    await cacheCaughtUp();
    expect((await getTopic(values.slug))?.publishedAt).toEqual(publishedAt);
    expect((await listHomeTopics()).items.map((t) => t.slug)).toContain(values.slug);
    // A later edit keeps the topic's place in the list.
    await saveTopic(db, editor, saved.id, input({ ...values, published: true, title: "改名" }), new Date());
    await cacheCaughtUp();
    const topic = await getTopic(values.slug);
    expect([topic?.title, topic?.publishedAt]).toEqual(["改名", publishedAt]);

    expect(await deleteTopic(db, editor, saved.id, new Date())).toEqual({ ok: true });
    await cacheCaughtUp();
    expect(await getTopic(values.slug)).toBeNull();
    expect(await db.topicSection.count({ where: { topicId: saved.id } })).toBe(0);
    expect(await db.article.count({ where: { id: story.id } })).toBe(1);
    expect(await deleteTopic(db, editor, saved.id, new Date())).toEqual({
      ok: false,
      message: TOPIC_SERVICE_MESSAGES.notFound,
    });
    expect(await saveTopic(db, { id: 0, role: "reader" as never }, null, input(values), new Date())).toEqual({
      ok: false,
      message: TOPIC_SERVICE_MESSAGES.forbidden,
    });
  });

  it("drops cached topic pages on every edit", async () => {
    const db = await getDb();
    const editor = await makeEditor();
    const story = await taggedStory(uniq("x"), 1);
    const values = form({ sections: [{ title: "a", kind: "picked", stories: String(story.id), tag: "" }] });
    const store = new PageStore({ maxBytes: 1024 * 1024 });
    const key = `/route-cache/APP_PAGE/0f0f/$/zhuanti/${values.slug}`;
    const ctx = { kind: "APP_PAGE", cacheControl: { revalidate: 20, expire: 40 } };
    const render = () => {
      expect(store.get(key, ctx)).toBeNull();
      store.set(key, { kind: "APP_PAGE", html: "<h1>t</h1>", rscData: Buffer.from("t"), status: 200 }, ctx);
      expect(store.get(key, ctx)).not.toBeNull();
    };
    render();
    const saved = await saveTopic(db, editor, null, input(values), new Date());
    await cacheCaughtUp();
    render();
    if (!saved.ok) return;
    await saveTopic(db, editor, saved.id, input({ ...values, intro: "新简介" }), new Date());
    await cacheCaughtUp();
    render();
    await deleteTopic(db, editor, saved.id, new Date());
    await cacheCaughtUp();
    render();
  });
});
