// The network of local sites against the real database: an admin adds a province, two cities with
// counties and channels through the services the editor area calls, and each city's lists keep
// to its own stories. Other test files share the database (their channels belong to no city), so
// assertions are about rows made here.
import { beforeEach, describe, expect, it } from "vitest";
import { flushViews, recordView } from "@/lib/views/record-view";
import { clearCache } from "@/lib/cache/memo";
import { cacheCaughtUp } from "@/lib/cache/shared";
import { getDb } from "@/lib/db";
import { getNetwork, listScope } from "@/lib/data/channels";
import { getSidebarData } from "@/lib/data/page-data";
import { listHeadlines } from "@/lib/data/articles";
import { getCityHub, getProvinceHub, listCityLatest } from "@/lib/data/regions";
import { getStoryRecommendations } from "@/lib/data/sidebars";
import { createChannel, createRegion, REGION_MESSAGES } from "@/lib/regions/service";
import { makeArticle, uniq } from "@/lib/testing/fixtures";
import type { Role } from "@/lib/auth/schemas";

const NOW = new Date();
const BROWSER_UA =
  "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Safari/537.36";

async function makeUser(role: Role) {
  const db = await getDb();
  const user = await db.user.create({ data: { username: uniq("u"), passwordHash: "x", role } });
  return { id: user.id, role };
}

const slug = (prefix: string) => uniq(prefix).toLowerCase();

async function region(parentId: number | null, name = uniq("地")) {
  const result = await createRegion(
    await getDb(),
    await makeUser("admin"),
    { parentId, name, slug: slug("r") },
    NOW,
  );
  if (!result.ok) throw new Error(result.message);
  return result.id;
}

async function channel(regionId: number) {
  const input = { name: uniq("频"), slug: slug("c"), regionId, sortOrder: 10, slogan: "" };
  const result = await createChannel(await getDb(), await makeUser("admin"), input, NOW);
  if (!result.ok) throw new Error(result.message);
  return result.id;
}

let clientNo = 0;
async function views(articleId: number, n: number) {
  for (let i = 0; i < n; i++) {
    clientNo++;
    recordView(articleId, { address: `198.51.100.${clientNo % 250}:${clientNo}`, userAgent: BROWSER_UA });
  }
  await flushViews();
}

beforeEach(() => clearCache());

describe("createRegion and createChannel", () => {
  it("derive the level from the parent and refuse duplicates, counties' children and editors", async () => {
    const db = await getDb();
    const admin = await makeUser("admin");
    const province = await region(null);
    const name = uniq("市");
    const city = await createRegion(db, admin, { parentId: province, name, slug: "shi" }, NOW);
    expect(city).toMatchObject({ ok: true, level: "city" });
    if (!city.ok) return;
    const county = await createRegion(db, admin, { parentId: city.id, name: uniq("县"), slug: "xian" }, NOW);
    expect(county).toMatchObject({ ok: true, level: "county" });
    if (!county.ok) return;

    const again = await createRegion(db, admin, { parentId: province, name, slug: "shi" }, NOW);
    expect(again).toMatchObject({
      ok: false,
      errors: { name: [REGION_MESSAGES.nameTaken], slug: [REGION_MESSAGES.slugTaken] },
    });
    const under = await createRegion(db, admin, { parentId: county.id, name: uniq("村"), slug: "cun" }, NOW);
    expect(under).toMatchObject({ ok: false, errors: { parentId: [REGION_MESSAGES.parentIsCounty] } });
    const editor = await makeUser("editor");
    expect(await createRegion(db, editor, { parentId: null, name: uniq("省"), slug: "sheng" }, NOW)).toEqual({
      ok: false,
      message: REGION_MESSAGES.forbidden,
    });
    const onProvince = await createChannel(
      db,
      admin,
      { name: uniq("频"), slug: slug("c"), regionId: province, sortOrder: 1, slogan: "" },
      NOW,
    );
    expect(onProvince).toMatchObject({ ok: false, errors: { regionId: [REGION_MESSAGES.regionIsProvince] } });
    const audit = await db.auditLog.findFirstOrThrow({
      where: { userId: admin.id, action: "region_created" },
    });
    expect(JSON.parse(audit.detail)).toMatchObject({ level: "city", slug: "shi" });
  });

  it("record site and channels in the write, so the network is read again on the next request", async () => {
    const province = await region(null);
    const before = await getNetwork();
    const city = await region(province);
    await cacheCaughtUp();
    const after = await getNetwork();
    expect(before.cities.some((c) => c.id === city)).toBe(false);
    expect(after.cities.find((c) => c.id === city)?.province.id).toBe(province);
  });
});

