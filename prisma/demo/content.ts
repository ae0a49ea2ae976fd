/**
 * Deterministic demo content for the difang portal: seven channels for
 * 柳州市 and its counties, each with ~50 original, generated news stories.
 *
 * Everything here is fictional demo copy assembled from hand-written story
 * templates (see ./stories-*.ts) and slot values (towns, villages, people,
 * numbers) drawn from a seeded PRNG. No Math.random, no clock: the same seed
 * always yields exactly the same articles.
 */
import {
  charLen,
  flattenParas,
  hashString,
  mulberry32,
  pick,
  shuffle,
  Slots,
  type Rng,
  type StoryKind,
  type StoryTemplate,
} from "./kit";
import { REGIONS } from "./regions";
import { PUBLIC_STORIES } from "./stories-public";
import { ECONOMY_STORIES } from "./stories-economy";
import { CULTURE_STORIES } from "./stories-culture";
import { LOCAL_STORIES_A } from "./stories-local-a";
import { LOCAL_STORIES_B } from "./stories-local-b";
import type { DemoArticle, DemoChannel, DemoChannelSlug, DemoImage } from "./types";

export type { DemoArticle, DemoChannel, DemoChannelSlug, DemoImage, DemoScene } from "./types";

export const DEFAULT_DEMO_SEED = 20240618;

export const DEMO_CHANNELS: ReadonlyArray<DemoChannel> = [
  {
    slug: "liuzhou",
    name: "柳州新闻",
    regionName: "柳州市",
    slogan: "山水环抱工业城，一碗粉香里读懂柳州。",
    description:
      "柳州城区及全市综合新闻：民生服务、产业发展、城市建设与文化旅游，记录这座山水工业城市的日常变化。",
  },
  {
    slug: "liujiang",
    name: "柳江新闻",
    regionName: "柳江区",
    slogan: "荷香稻熟柳江畔，同城路上步步新。",
    description: "柳江区新闻：拉堡新城建设、百朋荷塘与莲藕、螺蛳粉原料基地，以及各镇村的民生故事。",
  },
  {
    slug: "liucheng",
    name: "柳城新闻",
    regionName: "柳城县",
    slogan: "两江汇流处，橘红蔗甜好时光。",
    description: "柳城县新闻：蜜橘与甘蔗产业、云片糕等老味道、仫佬族民俗和大埔镇等城乡发展动态。",
  },
  {
    slug: "luzhai",
    name: "鹿寨新闻",
    regionName: "鹿寨县",
    slogan: "竹木连青山，古镇慢时光里话鹿寨。",
    description: "鹿寨县新闻：竹木加工与蚕桑产业、中渡古镇与香桥岩文旅、洛清江畔的民生与乡村振兴。",
  },
  {
    slug: "rongan",
    name: "融安新闻",
    regionName: "融安县",
    slogan: "金桔映融江，香杉满青山。",
    description: "融安县新闻：融安金桔与香杉产业、融江生态、长安镇等乡镇的民生服务和民俗文化。",
  },
  {
    slug: "rongshui",
    name: "融水新闻",
    regionName: "融水苗族自治县",
    slogan: "芦笙声里看苗山，元宝山下说新事。",
    description: "融水苗族自治县新闻：苗族坡会与苗绣、元宝山与贝江生态旅游、山区产业和村寨生活。",
  },
  {
    slug: "sanjiang",
    name: "三江新闻",
    regionName: "三江侗族自治县",
    slogan: "鼓楼听大歌，风雨桥上看侗乡。",
    description: "三江侗族自治县新闻：侗族大歌与木构建筑、程阳八寨文旅、三江早春茶产业和侗寨百家宴。",
  },
];

/** Every story template, generic and channel-specific. */
export const STORY_TEMPLATES: readonly StoryTemplate[] = [
  ...PUBLIC_STORIES,
  ...ECONOMY_STORIES,
  ...CULTURE_STORIES,
  ...LOCAL_STORIES_A,
  ...LOCAL_STORIES_B,
];

const COMMUNITY_PER_CHANNEL = 7;
const HOURS_SPAN = 60 * 24; // about 60 days
const HEADLINE_COUNT = 6;
const CULTURE_TAGS = new Set(["文化", "民俗", "非遗", "旅游", "乡村文化", "文旅"]);