describe("a city's pages", () => {
  it("list only the city's stories: hub, hot lists, 频道推荐 and 猜你喜欢", async () => {
    const province = await region(null);
    const [cityA, cityB] = [await region(province), await region(province)];
    const countyA = await region(cityA);
    const [a1, a2, b1] = [await channel(cityA), await channel(countyA), await channel(cityB)];
    const tag = uniq("标签");
    const storyA1 = await makeArticle({ channelId: a1, tags: [tag], isCommunity: true });
    const storyA2 = await makeArticle({ channelId: a2, tags: [tag], isRecommended: true });
    const storyB = await makeArticle({
      channelId: b1,
      tags: [tag],
      isCommunity: true,
      isRecommended: true,
      isHeadline: true,
    });
    await views(storyA2.id, 3);
    await views(storyB.id, 5);
    clearCache();

    const network = await getNetwork();
    expect(network.cities.find((c) => c.id === cityA)?.channelIds.sort()).toEqual([a1, a2].sort());
    expect(network.channels.find((c) => c.id === a2)?.regionCrumbs.map((c) => c.href !== undefined)).toEqual([
      true,
      true,
      false,
    ]);
    expect(await listScope(a2, null)).toBe(cityA);
    expect(await listScope(null, cityB)).toBe(cityB);

    const nowMs = Date.now() + 1000;
    const hubA = await getCityHub(network.provinces.find((p) => p.id === province)?.slug ?? "", "x");
    expect(hubA).toBeNull();
    const cityInfo = network.cities.find((c) => c.id === cityA);
    if (!cityInfo) throw new Error("no city");
    const hub = await getCityHub(cityInfo.province.slug, cityInfo.slug);
    expect(hub?.channels.map((c) => c.id).sort()).toEqual([a1, a2].sort());
    expect((await listCityLatest(cityInfo, 10, nowMs)).map((c) => c.id).sort()).toEqual(
      [storyA1.id, storyA2.id].sort(),
    );
    expect((await getProvinceHub(cityInfo.province.slug))?.cities.map((c) => c.id)).toEqual([cityA, cityB]);

    const sidebar = await getSidebarData(a1, nowMs);
    const all = [
      ...sidebar.channelPicks,
      ...sidebar.hotReading,
      ...sidebar.community,
      ...sidebar.pictures,
      ...sidebar.ranking["24h"],
      ...sidebar.ranking["7d"],
      ...sidebar.ranking["30d"],
    ].map((c) => c.id);
    expect(all).not.toContain(storyB.id);
    expect(sidebar.ranking["24h"].map((c) => c.id)).toEqual([storyA2.id]);
    expect(sidebar.hotReading.map((c) => c.id)).toEqual([storyA2.id]);
    expect(sidebar.channelPicks.map((c) => c.id)).toEqual([storyA2.id]);
    expect(sidebar.community.map((c) => c.id)).toEqual([storyA1.id]);
    // The hub of city B (no channel given) keeps to B.
    const hubB = await getSidebarData(null, nowMs, cityB);
    expect(hubB.ranking["24h"].map((c) => c.id)).toEqual([storyB.id]);

    // Headlines of a city: B's flagged story; A has none flagged, so its newest stories.
    expect((await listHeadlines(6, nowMs, cityB)).map((c) => c.id)).toEqual([storyB.id]);
    expect((await listHeadlines(6, nowMs, cityA)).map((c) => c.id).sort()).toEqual(
      [storyA1.id, storyA2.id].sort(),
    );

    const recs = await getStoryRecommendations(storyA1.id, a1, [], nowMs, await listScope(a1, null));
    expect([...recs.related, ...recs.youMayLike].map((c) => c.id)).toContain(storyA2.id);
    expect([...recs.related, ...recs.youMayLike].map((c) => c.id)).not.toContain(storyB.id);
  });
});