function applies(t: StoryTemplate, slug: DemoChannelSlug): boolean {
  if (t.only && !t.only.includes(slug)) return false;
  if (t.not && t.not.includes(slug)) return false;
  return true;
}

/** Sentences of a plain-text paragraph (markdown markers stripped). */
function plainSentences(paragraph: string): string[] {
  const plain = paragraph
    .replace(/^>\s*/gm, "")
    .replace(/^-\s*/gm, "")
    .replace(/\*\*([^*]+)\*\*/g, "$1")
    .replace(/\s+/g, "");
  return plain.match(/[^。！？]+[。！？]”?/g) ?? [plain];
}

/** Keep a summary between 60 and 120 characters without cutting mid-sentence if possible. */
function fitSummary(summary: string, paragraphs: readonly string[]): string {
  let out = summary.replace(/\s+/g, "");
  if (charLen(out) < 60) {
    for (const p of paragraphs) {
      if (p.startsWith("- ") || p.startsWith(">")) continue;
      for (const sentence of plainSentences(p)) {
        if (charLen(out) >= 60) break;
        if (out.includes(sentence)) continue;
        out += sentence;
      }
      if (charLen(out) >= 60) break;
    }
  }
  if (charLen(out) > 120) {
    const chars = Array.from(out).slice(0, 119);
    const text = chars.join("");
    const cut = Math.max(text.lastIndexOf("。"), text.lastIndexOf("，"), text.lastIndexOf("；"));
    out = cut >= 60 ? `${text.slice(0, cut)}。` : `${text}…`;
  }
  return out;
}

function makeByline(s: Slots, source: string): { byline: string; reporter: string } {
  const reporter = s.person();
  const helper = s.person();
  let byline: string;
  if (source.endsWith("融媒体中心")) {
    byline = s.pick([
      `记者 ${reporter}`,
      `融媒体记者 ${reporter}`,
      `通讯员 ${helper} 记者 ${reporter}`,
      `记者 ${reporter} 通讯员 ${helper}`,
    ]);
  } else if (source === "柳州新闻网") {
    byline = s.pick([`记者 ${reporter}`, `记者 ${reporter} 实习生 ${helper}`]);
  } else {
    byline = s.pick([
      `本报记者 ${reporter}`,
      `通讯员 ${helper} 记者 ${reporter}`,
      `本报记者 ${reporter} 通讯员 ${helper}`,
      `本报记者 ${reporter}`,
    ]);
  }
  return { byline, reporter };
}

function pickSource(rng: Rng, slug: DemoChannelSlug): string {
  const r = REGIONS[slug];
  if (slug === "liuzhou") return pick(rng, [...r.papers, r.mediaCenter]);
  const x = rng();
  if (x < 0.5) return r.mediaCenter;
  if (x < 0.7) return "柳州日报";
  if (x < 0.85) return "柳州晚报";
  if (x < 0.93) return "南国今报";
  return "广西日报";
}

interface Built {
  article: DemoArticle;
  kind: StoryKind;
  /** Built from a channel-specific template. */
  local: boolean;
}

function buildOne(t: StoryTemplate, slug: DemoChannelSlug, rng: Rng, titles: Set<string>): Built {
  const region = REGIONS[slug];
  for (let attempt = 0; attempt < 40; attempt++) {
    const s = new Slots(rng, region);
    const draft = t.build(s);
    const title = draft.title.trim();
    const len = charLen(title);
    if (len < 10 || len > 30 || titles.has(title)) continue;
    const paragraphs = flattenParas(draft.body);
    const summary = fitSummary(draft.summary, paragraphs);
    const source = pickSource(rng, slug);
    const { byline, reporter } = makeByline(s, source);

    const tagSet = new Set<string>([...t.tags, ...(draft.tags ?? [])]);
    if (t.tags.some((x) => CULTURE_TAGS.has(x))) for (const x of region.flavourTags) tagSet.add(x);
    const tags = [...tagSet].slice(0, 5);

    let image: DemoImage | null = null;
    if (t.scene && (t.kind === "feature" || s.chance(0.62))) {
      const credit = s.pick([
        `记者 ${reporter} 摄`,
        `通讯员 ${s.person()} 摄`,
        `记者 ${reporter} 摄`,
        "资料图片",
      ]);
      image = {
        alt: draft.alt ?? title,
        caption: draft.caption ?? title,
        credit,
        scene: t.scene,
        seed: Math.floor(rng() * 2147483647),
      };
    }

    titles.add(title);
    return {
      kind: t.kind,
      local: t.only !== undefined,
      article: {
        key: "",
        channel: slug,
        title,
        summary,
        body: paragraphs.join("\n\n"),
        source,
        byline,
        tags,
        community: t.community === true,
        image,
        publishedHoursAgo: 0,
        headline: false,
        recommended: false,
      },
    };
  }
  throw new Error(`demo content: template "${t.id}" could not produce a valid unique title for ${slug}`);
}

function selectTemplates(rng: Rng, slug: DemoChannelSlug, total: number): StoryTemplate[] {
  const applicable = STORY_TEMPLATES.filter((t) => applies(t, slug));
  const local = applicable.filter((t) => t.only !== undefined);
  const generic = applicable.filter((t) => t.only === undefined);
  const chosen: StoryTemplate[] = [...local];
  let community = chosen.filter((t) => t.community).length;
  const genCommunity = shuffle(
    rng,
    generic.filter((t) => t.community),
  );
  const genOther = shuffle(
    rng,
    generic.filter((t) => !t.community),
  );
  for (const t of genCommunity) {
    if (community >= COMMUNITY_PER_CHANNEL) break;
    chosen.push(t);
    community++;
  }
  for (const t of genOther) {
    if (chosen.length >= total) break;
    chosen.push(t);
  }
  return shuffle(rng, chosen);
}

/**
 * Build the full demo article set. Deterministic for a given seed.
 */
export function buildDemoArticles(seed: number = DEFAULT_DEMO_SEED): DemoArticle[] {
  const titles = new Set<string>();
  const all: Built[] = [];

  for (const channel of DEMO_CHANNELS) {
    const rng = mulberry32(hashString(`${seed}:${channel.slug}`));
    const total = 48 + Math.floor(rng() * 5);
    const templates = selectTemplates(rng, channel.slug, total);

    // Publication times: one slot per article spread over ~60 days, newest a few hours ago.
    const step = (HOURS_SPAN - 2) / templates.length;
    const hours = templates.map((_, i) => Math.round(2 + i * step + rng() * step * 0.85));

    const built = templates.map((t, i) => {
      const b = buildOne(t, channel.slug, rng, titles);
      b.article.key = `${channel.slug}-${String(i + 1).padStart(3, "0")}`;
      return b;
    });
    // Assign times in a shuffled order so time and template are independent.
    const order = shuffle(
      rng,
      built.map((_, i) => i),
    );
    order.forEach((articleIndex, slot) => {
      const b = built[articleIndex];
      const h = hours[slot];
      if (b && h !== undefined) b.article.publishedHoursAgo = h;
    });

    // Editors' picks: 2–3 per channel, preferring features, then the newest illustrated stories.
    const picks = 2 + Math.floor(rng() * 2);
    const candidates = built
      .filter((b) => b.article.image !== null && b.kind !== "notice")
      .sort(
        (a, b) =>
          (a.kind === "feature" ? 0 : 1) - (b.kind === "feature" ? 0 : 1) ||
          a.article.publishedHoursAgo - b.article.publishedHoursAgo,
      );
    // Skip the newest illustrated story: it is the headline candidate.
    const newest = [...candidates].sort(
      (a, b) => a.article.publishedHoursAgo - b.article.publishedHoursAgo,
    )[0];
    for (const b of candidates.filter((c) => c !== newest).slice(0, picks)) b.article.recommended = true;

    all.push(...built);
  }

  // Home page headlines: one fresh, illustrated story per channel (local specials and
  // features get a two-day bonus over routine news), then the newest six overall.
  const score = (b: Built): number =>
    b.article.publishedHoursAgo - (b.local || b.kind === "feature" ? 48 : 0);
  const perChannel = DEMO_CHANNELS.map(
    (c) =>
      all
        .filter(
          (b) =>
            b.article.channel === c.slug &&
            b.article.image !== null &&
            b.kind !== "notice" &&
            !b.article.recommended,
        )
        .sort((a, b) => score(a) - score(b) || a.article.publishedHoursAgo - b.article.publishedHoursAgo)[0],
  ).filter((b): b is Built => b !== undefined);
  perChannel
    .sort((a, b) => a.article.publishedHoursAgo - b.article.publishedHoursAgo)
    .slice(0, HEADLINE_COUNT)
    .forEach((b) => {
      b.article.headline = true;
    });

  return all.map((b) => b.article);
}
